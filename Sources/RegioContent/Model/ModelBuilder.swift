/// Stage 3: turns checked records into typed entities. Records whose required fields were
/// missing are skipped (their errors are already reported); their slugs still count as
/// existing, so one broken file does not cause a cascade of "unknown reference" errors.
public struct ModelBuilder {
    public init() {}

    public func build(_ parsed: [ParsedFile], settings: SiteSettings) -> SiteModel {
        var gemeenten: [Gemeente] = [], partners: [Partner] = [], themas: [Thema] = []
        var opgaven: [Opgave] = [], coalities: [Coalitie] = [], besluiten: [Besluit] = []
        var updates: [Update] = [], paginas: [Pagina] = [], bronnen: [Bron] = [], verwacht: [Besluit] = []
        var begrippen: [Begrip] = []
        for item in parsed {
            guard let r = item.record else { continue }
            let info = Self.info(item)
            switch item.file.kind {
            case .gemeenten:
                guard let naam = r.text("naam") else { continue }
                gemeenten.append(Gemeente(info: info, naam: naam, cbsCode: r.text("cbs_code"), inwoners: r.integer("inwoners"),
                                          inwonersPeildatum: r.date("inwoners_peildatum")?.value,
                                          website: r.text("website"), raadURL: r.text("raad_url")))
            case .partners:
                guard let naam = r.text("naam"), let soort = r.choice("soort") else { continue }
                partners.append(Partner(info: info, naam: naam, soort: soort.value, website: r.text("website")))
            case .themas:
                guard let titel = r.text("titel"), let samenvatting = r.text("samenvatting"),
                      let tafel = r.record("tafel"), let tafelNaam = tafel.text("naam") else { continue }
                let composition = Self.relation(Self.provenance(tafel))
                let leden: [TafelLid] = tafel.list("leden").compactMap { item in
                    switch item.value {
                    case .reference(let slug): return TafelLid(partij: Ref(slug, item.location), period: .always, provenance: composition)
                    case .record(let lid):
                        guard let partij = lid.reference("partij") else { return nil }
                        return TafelLid(partij: partij, period: period(lid), provenance: Self.provenance(lid) ?? composition)
                    default: return nil
                    }
                }
                themas.append(Thema(info: info, titel: titel, samenvatting: samenvatting, volgorde: r.integer("volgorde"),
                                    tafel: Tafel(naam: tafelNaam, soort: tafel.choice("soort")?.value ?? "tafel",
                                                 voorzitter: tafel.text("voorzitter"), ritme: tafel.text("ritme"),
                                                 leden: leden, provenance: composition), icoon: r.choice("icoon")?.value))
            case .opgaven:
                guard let titel = r.text("titel"), let samenvatting = r.text("samenvatting") else { continue }
                let dependencies: [Dependency] = r.list("afhankelijk_van").compactMap { item in
                    switch item.value {
                    case .reference(let slug):
                        return Dependency(opgave: Ref(slug, item.location), provenance: Self.relation(nil))
                    case .record(let edge):
                        guard let opgave = edge.reference("opgave") else { return nil }
                        return Dependency(opgave: opgave, provenance: Self.relation(Self.provenance(edge)))
                    default: return nil
                    }
                }
                let vanaf = dated(r, "vanaf"), tot = dated(r, "tot")
                opgaven.append(Opgave(info: info, titel: titel, samenvatting: samenvatting, themas: r.references("themas"),
                                      afhankelijkVan: dependencies, period: Period(vanaf: vanaf?.day.value, tot: tot?.day.value),
                                      vanafLocation: vanaf?.day.location, totLocation: tot?.day.location,
                                      vanafProvenance: vanaf.map { Self.relation($0.stated) }, totProvenance: tot.map { Self.relation($0.stated) },
                                      gedeeldDoel: r.bool("gedeeld_doel")))
            case .coalities:
                guard let titel = r.text("titel"), let samenvatting = r.text("samenvatting"),
                      let status = r.choice("status") else { continue }
                coalities.append(Coalitie(
                    info: info, titel: titel, samenvatting: samenvatting, themas: r.references("themas"),
                    opgaven: r.references("opgaven"), status: status.value, start: r.date("start"), eind: r.date("eind"),
                    ring: r.choice("ring")?.value,
                    deelnemers: r.records("deelnemers").compactMap { deelnemer($0, in: info) },
                    stappen: r.records("stappen").compactMap { step in
                        guard let stap = step.choice("stap"), let datum = step.date("datum") else { return nil }
                        return ProcessStep(stap: stap.value, datum: datum.value, location: step.location)
                    },
                    volgendeStap: r.record("volgende_stap").flatMap { next in
                        guard let stap = next.choice("stap"), let datum = next.date("datum") else { return nil }
                        return ProcessStep(stap: stap.value, datum: datum.value, location: next.location)
                    },
                    volgendeStapWaarom: r.record("volgende_stap")?.text("waarom")))
            case .besluiten:
                guard let titel = r.text("titel"), let datum = dated(r, "datum"), let orgaan = r.text("orgaan"),
                      let uitkomst = r.text("uitkomst") else { continue }
                let besluit = Besluit(info: info, titel: titel, datum: datum.day.value, datumProvenance: datum.stated, status: r.choice("status")?.value ?? "genomen",
                                      uiterlijk: r.bool("uiterlijk"), periode: r.text("periode"), door: r.choice("door")?.value,
                                      waarom: r.text("waarom"), orgaan: orgaan, kenmerk: r.text("kenmerk"),
                                      uitkomst: uitkomst, themas: r.references("themas"), coalities: r.references("coalities"),
                                      gemeenten: r.references("gemeenten"), link: r.text("link"))
                // Expected decisions are kept apart, so no list, timeline or feed of decisions taken can show one.
                if besluit.isTaken { besluiten.append(besluit) } else { verwacht.append(besluit) }
            case .updates:
                guard let titel = r.text("titel"), let datum = r.date("datum"), let auteur = r.text("auteur"),
                      let samenvatting = r.text("samenvatting") else { continue }
                updates.append(Update(info: info, titel: titel, datum: datum.value, auteur: auteur, samenvatting: samenvatting,
                                      themas: r.references("themas"), coalities: r.references("coalities"),
                                      gemeenten: r.references("gemeenten"), draft: r.bool("draft"),
                                      publishDate: r.date("publishDate")?.value, expiryDate: r.date("expiryDate")?.value))
            case .paginas:
                guard let titel = r.text("titel"), let samenvatting = r.text("samenvatting") else { continue }
                paginas.append(Pagina(info: info, titel: titel, samenvatting: samenvatting, menu: r.integer("menu"), bijgewerkt: r.date("bijgewerkt")?.value))
            case .begrippen:
                guard let titel = r.text("titel"), let uitleg = r.text("uitleg") else { continue }
                begrippen.append(Begrip(info: info, titel: titel, afkorting: r.text("afkorting"), uitleg: uitleg,
                                        ook: r.list("ook").compactMap { if case .text(let t) = $0.value { return t } else { return nil } }))
            case .bronnen:
                guard let titel = r.text("titel"), let auteur = r.text("auteur"), let datum = r.date("datum"),
                      let soort = r.choice("soort"), let samenvatting = r.text("samenvatting") else { continue }
                // A document is its own source.
                var info = info
                info.provenance = .sources([Citation(document: info.slug)])
                bronnen.append(Bron(info: info, titel: titel, auteur: auteur, datum: datum.value, soort: soort.value,
                                    kenmerk: r.text("kenmerk"), link: r.text("link"), samenvatting: samenvatting))
            }
        }
        return SiteModel(settings: settings, gemeenten: gemeenten, partners: partners, themas: themas, opgaven: opgaven,
                         coalities: coalities, besluiten: besluiten, updates: updates, paginas: paginas, bronnen: bronnen,
                         verwachteBesluiten: verwacht, begrippen: begrippen)
    }

    /// What every entity made from `item` shares. Also made for a file whose front matter has
    /// errors, so that its body is checked in the same run.
    package static func info(_ item: ParsedFile) -> EntityInfo {
        let source = item.file.source
        return EntityInfo(slug: item.file.slug, kind: item.file.kind, source: source,
                          provenance: item.record.flatMap(Self.provenance) ?? .example, body: item.body, bodyLineOffset: item.bodyLineOffset,
                          frontMatterHash: item.file.isMarkdown ? source.hash(ofLinesBefore: item.bodyLineOffset + 1) : source.contentHash)
    }

    /// The provenance a record states, nil when it states none (the validator refuses that,
    /// and also two stated at once). Example data wins, so a doubtful record is never shown as fact.
    static func provenance(_ r: Record) -> Provenance? {
        if r.bool("voorbeeld") { return .example }
        if r.bool("redactie") { return .editorial }
        let citations = r.list("bron").compactMap { item -> Citation? in
            switch item.value {
            case .reference(let slug): return Citation(document: slug)
            case .record(let c): return c.reference("document").map { Citation(document: $0.value, deel: c.text("deel")) }
            default: return nil
            }
        }
        return citations.isEmpty ? nil : .sources(citations)
    }

    /// A relation's provenance: its own, else example. A relation of example data is example
    /// data; a relation of a sourced entity that states none is refused by the validator, and
    /// until then it too counts as example, never as fact.
    static func relation(_ stated: Provenance?) -> Provenance {
        stated ?? .example
    }

    /// An opgave's `vanaf` or `tot`: a bare date, or `{datum, bron|voorbeeld|redactie}`.
    /// A date written bare, or as `{datum, bron|voorbeeld|redactie}`; `stated` is nil when bare.
    private func dated(_ r: Record, _ key: String) -> (day: Located<Day>, stated: Provenance?)? {
        guard let field = r[key] else { return nil }
        switch field.value {
        case .date(let day): return (Located(day, field.location), nil)
        case .record(let object):
            guard let day = object.date("datum") else { return nil }
            return (day, Self.provenance(object))
        default: return nil
        }
    }

    private func period(_ r: Record) -> Period {
        Period(vanaf: r.date("vanaf")?.value, tot: r.date("tot")?.value)
    }

    private func deelnemer(_ r: Record, in info: EntityInfo) -> Deelnemer? {
        guard let partij = r.reference("partij") else { return nil }
        let own = Self.relation(Self.provenance(r))
        var varianten: [VariantPeriod] = []
        if let single = r.choice("variant") {
            varianten = [VariantPeriod(variant: single.value, period: period(r), location: single.location, provenance: own)]
        } else {
            let periods = r.records("varianten").compactMap { p -> VariantPeriod? in
                guard let variant = p.choice("variant") else { return nil }
                return VariantPeriod(variant: variant.value, period: period(p), location: p.location,
                                     provenance: Self.provenance(p) ?? own)
            }
            // A period without an explicit end runs until the next one starts.
            for (i, p) in periods.enumerated() {
                var p = p
                if p.period.tot == nil, i + 1 < periods.count, let next = periods[i + 1].period.vanaf { p.period.tot = next }
                varianten.append(p)
            }
        }
        return Deelnemer(partij: partij, varianten: varianten, location: r.location, provenance: own)
    }
}
