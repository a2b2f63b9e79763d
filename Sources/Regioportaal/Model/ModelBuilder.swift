/// Stage 3: turns checked records into typed entities. Records whose required fields were
/// missing are skipped (their errors are already reported); their slugs still count as
/// existing, so one broken file does not cause a cascade of "unknown reference" errors.
public struct ModelBuilder {
    public init() {}

    public func build(_ parsed: [ParsedFile], settings: SiteSettings) -> SiteModel {
        var gemeenten: [Gemeente] = [], partners: [Partner] = [], themas: [Thema] = []
        var opgaven: [Opgave] = [], coalities: [Coalitie] = [], besluiten: [Besluit] = []
        var updates: [Update] = [], paginas: [Pagina] = []
        for item in parsed {
            guard let r = item.record else { continue }
            let source = item.file.source
            let info = EntityInfo(slug: item.file.slug, kind: item.file.kind, source: source,
                                  voorbeeld: r.bool("voorbeeld"), body: item.body, bodyLineOffset: item.bodyLineOffset,
                                  frontMatterHash: item.file.isMarkdown ? source.hash(ofLinesBefore: item.bodyLineOffset + 1) : source.contentHash)
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
                let leden: [TafelLid] = tafel.list("leden").compactMap { item in
                    switch item.value {
                    case .reference(let slug): return TafelLid(partij: Ref(slug, item.location), period: .always)
                    case .record(let lid):
                        guard let partij = lid.reference("partij") else { return nil }
                        return TafelLid(partij: partij, period: period(lid))
                    default: return nil
                    }
                }
                themas.append(Thema(info: info, titel: titel, samenvatting: samenvatting, volgorde: r.integer("volgorde"),
                                    tafel: Tafel(naam: tafelNaam, voorzitter: tafel.text("voorzitter"), ritme: tafel.text("ritme"),
                                                 leden: leden, voorbeeld: tafel.bool("voorbeeld"))))
            case .opgaven:
                guard let titel = r.text("titel"), let samenvatting = r.text("samenvatting") else { continue }
                opgaven.append(Opgave(info: info, titel: titel, samenvatting: samenvatting, themas: r.references("themas"),
                                      afhankelijkVan: r.references("afhankelijk_van"), period: period(r),
                                      vanafLocation: r.date("vanaf")?.location, totLocation: r.date("tot")?.location))
            case .coalities:
                guard let titel = r.text("titel"), let samenvatting = r.text("samenvatting"),
                      let status = r.choice("status") else { continue }
                coalities.append(Coalitie(
                    info: info, titel: titel, samenvatting: samenvatting, themas: r.references("themas"),
                    opgaven: r.references("opgaven"), status: status.value, start: r.date("start"), eind: r.date("eind"),
                    ring: r.choice("ring")?.value, deelnemers: r.records("deelnemers").compactMap(deelnemer),
                    stappen: r.records("stappen").compactMap { step in
                        guard let stap = step.choice("stap"), let datum = step.date("datum") else { return nil }
                        return ProcessStep(stap: stap.value, datum: datum.value, location: step.location)
                    }))
            case .besluiten:
                guard let titel = r.text("titel"), let datum = r.date("datum"), let orgaan = r.text("orgaan"),
                      let uitkomst = r.text("uitkomst") else { continue }
                besluiten.append(Besluit(info: info, titel: titel, datum: datum.value, orgaan: orgaan, kenmerk: r.text("kenmerk"),
                                         uitkomst: uitkomst, themas: r.references("themas"), coalities: r.references("coalities"),
                                         gemeenten: r.references("gemeenten"), link: r.text("link")))
            case .updates:
                guard let titel = r.text("titel"), let datum = r.date("datum"), let auteur = r.text("auteur"),
                      let samenvatting = r.text("samenvatting") else { continue }
                updates.append(Update(info: info, titel: titel, datum: datum.value, auteur: auteur, samenvatting: samenvatting,
                                      themas: r.references("themas"), coalities: r.references("coalities"),
                                      gemeenten: r.references("gemeenten"), draft: r.bool("draft"),
                                      publishDate: r.date("publishDate")?.value, expiryDate: r.date("expiryDate")?.value))
            case .paginas:
                guard let titel = r.text("titel"), let samenvatting = r.text("samenvatting") else { continue }
                paginas.append(Pagina(info: info, titel: titel, samenvatting: samenvatting, menu: r.integer("menu")))
            }
        }
        return SiteModel(settings: settings, gemeenten: gemeenten, partners: partners, themas: themas, opgaven: opgaven,
                         coalities: coalities, besluiten: besluiten, updates: updates, paginas: paginas)
    }

    private func period(_ r: Record) -> Period {
        Period(vanaf: r.date("vanaf")?.value, tot: r.date("tot")?.value)
    }

    private func deelnemer(_ r: Record) -> Deelnemer? {
        guard let partij = r.reference("partij") else { return nil }
        var varianten: [VariantPeriod] = []
        if let single = r.choice("variant") {
            varianten = [VariantPeriod(variant: single.value, period: period(r), location: single.location)]
        } else {
            let periods = r.records("varianten").compactMap { p -> VariantPeriod? in
                guard let variant = p.choice("variant") else { return nil }
                return VariantPeriod(variant: variant.value, period: period(p), location: p.location)
            }
            // A period without an explicit end runs until the next one starts.
            for (i, p) in periods.enumerated() {
                var p = p
                if p.period.tot == nil, i + 1 < periods.count, let next = periods[i + 1].period.vanaf { p.period.tot = next }
                varianten.append(p)
            }
        }
        return Deelnemer(partij: partij, varianten: varianten, location: r.location)
    }
}
