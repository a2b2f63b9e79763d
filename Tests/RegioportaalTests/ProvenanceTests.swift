import Foundation
@testable import RegioContent
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Issue 28: every fact names its source or carries the voorbeeld label, and the label
/// travels with example data into every count, list, page, feed, search record and data file.
@Suite struct ProvenanceTests {
    // MARK: check refuses what states no provenance

    @Test func anEntityWithoutProvenanceIsRefusedAtItsFile() throws {
        let site = try TestSite(["Content/paginas/nieuw.md": "---\ntitel: Nieuw\nsamenvatting: Zonder herkomst.\n---\nTekst.\n"],
                                fillsInProvenance: false)
        defer { site.cleanUp() }
        let found = site.check().filter { $0.severity == .error }
        #expect(found.map { "\($0.location!.file):\($0.location!.line):\($0.location!.column)" } == ["Content/paginas/nieuw.md:1:1"])
        #expect(found.first?.message == "bij dit bestand staat niet waar de gegevens vandaan komen")
        #expect(found.first?.hint?.contains("bron:") == true)
    }

    @Test func twoProvenancesAtOnceAreRefused() throws {
        let site = try TestSite(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: S\nredactie: true\nvoorbeeld: true\n---\nTekst.\n"],
                                fillsInProvenance: false)
        defer { site.cleanUp() }
        #expect(site.checkLines() == ["Content/paginas/over.md:4:11: error: hier staan twee soorten herkomst tegelijk: voorbeeld en redactie"])
    }

    @Test func unsourcedDisputedRelationsOfASourcedEntityAreRefusedWhereTheyAreWritten() throws {
        let site = try TestSite([
            // A sourced opgave: its bare edge and its bare date state nothing.
            "Content/opgaven/status-inwoners.md": """
            ---
            titel: Status
            samenvatting: Hoofdopgave.
            themas: [wonen]
            afhankelijk_van: [woningvoorraad, { opgave: woningvoorraad-twee, redactie: true }]
            vanaf: 2013-10-01
            bron: rapport-2024
            ---
            Tekst.

            """,
            "Content/opgaven/woningvoorraad-twee.md": "---\ntitel: Twee\nsamenvatting: S\nthemas: [wonen]\nvoorbeeld: true\n---\nT.\n",
            // A sourced coalitie: one participant states its source, the other nothing.
            "Content/coalities/bouwcoalitie.md": """
            ---
            titel: Bouwcoalitie
            samenvatting: Samen bouwen.
            themas: [wonen]
            status: lopend
            deelnemers:
              - { partij: dordrecht, variant: volledig, bron: rapport-2024 }
              - { partij: sliedrecht, variant: instap }
            bron: rapport-2024
            ---
            Tekst.

            """,
            // A sourced thema whose tafel states nothing, with one lid that does.
            "Content/themas/wonen.md": """
            ---
            titel: Wonen
            samenvatting: S
            tafel:
              naam: Bouwtafel
              leden: [sliedrecht, { partij: dordrecht, redactie: true }]
            bron: rapport-2024
            ---
            ## Ambitie

            Tekst.

            """,
        ], fillsInProvenance: false)
        defer { site.cleanUp() }
        #expect(site.checkLines() == [
            "Content/coalities/bouwcoalitie.md:8:5: error: bij de deelname van deze partij staat niet waar het vandaan komt",
            "Content/opgaven/status-inwoners.md:5:19: error: bij deze afhankelijkheid staat niet waar het vandaan komt",
            "Content/opgaven/status-inwoners.md:6:8: error: bij de datum vanaf staat niet waar het vandaan komt",
            "Content/themas/wonen.md:6:11: error: bij de samenstelling van deze tafel staat niet waar het vandaan komt",
        ])
    }

    @Test func aCitationMustNameARegisteredDocument() throws {
        let site = try TestSite(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: S\nbron: { document: rapport-2042, deel: § 2 }\n---\nTekst.\n"],
                                fillsInProvenance: false)
        defer { site.cleanUp() }
        let lines = site.checkLines()
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Content/paginas/over.md:4:19: error: er is geen bron met de naam \"rapport-2042\"") == true)
    }

    // MARK: counts count participation

    @Test func countsShowTheVariantMixWithoutGeenAndSayWhenExampleDataWentIn() throws {
        // Base site on 2026-11-22: Dordrecht volledig in the (example) bouwcoalitie; Sliedrecht
        // volledig there since 2026. A sourced coalitie adds a 'geen' for Sliedrecht.
        let site = try TestSite(["Content/coalities/fietsen.md": """
            ---
            titel: Fietsen
            samenvatting: Fietsroutes.
            themas: [wonen]
            status: lopend
            deelnemers:
              - { partij: dordrecht, variant: solidariteit, bron: rapport-2024 }
              - { partij: sliedrecht, variant: geen, bron: rapport-2024 }
            bron: rapport-2024
            ---
            Tekst.

            """])
        defer { site.cleanUp() }
        try site.build()
        let home = try site.read("index.html")
        #expect(home.contains("Doet mee aan 2 coalities: 1 volledig · 1 solidariteit"))
        #expect(home.contains("Doet mee aan 1 coalitie: 1 volledig<br>Doet niet mee aan 1 coalitie"))
        // Both counts include the example bouwcoalitie, so both carry the label.
        #expect(home.components(separatedBy: "telling met voorbeeldgegevens").count == 3)
        let sliedrecht = try site.read("gemeenten/sliedrecht/index.html")
        #expect(sliedrecht.contains("Doet niet mee aan</h3>"))
        let participating = try #require(sliedrecht.range(of: "Coalities waar Sliedrecht aan deelneemt"))
        let notParticipating = try #require(sliedrecht.range(of: "Doet niet mee aan</h3>"))
        // Fietsen (geen) is listed only in the part "Doet niet mee aan".
        let fietsen = sliedrecht.ranges(of: ">Fietsen</a>")
        #expect(fietsen.count == 1)
        #expect(fietsen.allSatisfy { $0.lowerBound > notParticipating.upperBound && $0.lowerBound > participating.upperBound })
    }

    @Test func onlySourcedParticipationGivesAnUnlabelledCount() throws {
        let site = try TestSite(["Content/coalities/bouwcoalitie.md": """
            ---
            titel: Bouwcoalitie
            samenvatting: Samen bouwen.
            themas: [wonen]
            status: lopend
            deelnemers:
              - { partij: dordrecht, variant: volledig, bron: rapport-2024 }
            bron: rapport-2024
            ---
            Tekst.

            """])
        defer { site.cleanUp() }
        try site.build()
        let home = try site.read("index.html")
        #expect(home.contains("Doet mee aan 1 coalitie: 1 volledig</span>"))
        #expect(!home.contains("telling met voorbeeldgegevens"))
    }

    @Test func coalitiesThatAreNotGoingOnAreNotCountedOrShownAsCurrent() throws {
        let site = try TestSite(["Content/coalities/bouwcoalitie.md": """
            ---
            titel: Bouwcoalitie
            samenvatting: Een voorstel uit 2013.
            themas: [wonen]
            status: onbekend
            deelnemers:
              - { partij: dordrecht, variant: volledig, bron: rapport-2024 }
            bron: rapport-2024
            ---
            Tekst.

            """])
        defer { site.cleanUp() }
        try site.build()
        #expect(try site.read("index.html").contains("Doet nu aan geen coalitie mee"))
        let matrix = try site.read("deelname/index.html")
        #expect(matrix.contains("Niet in deze tabel"))
        #expect(matrix.contains("Stand onbekend, volgens de bron van 29 mei 2024"))
        #expect(try site.read("coalities/bouwcoalitie/index.html")
            .contains("<dt>Status</dt><dd>Stand onbekend, volgens de bron van <time datetime=\"2024-05-29\">29 mei 2024</time></dd>"))
        #expect(!matrix.contains("<th scope=\"row\"><a href=\"/coalities/bouwcoalitie/\">"))
    }

    // MARK: the label travels

    @Test func exampleDataIsMarkedOnEveryPageKindAndEveryDerivedOutput() throws {
        // The base site: example opgaven and an example coalitie, everything else sourced or
        // the editors' text.
        // A sourced coalitie in which a partner's participation is invented.
        let site = try TestSite(["Content/coalities/samen.md": """
            ---
            titel: Samen
            samenvatting: Samen met Gorinchem.
            themas: [wonen]
            status: lopend
            deelnemers:
              - { partij: dordrecht, variant: volledig, bron: rapport-2024 }
              - { partij: gorinchem, variant: instap, voorbeeld: true }
            bron: rapport-2024
            ---
            Tekst.

            """])
        defer { site.cleanUp() }
        try site.build()
        let explanation = "href=\"/bronnen/#voorbeeld\""
        // Pages that show example data say so and link the explanation; the mark links it too.
        for page in ["gemeenten/dordrecht/index.html", "coalities/index.html",
                     "coalities/bouwcoalitie/index.html", "opgaven/index.html", "opgaven/woningvoorraad/index.html",
                     "themas/wonen/index.html", "deelname/index.html", "groeiperspectief/index.html", "partners/index.html"] {
            let html = try site.read(page)
            #expect(html.contains("class=\"voorbeeld-notice\""), "\(page) explains example data")
            #expect(html.contains("<a class=\"label-voorbeeld\" \(explanation)"), "\(page) marks example data")
        }
        // The counts on cards (whole links, so no link inside) carry the label as text.
        for page in ["index.html", "gemeenten/index.html"] {
            let html = try site.read(page)
            #expect(html.contains("class=\"voorbeeld-notice\"") && html.contains("telling met voorbeeldgegevens"), "\(page) labels its counts")
        }
        // The partner's invented participation in a sourced coalitie is marked on /partners/ and on the coalitie.
        #expect(try site.read("partners/index.html").contains(">Samen</a> <a class=\"label-voorbeeld\""))
        #expect(try site.read("coalities/samen/index.html").contains(">Gemeente Gorinchem</a> <a class=\"label-voorbeeld\""))
        // "Kleur bekennen": the gemeenten of which no variant is known are named.
        #expect(try site.read("coalities/samen/index.html").contains("Nog geen keuze bekend:</strong> <a href=\"/gemeenten/sliedrecht/\">Sliedrecht</a>."))
        // A page without example data shows no notice.
        let besluit = try site.read("besluiten/2024-05-29-besluit/index.html")
        #expect(!besluit.contains("class=\"voorbeeld-notice\""))
        #expect(besluit.contains("<span class=\"bron-kop\">Bron:</span> <a href=\"/bronnen/#bron-rapport-2024\">Rapport over de samenwerking</a> (bijlage), 29 mei 2024"))
        // The editors' text is marked as such.
        let update = try site.read("updates/eerste-update/index.html")
        #expect(update.contains("href=\"/bronnen/#redactie\">tekst en lezing van de redactie</a>"))

        // The register lists the document and what rests on it.
        let bronnen = try site.read("bronnen/index.html")
        #expect(bronnen.contains("id=\"bron-rapport-2024\""))
        #expect(bronnen.contains("<a href=\"/besluiten/2024-05-29-besluit/\">Besluit: Besluit over de samenwerking</a>"))
        #expect(bronnen.contains("<a href=\"/themas/wonen/\">Thema: Wonen</a>"))
        #expect(bronnen.contains("id=\"voorbeeld\"") && bronnen.contains("id=\"redactie\""))

        // Open data: a voorbeeld flag and herkomst on every record and relation.
        let coalities = try JSONSerialization.jsonObject(with: Data(try site.read("data/coalities.json").utf8)) as! [[String: Any]]
        let bouw = try #require(coalities.first { $0["id"] as? String == "bouwcoalitie" })
        #expect(bouw["voorbeeld"] as? Bool == true && bouw["herkomst"] as? String == "voorbeeld")
        for deelnemer in bouw["deelnemers"] as! [[String: Any]] { #expect(deelnemer["voorbeeld"] as? Bool == true) }
        let gemeenteRecords = try JSONSerialization.jsonObject(with: Data(try site.read("data/gemeenten.json").utf8)) as! [[String: Any]]
        let dordrecht = try #require(gemeenteRecords.first { $0["id"] as? String == "dordrecht" })
        #expect(dordrecht["voorbeeld"] as? Bool == false && dordrecht["herkomst"] as? String == "bron")
        #expect((dordrecht["bronnen"] as? [[String: Any]])?.first?["deel"] as? String == "hoofdstuk 1")
        let opgaven = try JSONSerialization.jsonObject(with: Data(try site.read("data/opgaven.json").utf8)) as! [[String: Any]]
        let status = try #require(opgaven.first { $0["id"] as? String == "status-inwoners" })
        #expect((status["afhankelijkheden"] as? [[String: Any]])?.first?["herkomst"] as? String == "voorbeeld")
        let csv = try site.read("data/deelname.csv")
        #expect(csv.hasPrefix("coalitie,coalitie_titel,partij,partij_naam,partij_soort,variant,vanaf,tot,url,voorbeeld,herkomst,bronnen\r\n"))
        let rows = csv.split(separator: "\r\n").dropFirst()
        #expect(rows.filter { $0.hasPrefix("bouwcoalitie,") }.allSatisfy { $0.hasSuffix(",true,voorbeeld,") })
        #expect(rows.contains { $0.hasPrefix("samen,") && $0.hasSuffix(",false,bron,rapport-2024") })
        #expect(rows.contains { $0.hasPrefix("samen,Samen,gorinchem,") && $0.hasSuffix(",true,voorbeeld,") })
        let catalogue = try site.read("data/catalogus.json")
        #expect(catalogue.contains("voorbeeld (verzonnen ter illustratie, geen feit)"))
        #expect(try site.read("data/bronnen.json").contains("\"rapport-2024\""))

        // Search records carry the flag.
        let index = try site.read("zoeken/index-1.json")
        let records = try JSONSerialization.jsonObject(with: Data(index.utf8)) as! [[String: String]]
        #expect(records.first { $0["u"] == "/coalities/bouwcoalitie/" }?["v"] == "1")
        #expect(records.first { $0["u"] == "/besluiten/2024-05-29-besluit/" }?["v"] == nil)
        #expect(records.first { $0["u"] == "/updates/eerste-update/" }?["r"] == "1")
    }

    @Test func inventedParticipationIsMarkedOnTheChangePages() throws {
        // A sourced coalitie in which Sliedrecht's later variant is invented.
        let site = try TestSite(["Content/coalities/samen.md": """
            ---
            titel: Samen
            samenvatting: Samen bouwen.
            themas: [wonen]
            status: lopend
            start: 2025-01-01
            deelnemers:
              - { partij: dordrecht, variant: volledig, bron: rapport-2024 }
              - partij: sliedrecht
                varianten:
                  - { variant: geen, vanaf: 2025-01-01, bron: rapport-2024 }
                  - { variant: instap, vanaf: 2026-02-01, voorbeeld: true }
            bron: rapport-2024
            ---
            Tekst.

            """])
        defer { site.cleanUp() }
        try site.build()
        let changes = try site.read("gemeenten/sliedrecht/veranderingen/index.html")
        let line = try #require(changes.range(of: "Sliedrecht: deelname van geen deelname naar instap: <a href=\"/coalities/samen/\">Samen</a>"))
        #expect(changes[line.upperBound...].hasPrefix(" <a class=\"label-voorbeeld\""))
        // The sourced start, which concerns only sourced participation, carries no mark.
        let dordrecht = try site.read("gemeenten/dordrecht/veranderingen/index.html")
        #expect(dordrecht.contains("Coalitie gestart: <a href=\"/coalities/samen/\">Samen</a></span>"))
    }

    @Test func feedsTitleAndCategoriseExampleUpdates() throws {
        let site = try TestSite(["Content/updates/verzonnen.md": """
            ---
            titel: Verzonnen bericht
            datum: 2026-02-01
            auteur: R
            samenvatting: Dit is niet echt.
            voorbeeld: true
            ---
            Tekst.

            """])
        defer { site.cleanUp() }
        try site.build()
        let feed = try site.read("feeds/updates.xml")
        #expect(feed.contains("<title>[Voorbeeld] Verzonnen bericht</title>"))
        #expect(feed.contains("<summary>Voorbeeldgegevens, geen feiten: Dit is niet echt.</summary>"))
        #expect(feed.contains("<category term=\"voorbeeld\" label=\"Voorbeeldgegevens\"/>"))
        #expect(feed.contains("<title>Eerste update</title>"))
    }

    // MARK: the data date

    @Test func theDataDateIsThePeildatumOrTheLatestDateInTheContentNeverTheClock() throws {
        var site = try TestSite()
        defer { site.cleanUp() }
        site.now = Day("2030-06-01")!
        try site.build()
        // The newest date of the base site is the update of 10 January 2026.
        let footer = try site.read("besluiten/index.html")
        #expect(footer.contains("Stand van de gegevens: <time datetime=\"2026-01-10\">10 januari 2026</time>"))
        #expect(!footer.contains("1 juni 2030"))

        try site.write(TestSite.base["Content/site.yml"]! + "peildatum: 2024-09-10\nuitgever: De redactie van het testportaal.\n", to: "Content/site.yml")
        try site.build()
        let page = try site.read("index.html")
        #expect(page.contains("Stand van de gegevens: <time datetime=\"2024-09-10\">10 september 2024</time>"))
        #expect(page.contains("<p>De redactie van het testportaal.</p>"))
    }
}
