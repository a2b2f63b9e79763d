/// The declared shape of every content kind and of the site settings.
public enum ContentSchema {
    public static let deelnamevariant = Choice(name: "deelnamevariant", options: [
        .init(value: "volledig", label: "Volledig",
              description: "Doet volledig mee: draagt bij, beslist mee en heeft er zelf belang bij."),
        .init(value: "solidariteit", label: "Solidariteit",
              description: "Betaalt mee uit solidariteit, maar doet inhoudelijk niet mee."),
        .init(value: "instap", label: "Instap",
              description: "Stapt later in, tegen een instapbijdrage."),
        .init(value: "geen", label: "Geen deelname",
              description: "Doet niet mee en wordt op de hoogte gehouden."),
    ])

    /// The sign of a thema on the map and its page; each has its own colour (see `ThemaIcon`).
    public static let themaIcoon = Choice(name: "icoon", options: [
        .init(value: "woning", label: "Woning", description: "Een huis, voor wonen en bouwen."),
        .init(value: "weg", label: "Weg", description: "Een weg, voor bereikbaarheid."),
        .init(value: "groei", label: "Groei", description: "Staafjes die stijgen, voor economie."),
        .init(value: "energie", label: "Energie", description: "Een bliksem, voor energie."),
        .init(value: "onderwijs", label: "Onderwijs", description: "Een afstudeerhoed, voor onderwijs en arbeidsmarkt."),
        .init(value: "mensen", label: "Mensen", description: "Twee mensen, voor het sociaal domein."),
        .init(value: "gebouw", label: "Gebouw", description: "Een kantoorgebouw, voor bedrijfsvoering en organisatie."),
        .init(value: "samen", label: "Samen", description: "Twee ringen die in elkaar grijpen, voor samenwerking en bestuur."),
    ])

    public static let status = Choice(name: "status", options: [
        .init(value: "verkenning", label: "Verkenning", description: "De coalitie wordt verkend; er is nog niets afgesproken."),
        .init(value: "lopend", label: "Lopend", description: "De coalitie is gevormd en het werk loopt."),
        .init(value: "afgerond", label: "Afgerond", description: "Het werk van de coalitie is klaar."),
        .init(value: "vervallen", label: "Vervallen", description: "Volgens de bronnen bestaat dit niet meer, of is het niet doorgegaan."),
        .init(value: "onbekend", label: "Stand onbekend",
              description: "De bronnen beschrijven het (bijvoorbeeld als voorstel), maar zeggen niet wat ermee is gebeurd."),
    ])

    /// Statuses of work that is going on (or being explored) now; the others are history or unknown.
    public static let currentStatuses: Set<String> = ["verkenning", "lopend"]

    public static let besluitStatus = Choice(name: "besluitstatus", options: [
        .init(value: "genomen", label: "Genomen", description: "Het besluit is genomen."),
        .init(value: "geagendeerd", label: "Geagendeerd", description: "Het voorstel staat op de agenda van de raad of het college."),
        .init(value: "verwacht", label: "Verwacht", description: "Een besluit dat volgens de bronnen nog komt, maar nog niet is geagendeerd."),
    ])

    public static let besluitDoor = Choice(name: "besluitdoor", options: [
        .init(value: "raad", label: "Gemeenteraad", description: "De gemeenteraden beslissen."),
        .init(value: "college", label: "College van B&W", description: "De colleges van burgemeester en wethouders beslissen."),
        .init(value: "regio", label: "Regionaal orgaan", description: "Een regionaal orgaan beslist, bijvoorbeeld de bestuurlijke regiekamer."),
    ])

    public static let tafelSoort = Choice(name: "tafelsoort", options: [
        .init(value: "tafel", label: "Bestuurlijke tafel",
              description: "De bestuurlijke tafel van het thema: hier bepalen de gemeenten samen de ambitie en kiezen zij projecten."),
        .init(value: "regiekamer", label: "Regiekamer",
              description: "Een regiekamer voor de samenwerking als geheel; geen tafel voor de inhoud van één thema."),
        .init(value: "overleg", label: "Ambtelijk overleg",
              description: "Een overleg van ambtenaren, zoals de gemeentesecretarissen (ONS-D); geen bestuurlijke tafel."),
    ])

    public static let bronSoort = Choice(name: "bronsoort", options: [
        .init(value: "besluit", label: "Besluit", description: "Een besluit van een raad, college of ander bestuursorgaan."),
        .init(value: "notitie", label: "Notitie", description: "Een notitie of voorstel, bijvoorbeeld een hoofdnotitie."),
        .init(value: "rapport", label: "Rapport", description: "Een onderzoeks- of adviesrapport."),
        .init(value: "raadsinformatiebrief", label: "Raadsinformatiebrief", description: "Een brief van een college aan de gemeenteraad."),
        .init(value: "programma", label: "Programma", description: "Een programma of plan met voorstellen."),
        .init(value: "overig", label: "Overig", description: "Een andere openbare bron."),
    ])

    public static let ring = Choice(name: "ring", options: [
        .init(value: "lokaal-individueel", label: "Lokaal-individueel",
              description: "Elke gemeente bepaalt en voert zelf uit."),
        .init(value: "lokaal-gemeenschappelijk", label: "Lokaal-gemeenschappelijk",
              description: "Gemeenten beslissen lokaal, maar stemmen hun beleid op elkaar af."),
        .init(value: "regionaal-coordinatie", label: "Regionaal-coördinatie",
              description: "Regionale afstemming en coördinatie van lokale besluiten."),
        .init(value: "regionaal-delegatie", label: "Regionaal-delegatie",
              description: "Bevoegdheden zijn aan de regio overgedragen."),
    ])

    public static let stap = Choice(name: "stap", options: [
        .init(value: "ambitie", label: "Gezamenlijke ambitie bepalen", description: "De partijen bepalen samen wat ze willen bereiken."),
        .init(value: "projecten", label: "Projecten definiëren", description: "De ambitie wordt vertaald in concrete projecten."),
        .init(value: "commitment", label: "Belangen- en commitmentgesprek", description: "Elke partij zegt wat haar belang is en waaraan zij zich verbindt."),
        .init(value: "coalitie", label: "Coalitie vormen", description: "De partijen die meedoen vormen de coalitie."),
        .init(value: "afspraken", label: "Afspraken maken", description: "Inzet, geld en rollen worden vastgelegd."),
        .init(value: "monitoren", label: "Voortgang monitoren", description: "De coalitie volgt en deelt de voortgang."),
    ])

    public static let soort = Choice(name: "soort", options: [
        .init(value: "overheid", label: "Overheid", description: "Een gemeente, provincie, regio of andere overheid."),
        .init(value: "bedrijfsleven", label: "Bedrijfsleven", description: "Een bedrijf of een organisatie van ondernemers."),
        .init(value: "kennisinstelling", label: "Kennisinstelling", description: "Een onderwijs- of onderzoeksinstelling."),
        .init(value: "maatschappelijk", label: "Maatschappelijk", description: "Een maatschappelijke organisatie."),
    ])

    static let voorbeeld = FieldSpec("voorbeeld", .boolean,
        "true als de gegevens niet uit de brondocumenten komen; de site toont dan het label Voorbeeldgegevens.")

    /// A pointer into a registered document: the document's slug and, best, the part.
    public static let citation = ObjectSpec([
        FieldSpec("document", .reference(.kind(.bronnen)), required: true, "Slug van het brondocument in Content/bronnen/."),
        FieldSpec("deel", .text, "Het deel waarop het rust: hoofdstuk, paragraaf, kop of bladzijde."),
    ])

    /// The three ways to say where something comes from; exactly one is given (checked by the
    /// validator, since `voorbeeld: false` counts as not given).
    public static let provenance: [FieldSpec] = [
        FieldSpec("bron", .oneOrMore(.referenceOrObject(.kind(.bronnen), citation)),
                  "Brondocument(en) waarop dit rust: een slug uit Content/bronnen/, of {document: slug, deel: \"§ 3\"}, of een lijst daarvan."),
        voorbeeld,
        FieldSpec("redactie", .boolean,
                  "true als dit de eigen lezing of tekst van de redactie is, niet iets wat een brondocument zegt."),
    ]

    /// The keys of ``provenance``, for the validator.
    public static let provenanceKeys = ["bron", "voorbeeld", "redactie"]

    static func references(_ name: String, _ kind: ContentKind, required: Bool = false, _ description: String) -> FieldSpec {
        FieldSpec(name, .list(.reference(.kind(kind)), minItems: required ? 1 : 0), required: required, description)
    }

    static let period: [FieldSpec] = [
        FieldSpec("vanaf", .date, "Datum vanaf wanneer dit geldt (JJJJ-MM-DD)."),
        FieldSpec("tot", .date, "Datum tot wanneer dit geldt (JJJJ-MM-DD); de dag zelf telt niet meer mee."),
    ]

    public static let site = ObjectSpec([
        FieldSpec("titel", .text, required: true, "Naam van de site."),
        FieldSpec("beschrijving", .text, required: true, "Korte beschrijving voor zoekmachines en de voorpagina."),
        FieldSpec("base_url", .url, required: true, "Adres waarop de site staat, eindigend op /."),
        FieldSpec("updates_per_pagina", .integer(minimum: 1, maximum: 1_000), "Aantal updates per pagina in het overzicht."),
        FieldSpec("peildatum", .date,
                  "Stand van de gegevens: tot deze datum heeft de redactie de inhoud met de bronnen vergeleken. Zonder peildatum geldt de laatste datum in de inhoud."),
        FieldSpec("uitgever", .text, "Wie het portaal uitgeeft; staat onderaan elke pagina."),
        FieldSpec("testversie", .boolean, "true zolang het portaal een testversie is: elke pagina zegt het dan bovenaan."),
        FieldSpec("veranderingen_per_pagina", .integer(minimum: 1, maximum: 100_000),
                  "Heeft een pagina \"Wat is er veranderd\" meer veranderingen dan dit (standaard 1000), dan krijgt elk jaar een eigen pagina."),
        FieldSpec("contact", .object(contact),
                  "Contactgegevens onderaan elke pagina: alleen wat hier staat wordt getoond. Met bron, voorbeeld of redactie."),
    ])

    /// The footer's contact block: every field optional, with where it comes from.
    public static let contact = ObjectSpec([
        FieldSpec("naam", .text, "Van wie de contactgegevens zijn, bijvoorbeeld \"Drechtsteden\"."),
        FieldSpec("adres", .text, "Post- of bezoekadres op één regel, bijvoorbeeld \"Postbus 619, 3300 AP Dordrecht\"."),
        FieldSpec("email", .text, "E-mailadres, bijvoorbeeld redactie@example.nl."),
        FieldSpec("telefoon", .text, "Telefoonnummer zoals lezers het bellen, bijvoorbeeld 078 123 45 67."),
    ] + provenance)

    public static let tafelLid = ObjectSpec([
        FieldSpec("partij", .reference(.partij), required: true, "Slug van de gemeente of partner."),
    ] + period + provenance)

    public static let deelnemerPeriode = ObjectSpec([
        FieldSpec("variant", .choice(deelnamevariant), required: true, "De deelnamevariant in deze periode."),
    ] + period + provenance)

    /// An opgave's `vanaf` or `tot`: a bare date inside example data, else a date with its provenance.
    static func datedOpgave(_ name: String, _ description: String) -> FieldSpec {
        FieldSpec(name, .valueOrObject(.date, ObjectSpec([
            FieldSpec("datum", .date, required: true, "De datum (JJJJ-MM-DD)."),
        ] + provenance)), description)
    }

    public static let specs: [ContentKind: ObjectSpec] = [
        .gemeenten: ObjectSpec([
            FieldSpec("naam", .text, required: true, "Officiële naam van de gemeente."),
            FieldSpec("cbs_code", .text, "CBS-gemeentecode, bijvoorbeeld GM0505."),
            FieldSpec("inwoners", .integer(minimum: 0, maximum: 100_000_000), "Aantal inwoners, alleen als een bron het noemt."),
            FieldSpec("inwoners_peildatum", .date, "Datum waarop het aantal inwoners betrekking heeft."),
            FieldSpec("website", .url, "Website van de gemeente."),
            FieldSpec("raad_url", .url, "Raadsinformatiesysteem van de gemeenteraad."),
        ] + provenance),
        .partners: ObjectSpec([
            FieldSpec("naam", .text, required: true, "Naam van de partner."),
            FieldSpec("soort", .choice(soort), required: true, "Soort partner."),
            FieldSpec("website", .url, "Website van de partner."),
        ] + provenance),
        .begrippen: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Het begrip zoals het in de tekst staat, bijvoorbeeld Samenwerkingsovereenkomst."),
            FieldSpec("afkorting", .text, "De afkorting, bijvoorbeeld SOK."),
            FieldSpec("uitleg", .text, required: true, "Wat het betekent, in één of twee gewone zinnen."),
            FieldSpec("ook", .list(.text, minItems: 0), "Andere schrijfwijzen die in teksten voorkomen."),
        ] + provenance),
        .bronnen: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Titel van het document, zoals het zichzelf noemt."),
            FieldSpec("auteur", .text, required: true, "Wie het schreef: organisatie of bestuursorgaan."),
            FieldSpec("datum", .date, required: true, "Datum van het document."),
            FieldSpec("soort", .choice(bronSoort), required: true, "Soort document."),
            FieldSpec("kenmerk", .text, "RIS- of zaaknummer, zoals het document het geeft."),
            FieldSpec("link", .url, "Adres waar het document te vinden is."),
            FieldSpec("samenvatting", .text, required: true, "Wat het document is, in één of twee zinnen."),
        ]),
        .themas: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Naam van het thema."),
            FieldSpec("samenvatting", .text, required: true, "Eén of twee zinnen over het thema."),
            FieldSpec("volgorde", .integer(minimum: 0, maximum: 100_000), "Plaats in lijsten (lager eerst)."),
            FieldSpec("icoon", .choice(themaIcoon), "Teken van het thema op de kaart en de themapagina; elk teken heeft een eigen kleur."),
            FieldSpec("tafel", .object(ObjectSpec([
                FieldSpec("naam", .text, required: true, "Naam van de bestuurlijke tafel."),
                FieldSpec("voorzitter", .text, "Voorzitter van de tafel."),
                FieldSpec("ritme", .text, "Hoe vaak de tafel bijeenkomt."),
                FieldSpec("soort", .choice(tafelSoort), "Wat voor overleg dit is (zonder soort: de bestuurlijke tafel van het thema)."),
                FieldSpec("leden", .list(.referenceOrObject(.partij, tafelLid), minItems: 0),
                          "Leden: slugs van gemeenten of partners, eventueel met vanaf/tot en een eigen bron."),
            ] + provenance)), required: true, "De bestuurlijke tafel van het thema; bron, voorbeeld of redactie gaat over de samenstelling."),
        ] + provenance),
        .opgaven: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Naam van de opgave."),
            FieldSpec("samenvatting", .text, required: true, "Eén of twee zinnen over de opgave."),
            references("themas", .themas, required: true, "Thema's waartoe de opgave hoort."),
            FieldSpec("afhankelijk_van", .list(.referenceOrObject(.kind(.opgaven), ObjectSpec([
                FieldSpec("opgave", .reference(.kind(.opgaven)), required: true, "Slug van de opgave waarvan deze afhangt."),
            ] + provenance)), minItems: 0),
                      "Opgaven waarvan deze opgave afhangt, elk met bron, voorbeeld of redactie: {opgave: slug, bron: …}."),
            datedOpgave("vanaf", "Sinds wanneer de opgave op de regionale agenda staat: {datum: JJJJ-MM-DD, bron: …}."),
            datedOpgave("tot", "Tot wanneer de opgave op de agenda stond: {datum: JJJJ-MM-DD, bron: …}; de dag zelf telt niet meer mee."),
            FieldSpec("gedeeld_doel", .boolean, "true voor het doel waaraan de opgaven samen bijdragen (zoals brede welvaart); de kaart laat het opvallen."),
        ] + provenance),
        .coalities: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Naam van de coalitie, het project of programma."),
            FieldSpec("samenvatting", .text, required: true, "Eén of twee zinnen over het doel."),
            references("themas", .themas, required: true, "Thema's waartoe de coalitie hoort."),
            references("opgaven", .opgaven, "Opgaven waaraan de coalitie werkt."),
            FieldSpec("status", .choice(status), required: true, "Stand van de coalitie."),
            FieldSpec("start", .date, "Startdatum."),
            FieldSpec("eind", .date, "Einddatum, niet voor de startdatum."),
            FieldSpec("ring", .choice(ring), "Ring uit de indeling van 2013."),
            FieldSpec("deelnemers", .list(.object(ObjectSpec([
                FieldSpec("partij", .reference(.partij), required: true, "Slug van de gemeente of partner."),
                FieldSpec("variant", .choice(deelnamevariant), "De deelnamevariant (als die niet verandert)."),
                FieldSpec("varianten", .list(.object(deelnemerPeriode), minItems: 1),
                          "De deelnamevariant door de tijd: een lijst met variant en vanaf."),
            ] + period + provenance, exactlyOneOf: [["variant", "varianten"]])), minItems: 1), required: true,
                      "Deelnemende partijen met hun deelnamevariant."),
            FieldSpec("stappen", .list(.object(ObjectSpec([
                FieldSpec("stap", .choice(stap), required: true, "De bereikte processtap."),
                FieldSpec("datum", .date, required: true, "Datum waarop de stap is bereikt."),
            ])), minItems: 0), "Bereikte stappen van het coalitieproces, in volgorde."),
            FieldSpec("volgende_stap", .object(ObjectSpec([
                FieldSpec("stap", .choice(stap), required: true, "De stap die nu komt."),
                FieldSpec("datum", .date, required: true, "Wanneer die stap verwacht wordt."),
                FieldSpec("waarom", .text, "Wat er dan gebeurt, in één zin."),
            ])), "De volgende stap van de coalitie met de verwachte datum; komt op de agenda van de deelnemende gemeenten."),
        ] + provenance),
        .besluiten: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Korte titel van het besluit."),
            FieldSpec("datum", .valueOrObject(.date, ObjectSpec([
                FieldSpec("datum", .date, required: true, "De datum (JJJJ-MM-DD)."),
            ] + provenance)), required: true,
                      "Datum van het besluit; bij een verwacht besluit de verwachte datum, met {datum: …, redactie: true} als de bronnen die datum niet geven."),
            FieldSpec("status", .choice(besluitStatus), "genomen (zonder status), geagendeerd of verwacht."),
            FieldSpec("uiterlijk", .boolean, "true als de datum een uiterste datum is (uiterlijk op …)."),
            FieldSpec("periode", .text, "Bij een verwacht besluit: de periode in woorden, bijvoorbeeld \"tweede helft 2025\"."),
            FieldSpec("door", .choice(besluitDoor), "Wie beslist: raad, college of regio."),
            FieldSpec("orgaan", .text, required: true, "Wie besloot of beslist, bijvoorbeeld Gemeenteraad Dordrecht."),
            FieldSpec("kenmerk", .text, "RIS- of zaaknummer."),
            FieldSpec("uitkomst", .text, required: true, "De uitkomst in een paar woorden; bij een verwacht besluit: waarover besloten wordt."),
            FieldSpec("waarom", .text, "Waarom het ertoe doet, in één zin (staat op de agenda en de gemeentepagina)."),
            references("themas", .themas, "Thema's waar het besluit over gaat."),
            references("coalities", .coalities, "Coalities waar het besluit over gaat."),
            references("gemeenten", .gemeenten, "Gemeenten waar het besluit over gaat."),
            FieldSpec("link", .url, "Adres van het besluitdocument."),
        ] + provenance),
        .updates: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Titel van het bericht."),
            FieldSpec("datum", .date, required: true, "Datum van het bericht."),
            FieldSpec("auteur", .text, required: true, "Schrijver of afzender."),
            FieldSpec("samenvatting", .text, required: true, "Eén of twee zinnen; ook gebruikt in feeds."),
            references("themas", .themas, "Thema's waar het bericht over gaat."),
            references("coalities", .coalities, "Coalities waar het bericht over gaat."),
            references("gemeenten", .gemeenten, "Gemeenten waar het bericht over gaat."),
            FieldSpec("draft", .boolean, "true: concept, niet gepubliceerd."),
            FieldSpec("publishDate", .date, "Niet tonen voor deze datum."),
            FieldSpec("expiryDate", .date, "Niet meer tonen vanaf deze datum."),
        ] + provenance),
        .paginas: ObjectSpec([
            FieldSpec("titel", .text, required: true, "Titel van de pagina."),
            FieldSpec("samenvatting", .text, required: true, "Korte beschrijving, ook voor zoekmachines."),
            FieldSpec("menu", .integer(minimum: 0, maximum: 100_000), "Plaats in het menu onderaan de pagina's."),
            FieldSpec("bijgewerkt", .date, "Datum waarop de tekst voor het laatst inhoudelijk is gewijzigd; staat als \"Laatst gewijzigd\" onder de pagina."),
        ] + provenance),
    ]
}
