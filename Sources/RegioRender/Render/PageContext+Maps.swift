import RegioContent
import RegioMarkdown
import RegioSupport
import RegioTemplates

// The groeiperspectief maps and the participation tables, present and per year.
extension PageContextBuilder {
    func deelname(year: Int? = nil) -> Fields {
        let day = year.map { Snapshots.day(for: $0, now: now) } ?? now
        let page = year.map { Page.deelnameJaar($0) } ?? .deelname
        let matrix = ParticipationMatrix(model: model, relations: relations, on: day, currentOnly: year == nil)
        let notCurrent = year != nil ? [] : model.coalities.filter { !$0.isCurrent && $0.isActive(on: day) }.map(coalitieItem)
        let notInvolved: Fields = ["code": "", "label": "Niet betrokken", "symbool": "–", "voorbeeld": false, "redactie": false]
        let sections = model.themas.compactMap { t -> Fields? in
            let rows = matrix.rows(forThema: t.info.slug)
            guard !rows.isEmpty else { return nil }
            return ["titel": .string(t.titel), "slug": .string(t.info.slug), "url": .string(url(.thema(t.info.slug))),
                    "rows": .objects(rows.map { row -> Fields in
                        ["titel": .string(row.coalitie.titel), "url": .string(url(.coalitie(row.coalitie.info.slug))),
                         "cellen": .objects(row.cells.map { cell -> Fields in
                             guard let cell else { return notInvolved }
                             return merge(variant(cell.variant), marks(cell.provenance.grounds))
                         })].merging(marks(row.grounds)) { a, _ in a }
                    })]
        }
        let titel = year.map { "Deelname per gemeente in \($0)" } ?? "Deelname per gemeente"
        let beschrijving = year.map { "Welke gemeente deed mee aan welke coalitie, en hoe, op \(Vocabulary.date(Snapshots.day(for: $0, now: now)))." }
            ?? "Welke gemeente doet mee aan welke coalitie, en hoe."
        return merge(base(page, titel: titel, beschrijving: beschrijving, crumbs: year == nil ? [] : [("Deelname", .deelname)]), [
            "jaren": yearNavigation(years, current: year, page: { .deelnameJaar($0) }, present: .deelname),
            "peildatum": date(day),
            "gemeenten": .objects(model.gemeenten.map { ["naam": .string($0.naam), "url": .string(url(.gemeente($0.info.slug)))] }),
            "themas": .objects(sections),
            "niet_huidig": .objects(notCurrent), "has_niet_huidig": .bool(!notCurrent.isEmpty),
            "varianten": .objects(ContentSchema.deelnamevariant.options.map { merge(variant($0.value), ["beschrijving": .string($0.description)]) }),
        ])
    }

    /// The map page, whole or with one thema's or gemeente's opgaven emphasised. The text
    /// alternative always lists every opgave, and says which ones are emphasised.
    func groeiperspectief(_ page: Page) -> Fields {
        var day = now
        var jaar: Int?
        switch page {
        case .groeiperspectiefJaar(let year), .kaartGemeenteJaar(_, let year):
            jaar = year
            day = Snapshots.day(for: year, now: now)
        default: break
        }
        let opgaven = model.opgaven.filter { $0.period.contains(day) }
        var titel = "Groeiperspectief"
        let nieuw: Set<String> = jaar.flatMap { maps.years[$0]?.newOpgaven } ?? []
        var crumbs: [(String, Page)] = page == .groeiperspectief ? [] : [("Groeiperspectief", .groeiperspectief)]
        // The year links keep the map's filter: a gemeente's map leads to its own map of each year.
        var yearPage: (Int) -> Page = { .groeiperspectiefJaar($0) }
        var presentPage = Page.groeiperspectief
        var beschrijving = "Hoe de regionale opgaven van elkaar afhangen, en welke coalities eraan werken."
        var svg = maps.full
        var emphasis: Set<String>?
        var uitleg: String?
        var kaartZin: Fields?
        var gemeente: Gemeente?
        switch page {
        case .kaartThema(let slug):
            let t = model.thema(slug)!
            titel = "Groeiperspectief: \(t.titel)"
            beschrijving = "De opgaven van het thema \(t.titel) in het groeiperspectief."
            svg = maps.themas[slug] ?? ""
            emphasis = Set(opgaven.filter { $0.themas.contains { $0.value == slug } }.map(\.info.slug))
            uitleg = emphasis?.isEmpty == true
                // An all-grey map says why, instead of leaving the reader to guess.
                ? "Bij het thema \(t.titel) hoort geen van de opgaven op deze kaart; daarom zijn ze allemaal grijs. Wat de samenwerking binnen dit thema doet, staat op de pagina van het thema."
                : "De opgaven van dit thema hebben een dikke rand; de andere opgaven zijn grijs."
        case .kaartGemeente(let slug), .kaartGemeenteJaar(let slug, _):
            let g = model.gemeente(slug)!
            gemeente = g
            titel = "Groeiperspectief: \(g.naam)"
            beschrijving = "De opgaven waaraan \(g.naam) via coalities werkt, in het groeiperspectief."
            if let jaar {
                titel = "Groeiperspectief \(jaar): \(g.naam)"
                beschrijving = "De opgaven waaraan \(g.naam) via coalities werkte, zoals het was op \(Vocabulary.date(day))."
                crumbs.append((g.naam, .kaartGemeente(slug)))
                svg = maps.gemeenteYears[slug]?[jaar]?.svg ?? ""
                emphasis = maps.gemeenteYears[slug]?[jaar]?.opgaven ?? []
            } else {
                svg = maps.gemeenten[slug] ?? ""
                emphasis = maps.gemeenteOpgaven[slug] ?? []
            }
            yearPage = { .kaartGemeenteJaar(slug, $0) }
            presentPage = .kaartGemeente(slug)
            uitleg = "De opgaven waaraan \(g.naam) via een coalitie werkt hebben een dikke rand; de andere zijn grijs. Bij elke coalitie staan een teken en een woord voor hoe \(g.naam) meedoet: volledig, solidariteit, instap of geen deelname."
            if jaar != nil { uitleg! += " Opgaven die in \(jaar!) nieuw waren hebben een gestreepte rand en het woord ‘nieuw’." }
            // The map in one sentence: through how many coalities, on how many opgaven, where later.
            let mix = Participation(model: model, relations: relations).of(slug, on: day, currentOnly: jaar == nil)
            let taking = mix.value.taking.flatMap(\.coalities)
            let present = Set(opgaven.map(\.info.slug))
            let reached = Set(taking.flatMap { model.coalities[$0].opgaven.map(\.value) }).intersection(present)
            let instap = mix.value.taking.first { $0.variant == "instap" }?.coalities.count ?? 0
            let werkt = jaar == nil ? "werkt" : "werkte"
            var zin = taking.isEmpty ? "\(g.naam) \(werkt) via geen coalitie mee aan de opgaven op deze kaart."
                : "\(g.naam) \(werkt) via \(Vocabulary.plural(taking.count, "coalitie", "coalities")) mee aan \(reached.count) van de \(present.count) opgaven"
            if !taking.isEmpty { zin += instap > 0 ? "; bij \(instap) \(jaar == nil ? "stapt" : "stapte") \(g.naam) later in." : "." }
            kaartZin = merge(["tekst": .string(zin)], marks(mix.grounds))
        case .groeiperspectiefJaar(let year):
            titel = "Groeiperspectief \(year)"
            beschrijving = "Het groeiperspectief zoals het was op \(Vocabulary.date(day))."
            svg = maps.years[year]?.svg ?? ""
            uitleg = "Opgaven die in \(year) nieuw waren hebben een gestreepte rand en het woord ‘nieuw’; coalities die in \(year) begonnen staan er met ‘nieuw’ bij. Opgaven houden hun plaats van jaar tot jaar."
        default:
            break
        }
        let yearStart = jaar.map { Day(year: $0, month: 1, day: 1)! }
        let beeindigd: [Fields] = jaar == nil ? [] :
            model.opgaven.filter { o in o.period.tot.map { $0 >= yearStart! && $0 <= day } ?? false }.map(opgaveItem)
            + model.coalities.filter { c in c.eind.map { $0.value >= yearStart! && $0.value <= day } ?? false }.map(coalitieItem)
        return merge(base(page, titel: titel, beschrijving: beschrijving, crumbs: crumbs), [
            "map_html": .string(svg),
            "map_print_html": .string(or: svg.isEmpty ? nil : maps.prints[page]?.map),
            "map_print_legend": .string(or: svg.isEmpty ? nil : maps.prints[page]?.legend),
            "has_map": .bool(!svg.isEmpty),
            "map_uitleg": .string(or: uitleg),
            "kaart_zin": .object(or: kaartZin),
            "kaart_gemeente": .object(or: gemeente.map { ["naam": .string($0.naam)] }),
            "is_variant": .bool(page != .groeiperspectief),
            "kaart_url": .string(basePath + "groeiperspectief/kaart.svg"),
            "jaren": yearNavigation(mapYears, current: jaar, page: yearPage, present: presentPage),
            "is_jaar": .bool(jaar != nil),
            "beeindigd": .objects(beeindigd),
            "has_beeindigd": .bool(!beeindigd.isEmpty),
            "opgaven": .objects(opgaven.map { o -> Fields in
                merge(opgaveItem(o), [
                    "afhankelijk_van": dependencies(o),
                    "coalities": .objects((relations.coalitiesByOpgave[o.info.slug] ?? []).filter { model.coalities[$0].isActive(on: day) }.map { i in
                        // On a gemeente's map the list says how that gemeente takes part, as the map does.
                        let c = model.coalities[i]
                        guard let g = gemeente else { return coalitieItem(c) }
                        let v = c.deelnemer(g.info.slug)?.period(on: day)?.variant ?? Groeiperspectief.notInvolved
                        return merge(coalitieItem(c), ["deelname": .string("\(g.naam): \(Groeiperspectief.variantWord(v))")])
                    }),
                    "themas": themaRefs(o.themas),
                    "uitgelicht": .bool(emphasis?.contains(o.info.slug) ?? false),
                    "nieuw": .bool(nieuw.contains(o.info.slug)),
                ])
            }),
            "kaarten_themas": .objects(model.themas.compactMap { t -> Fields? in
                maps.themaURL(t.info.slug, basePath: basePath).map { ["titel": .string(t.titel), "url": .string($0)] }
            }),
            "kaarten_gemeenten": .objects(model.gemeenten.compactMap { g -> Fields? in
                maps.gemeenteURL(g.info.slug, basePath: basePath).map { ["titel": .string(g.naam), "url": .string($0)] }
            }),
        ])
    }

    /// Links to every snapshot year and to the present, marking the one shown.
    func yearNavigation(_ years: [Int], current: Int?, page: (Int) -> Page, present: Page) -> TemplateValue {
        let items: [Fields] = years.map { ["jaar": .int($0), "url": .string(url(page($0))), "huidig": .bool($0 == current)] }
            + [["jaar": "Nu", "url": .string(url(present)), "huidig": .bool(current == nil)]]
        var nav: Fields = ["items": .objects(items), "has_items": .bool(!years.isEmpty)]
        if let current, let i = years.firstIndex(of: current) {
            nav["vorige"] = i > 0 ? ["jaar": .int(years[i - 1]), "url": .string(url(page(years[i - 1])))] : false
            nav["volgende"] = i + 1 < years.count ? ["jaar": .int(years[i + 1]), "url": .string(url(page(years[i + 1])))]
                : ["jaar": "nu", "url": .string(url(present))]
        }
        return .object(nav)
    }

    /// A change as one Dutch sentence, with a link to what it is about.
}

/// Coalities × the seven gemeenten, with the variant in force on a day.
struct ParticipationMatrix {
    struct Row {
        var coalitie: Coalitie
        /// Per gemeente, the period in force.
        var cells: [VariantPeriod?]
        /// What the row shows rests on: the coalitie and every participation in it.
        var grounds: Grounds { coalitie.info.provenance.grounds | Grounds.of(cells) { $0?.provenance.grounds ?? .sourced } }
    }
    /// Only coalities going on now: the present view shows no finished, lapsed or unknown ones.
    let currentOnly: Bool
    let model: SiteModel
    let relations: Relations
    let day: Day

    init(model: SiteModel, relations: Relations, on day: Day, currentOnly: Bool = false) {
        self.currentOnly = currentOnly
        self.model = model
        self.relations = relations
        self.day = day
    }

    func rows(forThema slug: String) -> [Row] {
        (relations.coalitiesByThema[slug] ?? []).filter {
            model.coalities[$0].isActive(on: day) && (!currentOnly || model.coalities[$0].isCurrent)
        }.map { i in
            let c = model.coalities[i]
            return Row(coalitie: c, cells: model.gemeenten.map { g in
                c.deelnemer(g.info.slug)?.period(on: day)
            })
        }
    }
}
