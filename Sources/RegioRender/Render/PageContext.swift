import RegioContent
import RegioMarkdown
import RegioSupport
import RegioTemplates

/// The fields of one template object while it is being put together.
typealias Fields = [String: TemplateValue]

extension TemplateValue {
    /// A list of objects.
    static func objects<S: Sequence>(_ items: S) -> TemplateValue where S.Element == Fields {
        .list(items.map(TemplateValue.object))
    }

    /// A text, or `false` when there is none: for values a template tests with a section.
    static func string(or missing: String?) -> TemplateValue {
        missing.map(TemplateValue.string) ?? false
    }

    /// An object, or `false` when there is none.
    static func object(or missing: Fields?) -> TemplateValue {
        missing.map(TemplateValue.object) ?? false
    }
}

/// Everything the templates may use, built from the model for one page as a typed value tree
/// (the compiled templates look values up by key, with no casts). The names are a
/// documented contract with staff (Templates/README.md); the values are already in Dutch,
/// escaped by Mustache on output, except `*_html` fields, which hold rendered Markdown
/// or SVG produced by the generator itself.
package struct PageContextBuilder: Sendable {
    let model: SiteModel
    let relations: Relations
    let now: Day
    package let basePath: String
    let baseURL: String
    let assets: AssetManifest
    let maps: MapArtifacts
    let timeline: Timeline
    let years: [Int]
    let mapYears: [Int]
    /// Slug → index for the kinds `SiteModel` has no index for: a linear search per page
    /// made rendering every update page O(updates²).
    let updateIndex: [String: Int]
    let besluitIndex: [String: Int]
    /// What is coming to the councils, made once per build.
    let agenda: Agenda
    /// Marks the first use of each term of the glossary in a body.
    let glossary: Glossary
    let paginaIndex: [String: Int]

    /// `relations` and `timeline` are made from the model when not given.
    init(model: SiteModel, now: Day, assets: AssetManifest, maps: MapArtifacts, relations: Relations? = nil, timeline: Timeline? = nil) {
        self.model = model
        self.updateIndex = Self.index(model.updates.map(\.info.slug))
        self.besluitIndex = Self.index(model.besluiten.map(\.info.slug))
        self.agenda = Agenda(model: model)
        self.paginaIndex = Self.index(model.paginas.map(\.info.slug))
        let relations = relations ?? Relations(model)
        self.relations = relations
        self.timeline = timeline ?? Timeline(model: model, relations: relations, now: now)
        self.years = self.timeline.snapshotYears(now: now)
        self.mapYears = Routes.mapYears(model, now: now, snapshotYears: years)
        self.now = now
        self.baseURL = model.settings.baseURL
        self.basePath = SitePaths.basePath(of: model.settings.baseURL)
        self.assets = assets
        self.maps = maps
        self.glossary = Glossary(model.begrippen, pageURL: SitePaths.resolve(Page.begrippen.path, basePath: basePath))
    }

    /// The first position of every slug (as `first { $0.info.slug == slug }` would find it).
    static func index(_ slugs: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(slugs.count)
        for (i, slug) in slugs.enumerated() where result[slug] == nil { result[slug] = i }
        return result
    }

    // MARK: Shared pieces

    func url(_ page: Page) -> String { SitePaths.resolve(page.path, basePath: basePath) }
    func absoluteURL(_ page: Page) -> String { baseURL + page.path.dropFirst() }

    /// The template that renders a page kind.
    package func template(for page: Page) -> String {
        switch page {
        case .home: return "home"
        case .themas: return "themas"
        case .thema: return "thema"
        case .coalities: return "coalities"
        case .coalitie: return "coalitie"
        case .gemeenten: return "gemeenten"
        case .gemeente: return "gemeente"
        case .opgaven: return "opgaven"
        case .opgave: return "opgave"
        case .updates: return "updates"
        case .update: return "update"
        case .besluiten: return "besluiten"
        case .besluit: return "besluit"
        case .partners: return "partners"
        case .deelname: return "deelname"
        case .groeiperspectief, .kaartThema, .kaartGemeente, .groeiperspectiefJaar: return "groeiperspectief"
        case .deelnameJaar: return "deelname"
        case .veranderingenGemeente, .veranderingenThema: return "veranderingen"
        case .pagina: return "pagina"
        case .zoeken: return "zoeken"
        case .openData: return "open-data"
        case .bronnen: return "bronnen"
        case .agenda: return "agenda"
        case .begrippen: return "begrippen"
        case .notFound: return "404"
        }
    }

    private static let navigation: [(String, Page)] = [
        ("Thema's", .themas), ("Gemeenten", .gemeenten), ("Coalities", .coalities),
        ("Groeiperspectief", .groeiperspectief), ("Deelname", .deelname),
        ("Updates", .updates(page: 1)), ("Besluiten", .besluiten), ("Agenda", .agenda),
    ]

    /// The section a page belongs to, for marking the current navigation item.
    private func section(_ page: Page) -> Page? {
        switch page {
        case .themas, .thema, .veranderingenThema: return .themas
        case .gemeenten, .gemeente, .veranderingenGemeente: return .gemeenten
        case .coalities, .coalitie: return .coalities
        case .groeiperspectief, .opgaven, .opgave, .kaartThema, .kaartGemeente, .groeiperspectiefJaar: return .groeiperspectief
        case .deelname, .deelnameJaar: return .deelname
        case .updates, .update: return .updates(page: 1)
        case .besluiten, .besluit: return .besluiten
        case .agenda: return .agenda
        default: return nil
        }
    }

    func base(_ page: Page, titel: String, beschrijving: String, crumbs: [(String, Page)] = [],
              ogType: String = "website") -> Fields {
        var feeds: [Fields] = [["titel": "Alle updates", "url": .string(SitePaths.resolve(MachineOutputs.allUpdatesFeed, basePath: basePath))]]
        switch page {
        case .thema(let slug):
            feeds.append(["titel": "Updates over \(titel)", "url": .string(SitePaths.resolve(MachineOutputs.feedPath(thema: slug), basePath: basePath))])
        case .gemeente(let slug):
            feeds.append(["titel": "Updates voor \(titel)", "url": .string(SitePaths.resolve(MachineOutputs.feedPath(gemeente: slug), basePath: basePath))])
        default:
            break
        }
        let current = section(page)
        var trail: [Fields] = [["titel": "Home", "url": .string(url(.home))]]
        trail += crumbs.map { ["titel": .string($0.0), "url": .string(url($0.1))] }
        return [
            "site": [
                "titel": .string(model.settings.titel),
                "beschrijving": .string(model.settings.beschrijving),
                "base_url": .string(baseURL),
                "base_path": .string(basePath),
                "home_url": .string(url(.home)),
                "feed_url": .string(basePath + "feeds/updates.xml"),
                "zoeken_url": .string(basePath + "zoeken/"),
                "bronnen_url": .string(url(.bronnen)),
                "testversie": .bool(model.settings.testversie),
            ],
            "page": [
                "titel": .string(titel),
                "beschrijving": .string(beschrijving),
                "canonical": .string(absoluteURL(page)),
                "url": .string(url(page)),
                "is_home": .bool(page == .home),
                "og_type": .string(ogType),
                // Set by ``markPage`` from the marks on the page.
                "voorbeeld": false, "redactie": false,
                "breadcrumbs": page == .home ? [] : .objects(trail),
                "has_breadcrumbs": .bool(page != .home),
            ],
            "nav": .objects(Self.navigation.map { item -> Fields in
                ["titel": .string(item.0), "url": .string(url(item.1)), "current": .bool(item.1 == current)]
            }),
            "footer_menu": .objects(model.paginas.filter { $0.menu != nil }.map { ["titel": .string($0.titel), "url": .string(url(.pagina($0.info.slug)))] }),
            "asset": .lambda(TemplateLambda(name: "asset") { [assets, basePath] path in
                assets.url(for: path.trimmingCharacters(in: .whitespacesAndNewlines), basePath: basePath)
            }),
            "vandaag": .string(Vocabulary.date(now)),
            // "Stand van de gegevens": a date of the data, never the clock.
            "stand": date(or: model.dataDate),
            "uitgever": .string(or: model.settings.uitgever),
            "feeds": .objects(feeds),
        ]
    }

    func merge(_ base: Fields, _ extra: Fields) -> Fields {
        base.merging(extra) { _, new in new }
    }

    private func ref(_ titel: String, _ page: Page) -> Fields {
        ["titel": .string(titel), "url": .string(url(page))]
    }

    func themaRefs(_ refs: [Ref]) -> TemplateValue {
        .objects(refs.compactMap { model.thema($0.value) }.map { ref($0.titel, .thema($0.info.slug)) })
    }

    func gemeenteRefs(_ refs: [Ref]) -> TemplateValue {
        .objects(refs.compactMap { model.gemeente($0.value) }.map { ref($0.naam, .gemeente($0.info.slug)) })
    }

    func coalitieRefs(_ refs: [Ref]) -> TemplateValue {
        .objects(refs.compactMap { model.coalitie($0.value) }.map { ref($0.titel, .coalitie($0.info.slug)) })
    }

    /// The opgaven `o` depends on, each edge marked by what it rests on.
    func dependencies(_ o: Opgave) -> TemplateValue {
        .objects(o.afhankelijkVan.compactMap { edge -> Fields? in
            model.opgave(edge.opgave.value).map { merge(ref($0.titel, .opgave($0.info.slug)), marks(edge.provenance.grounds)) }
        })
    }

    func opgaveRefs(_ refs: [Ref]) -> TemplateValue {
        .objects(refs.compactMap { model.opgave($0.value) }.map { ref($0.titel, .opgave($0.info.slug)) })
    }

    func partij(_ slug: String) -> Fields {
        if let g = model.gemeente(slug) {
            return ["naam": .string(g.naam), "url": .string(url(.gemeente(slug))), "soort": "Gemeente", "is_gemeente": true]
        }
        if let p = model.partner(slug) {
            return ["naam": .string(p.naam), "url": .string(url(.partners) + "#" + slug), "soort": .string(Vocabulary.soortLabel(p.soort)), "is_gemeente": false]
        }
        return ["naam": .string(slug), "url": .string(url(.home)), "soort": "", "is_gemeente": false]
    }

    func variant(_ v: String) -> Fields {
        ["code": .string(v), "label": .string(Vocabulary.variantLabel(v)), "symbool": .string(Vocabulary.variantSymbol(v))]
    }

    func date(_ day: Day) -> TemplateValue {
        ["iso": .string(day.description), "tekst": .string(Vocabulary.date(day)), "jaar": .int(day.year)]
    }

    /// A date to test with a section: `false` when there is none.
    func date(or missing: Day?) -> TemplateValue {
        missing.map(date) ?? false
    }

    /// An entity's text and what it rests on.
    func body(_ info: EntityInfo) -> Fields {
        merge(["body_html": .string(glossary.mark(info.body.html)), "has_body": .bool(!info.body.html.isEmpty)], herkomst(info.provenance))
    }

    // MARK: Entity summaries

    func updateItem(_ u: Update) -> Fields {
        [
            "titel": .string(u.titel), "url": .string(url(.update(u.info.slug))), "datum": date(u.datum),
            "samenvatting": .string(u.samenvatting), "draft": .bool(u.draft),
            "themas": themaRefs(u.themas),
        ].merging(marks(u.info.provenance.grounds)) { a, _ in a }
    }

    func besluitItem(_ b: Besluit) -> Fields {
        [
            "titel": .string(b.titel), "url": .string(url(.besluit(b.info.slug))), "datum": date(b.datum), "orgaan": .string(b.orgaan),
            "kenmerk": .string(b.kenmerk ?? ""), "has_kenmerk": .bool(b.kenmerk != nil), "uitkomst": .string(b.uitkomst),
        ].merging(marks(b.info.provenance.grounds)) { a, _ in a }
    }

    func coalitieItem(_ c: Coalitie) -> Fields {
        let step = c.step(on: now)
        return [
            "titel": .string(c.titel), "url": .string(url(.coalitie(c.info.slug))), "samenvatting": .string(c.samenvatting),
            "status": ["code": .string(c.status), "label": .string(Vocabulary.statusLabel(c.status))],
            "stap": .object(or: step.map { ["label": .string(Vocabulary.stapLabel($0.stap)), "nummer": .int(stepNumber($0.stap)),
                                            "totaal": .int(ContentSchema.stap.options.count), "datum": date($0.datum)] }),
            "themas": themaRefs(c.themas), "is_huidig": .bool(c.isCurrent),
            "aantal_deelnemers": .int(c.deelnemers.filter { ($0.variant(on: now) ?? "geen") != "geen" }.count),
            "stand_bron": date(or: c.info.provenance.citations.compactMap { model.bron($0.document)?.datum }.max()),
        ].merging(marks(c.info.provenance.grounds)) { a, _ in a }
    }

    func stepNumber(_ stap: String) -> Int { (ContentSchema.stap.values.firstIndex(of: stap) ?? 0) + 1 }

    func opgaveItem(_ o: Opgave) -> Fields {
        merge(["titel": .string(o.titel), "url": .string(url(.opgave(o.info.slug))), "samenvatting": .string(o.samenvatting)],
              marks(o.info.provenance.grounds))
    }

    func themaItem(_ t: Thema) -> Fields {
        let count = relations.coalitiesByThema[t.info.slug]?.count ?? 0
        return [
            "titel": .string(t.titel), "url": .string(url(.thema(t.info.slug))), "samenvatting": .string(t.samenvatting), "slug": .string(t.info.slug),
            "tafel": .string(t.tafel.naam), "aantal_coalities": .int(count),
            "aantal_coalities_tekst": .string(Vocabulary.plural(count, "coalitie", "coalities")),
        ].merging(marks(t.info.provenance.grounds)) { a, _ in a }
    }

    /// A gemeente with how it takes part now: the mix of variants it takes part in (volledig,
    /// solidariteit, instap), and apart from that the coalities it does not take part in.
    func gemeenteItem(_ g: Gemeente) -> Fields {
        let mix = Participation(model: model, relations: relations).of(g.info.slug, on: now)
        let counts = mix.value.taking.map { entry -> Fields in
            ["variant": .object(variant(entry.variant)), "aantal": .int(entry.coalities.count),
             "tekst": .string("\(entry.coalities.count) \(Vocabulary.variantLabel(entry.variant).lowercased())")]
        }
        let total = mix.value.taking.reduce(0) { $0 + $1.coalities.count }
        let tekst = total == 0 ? "Doet nu aan geen coalitie mee"
            : "Doet mee aan \(Vocabulary.plural(total, "coalitie", "coalities")): " + mix.value.taking.map {
                "\($0.coalities.count) \(Vocabulary.variantLabel($0.variant).lowercased())"
            }.joined(separator: " · ")
        return merge(["naam": .string(g.naam), "url": .string(url(.gemeente(g.info.slug))), "slug": .string(g.info.slug),
                      "deelname": .object(merge(marks(mix.grounds), [
                          "tekst": .string(tekst), "mix": .objects(counts), "aantal": .int(total),
                          "geen": .int(mix.value.notTaking.count), "has_geen": .bool(!mix.value.notTaking.isEmpty),
                          "geen_tekst": .string(mix.value.notTaking.isEmpty ? "" :
                              "Doet niet mee aan \(Vocabulary.plural(mix.value.notTaking.count, "coalitie", "coalities"))"),
                      ]))],
                     marks(g.info.provenance.grounds))
    }

    /// Participants in force on `now`, as table rows.
    func deelnemerRows(_ c: Coalitie) -> TemplateValue {
        .objects(c.deelnemers.compactMap { d -> Fields? in
            guard let v = d.variant(on: now) else { return nil }
            var row = merge(partij(d.partij.value), marks(d.grounds))
            row["variant"] = .object(variant(v))
            let history = d.varianten.filter { $0.period.vanaf.map { $0 <= now } ?? true }
            row["geschiedenis"] = history.count > 1 ? .objects(history.map { p -> Fields in
                ["variant": .object(variant(p.variant)), "vanaf": date(or: p.period.vanaf)]
            }) : []
            row["has_geschiedenis"] = .bool(history.count > 1)
            return row
        })
    }

    func sorted(_ indices: [Int]) -> [Int] { Array(Set(indices)).sorted() }

    func updateItems<S: Sequence>(_ indices: S) -> TemplateValue where S.Element == Int {
        .objects(indices.map { updateItem(model.updates[$0]) })
    }

    func besluitItems(_ indices: [Int]) -> TemplateValue {
        .objects(indices.map { besluitItem(model.besluiten[$0]) })
    }

    func coalitieItems(_ indices: [Int]) -> TemplateValue {
        .objects(indices.map { coalitieItem(model.coalities[$0]) })
    }

    // MARK: Pages

    package func context(for page: Page) -> TemplateValue {
        var fields = fields(for: page)
        Self.markPage(&fields)
        return .object(fields)
    }

    private func fields(for page: Page) -> Fields {
        switch page {
        case .home: return home()
        case .themas: return themas()
        case .thema(let s): return thema(model.thema(s)!)
        case .coalities: return coalities()
        case .coalitie(let s): return coalitie(model.coalitie(s)!)
        case .gemeenten: return gemeenten()
        case .gemeente(let s): return gemeente(model.gemeente(s)!)
        case .opgaven: return opgaven()
        case .opgave(let s): return opgave(model.opgave(s)!)
        case .updates(let n): return updates(page: n)
        case .update(let s): return update(model.updates[updateIndex[s]!])
        case .besluiten: return besluiten()
        case .besluit(let s): return besluit(besluitIndex[s].map { model.besluiten[$0] } ?? model.verwachteBesluiten.first { $0.info.slug == s }!)
        case .agenda: return agendaPage()
        case .begrippen: return begrippenPage()
        case .partners: return partners()
        case .deelname: return deelname()
        case .groeiperspectief: return groeiperspectief(.groeiperspectief)
        case .kaartThema, .kaartGemeente, .groeiperspectiefJaar: return groeiperspectief(page)
        case .deelnameJaar(let year): return deelname(year: year)
        case .veranderingenGemeente(let s):
            let g = model.gemeente(s)!
            return veranderingen(.veranderingenGemeente(s), naam: g.naam, crumbs: [("Gemeenten", .gemeenten), (g.naam, .gemeente(s))],
                                 events: timeline.concerning(gemeente: s))
        case .veranderingenThema(let s):
            let t = model.thema(s)!
            return veranderingen(.veranderingenThema(s), naam: "het thema \(t.titel)", crumbs: [("Thema's", .themas), (t.titel, .thema(s))],
                                 events: timeline.concerning(thema: s))
        case .pagina(let s): return pagina(model.paginas[paginaIndex[s]!])
        case .zoeken: return zoeken()
        case .openData: return openData()
        case .bronnen: return bronnen()
        case .notFound:
            return base(.notFound, titel: "Pagina niet gevonden", beschrijving: "Deze pagina bestaat niet (meer).")
        }
    }

    func home() -> Fields {
        merge(base(.home, titel: model.settings.titel, beschrijving: model.settings.beschrijving), [
            "updates": .objects(model.updates.prefix(5).map(updateItem)),
            "besluiten": .objects(model.besluiten.prefix(5).map(besluitItem)),
            "komt_eraan": .objects(agenda.items.prefix(3).map(agendaItem)), "has_komt_eraan": .bool(!agenda.items.isEmpty),
            "agenda_url": .string(url(.agenda)),
            "themas": .objects(model.themas.map(themaItem)),
            "gemeenten": .objects(model.gemeenten.map(gemeenteItem)),
            "kaart_url": maps.file.isEmpty ? false : .string(basePath + "groeiperspectief/kaart.svg"),
            "kaart_alt": .string(maps.summary),
            "aantal_coalities": .int(model.coalities.count),
            "aantal_opgaven": .int(model.opgaven.count),
        ])
    }

    func themas() -> Fields {
        merge(base(.themas, titel: "Thema's", beschrijving: "De onderwerpen waarop de Drechtsteden samenwerken.", crumbs: []),
              ["themas": .objects(model.themas.map(themaItem))])
    }

    func thema(_ t: Thema) -> Fields {
        let slug = t.info.slug
        let leden = t.tafel.leden.filter { $0.period.contains(now) }.map { merge(partij($0.partij.value), marks($0.provenance.grounds)) }
        return merge(base(.thema(slug), titel: t.titel, beschrijving: t.samenvatting, crumbs: [("Thema's", .themas)]), [
            "thema": .object(merge(merge(themaItem(t), body(t.info)), [
                "tafel": [
                    "naam": .string(t.tafel.naam), "voorzitter": .string(t.tafel.voorzitter ?? ""), "has_voorzitter": .bool(t.tafel.voorzitter != nil),
                    "ritme": .string(t.tafel.ritme ?? ""), "has_ritme": .bool(t.tafel.ritme != nil), "leden": .objects(leden),
                    "has_leden": .bool(!leden.isEmpty), "voorbeeld": .bool(t.tafel.grounds.example),
                    "redactie": .bool(t.tafel.grounds.editorial),
                    "soort": ["code": .string(t.tafel.soort), "label": .string(ContentSchema.tafelSoort.option(t.tafel.soort)?.label ?? t.tafel.soort),
                              "is_tafel": .bool(t.tafel.soort == "tafel")],
                ],
                "opgaven": .objects((relations.opgavenByThema[slug] ?? []).map { opgaveItem(model.opgaven[$0]) }),
                "coalities": .objects((relations.coalitiesByThema[slug] ?? []).map { i -> Fields in
                    let c = model.coalities[i]
                    return merge(coalitieItem(c), ["deelnemers": deelnemerRows(c)])
                }),
                "updates": updateItems((relations.updatesByThema[slug] ?? []).prefix(10)),
                "besluiten": besluitItems(relations.besluitenByThema[slug] ?? []),
                "map_url": .string(or: maps.themaURL(slug, basePath: basePath)),
                "veranderingen_url": .string(url(.veranderingenThema(slug))),
            ])),
        ])
    }

    func coalities() -> Fields {
        merge(base(.coalities, titel: "Coalities", beschrijving: "Projecten en programma's van de partijen die eraan meedoen."),
              ["coalities": .objects(model.coalities.map(coalitieItem)),
               "per_status": .objects(ContentSchema.status.options.map { option -> Fields in
                   let items = model.coalities.filter { $0.status == option.value }.map(coalitieItem)
                   return ["label": .string(option.label), "code": .string(option.value), "coalities": .objects(items), "has_coalities": .bool(!items.isEmpty)]
               })])
    }

    func coalitie(_ c: Coalitie) -> Fields {
        let slug = c.info.slug
        let undecided = model.gemeenten.filter { g in
            !c.deelnemers.contains { $0.partij.value == g.info.slug && $0.variant(on: now) != nil }
        }.map { ref($0.naam, .gemeente($0.info.slug)) }
        let reached = c.stappen.filter { $0.datum <= now }
        let steps = ContentSchema.stap.options.enumerated().map { (i, option) -> Fields in
            let done = reached.first { $0.stap == option.value }
            return ["nummer": .int(i + 1), "label": .string(option.label), "bereikt": .bool(done != nil),
                    "datum": date(or: done?.datum),
                    "huidig": .bool(reached.last?.stap == option.value)]
        }
        return merge(base(.coalitie(slug), titel: c.titel, beschrijving: c.samenvatting, crumbs: [("Coalities", .coalities)]), [
            "coalitie": .object(merge(merge(coalitieItem(c), body(c.info)), [
                "start": date(or: c.start?.value),
                "eind": date(or: c.eind?.value),
                "ring": .object(or: c.ring.map { ["code": .string($0), "label": .string(Vocabulary.ringLabel($0))] }),
                "deelnemers": deelnemerRows(c),
                // "Kleur bekennen": the gemeenten of which no variant is known for this coalitie.
                "geen_keuze": .objects(undecided), "has_geen_keuze": .bool(!undecided.isEmpty && c.isCurrent),
                "opgaven": opgaveRefs(c.opgaven),
                "stappen": .objects(steps),
                "has_stappen": .bool(!c.stappen.isEmpty),
                "updates": updateItems(relations.updatesByCoalitie[slug] ?? []),
                "besluiten": besluitItems(relations.besluitenByCoalitie[slug] ?? []),
            ])),
        ])
    }

    func gemeenten() -> Fields {
        merge(base(.gemeenten, titel: "Gemeenten", beschrijving: "De zeven gemeenten van de Drechtsteden en wat de regio voor elk van hen doet."),
              ["gemeenten": .objects(model.gemeenten.map(gemeenteItem))])
    }

    func gemeente(_ g: Gemeente) -> Fields {
        let slug = g.info.slug
        let coalitionIndices = relations.coalitiesByPartij[slug] ?? []
        let mix = Participation(model: model, relations: relations).of(slug, on: now)
        let komtEraan = agenda.forGemeente(slug)
        /// A coalitie as this gemeente takes part in it: marked by what that participation rests on.
        func item(_ i: Int) -> Fields {
            let c = model.coalities[i]
            let d = c.deelnemer(slug)
            let current = d?.period(on: now)
            // Since when this variant holds, and what it was before: what a raadslid asks first.
            let previous = d.flatMap { d -> VariantPeriod? in
                guard let current, let index = d.varianten.firstIndex(of: current), index > 0 else { return nil }
                return d.varianten[index - 1]
            }
            return merge(coalitieItem(c), merge([
                "sinds": date(or: current?.period.vanaf ?? c.start?.value),
                "vorige": .string(or: previous.map { Vocabulary.variantLabel($0.variant).lowercasedFirst }),
            ], marks((current?.provenance.grounds ?? .sourced) | c.info.provenance.grounds)))
        }
        let groups = mix.value.taking.map { entry -> Fields in
            ["variant": .object(variant(entry.variant)), "beschrijving": .string(ContentSchema.deelnamevariant.option(entry.variant)?.description ?? ""),
             "coalities": .objects(entry.coalities.map(item))]
        }
        let notTaking = mix.value.notTaking.map(item)
        let aanTafel = (relations.themasByTafelLid[slug] ?? []).map { model.themas[$0] }
            .filter { t in t.tafel.leden.contains { $0.partij.value == slug && $0.period.contains(now) } }
        let tafels = aanTafel.map { t -> Fields in
            let lid = t.tafel.leden.first { $0.partij.value == slug && $0.period.contains(now) }
            return merge(["naam": .string(t.tafel.naam), "thema": .string(t.titel), "url": .string(url(.thema(t.info.slug))),
                          "soort": .string(ContentSchema.tafelSoort.option(t.tafel.soort)?.label ?? t.tafel.soort)],
                         marks(lid?.provenance.grounds ?? .sourced))
        }
        let viaCoalities = coalitionIndices.flatMap { relations.updatesByCoalitie[model.coalities[$0].info.slug] ?? [] }
        let updateIndices = sorted((relations.updatesByGemeente[slug] ?? []) + viaCoalities)
        /// An update with the reason it is on this page.
        func updateWithReason(_ i: Int) -> Fields {
            let u = model.updates[i]
            let reden: String
            if u.gemeenten.contains(where: { $0.value == slug }) {
                reden = "noemt \(g.naam)"
            } else if let c = u.coalities.lazy.compactMap({ self.model.coalitie($0.value) }).first(where: { c in c.deelnemers.contains { $0.partij.value == slug } }) {
                reden = "via coalitie \(c.titel)"
            } else {
                reden = ""
            }
            return merge(updateItem(u), ["reden": .string(or: reden.isEmpty ? nil : reden)])
        }
        let since = now.adding(months: -12)
        let recent = timeline.concerning(gemeente: slug).filter { $0.date > since && $0.date <= now }
        let besluitViaCoalities = coalitionIndices.flatMap { relations.besluitenByCoalitie[model.coalities[$0].info.slug] ?? [] }
        let besluitIndices = sorted((relations.besluitenByGemeente[slug] ?? []) + besluitViaCoalities)
        return merge(base(.gemeente(slug), titel: g.naam, beschrijving: "Wat de regionale samenwerking doet voor \(g.naam): tafels, coalities, besluiten en nieuws.",
                          crumbs: [("Gemeenten", .gemeenten)]), [
            "gemeente": .object(merge(merge(gemeenteItem(g), body(g.info)), [
                "komt_eraan": .objects(komtEraan.prefix(5).map(agendaItem)), "has_komt_eraan": .bool(!komtEraan.isEmpty),
                "meer_agenda": .bool(komtEraan.count > 5), "agenda_url": .string(url(.agenda)),
                "ics_url": .string(SitePaths.resolve(AgendaCalendar.path(gemeente: slug), basePath: basePath)),
                "cbs_code": .string(g.cbsCode ?? ""), "has_cbs_code": .bool(g.cbsCode != nil),
                "inwoners": .string(g.inwoners.map(Self.formatNumber) ?? ""), "has_inwoners": .bool(g.inwoners != nil),
                "website": .string(g.website ?? ""), "has_website": .bool(g.website != nil),
                "raad_url": .string(g.raadURL ?? ""), "has_raad_url": .bool(g.raadURL != nil),
                "varianten": .objects(groups), "has_coalities": .bool(!groups.isEmpty),
                "niet_deelname": .objects(notTaking), "has_niet_deelname": .bool(!notTaking.isEmpty),
                "tafels": .objects(tafels), "has_tafels": .bool(!tafels.isEmpty),
                "updates": .objects(updateIndices.prefix(5).map(updateWithReason)),
                "meer_updates": .bool(updateIndices.count > 5), "aantal_updates": .int(updateIndices.count),
                "kort": .object(merge([
                    "veranderd": .string(recent.isEmpty ? "Geen veranderingen in de laatste twaalf maanden"
                        : "\(Vocabulary.plural(recent.count, "verandering", "veranderingen")) in de laatste twaalf maanden"),
                    "komt": .string(komtEraan.isEmpty ? "Niets op de agenda"
                        : "\(Vocabulary.plural(komtEraan.count, "punt", "punten")) op de agenda, het eerste: \(komtEraan[0].titel)"),
                    "tafels": .string(aanTafel.isEmpty ? "Geen" : aanTafel.map(\.tafel.naam).joined(separator: ", ")),
                ], marks(Grounds(example: recent.contains { $0.voorbeeld })))),
                "besluiten": besluitItems(besluitIndices),
                "map_url": .string(or: maps.gemeenteURL(slug, basePath: basePath)),
                "feed_url": .string(SitePaths.resolve(MachineOutputs.feedPath(gemeente: slug), basePath: basePath)),
                "veranderingen_url": .string(url(.veranderingenGemeente(slug))),
            ])),
        ])
    }

    static func formatNumber(_ n: Int) -> String {
        // Dutch thousands separator.
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }

    func opgaven() -> Fields {
        merge(base(.opgaven, titel: "Opgaven", beschrijving: "De regionale opgaven en hoe ze van elkaar afhangen.",
                   crumbs: [("Groeiperspectief", .groeiperspectief)]),
              ["opgaven": .objects(model.opgaven.map(opgaveItem))])
    }

    func opgave(_ o: Opgave) -> Fields {
        let slug = o.info.slug
        return merge(base(.opgave(slug), titel: o.titel, beschrijving: o.samenvatting,
                          crumbs: [("Groeiperspectief", .groeiperspectief), ("Opgaven", .opgaven)]), [
            "opgave": .object(merge(merge(opgaveItem(o), body(o.info)), [
                "themas": themaRefs(o.themas),
                "afhankelijk_van": dependencies(o),
                "voorwaarde_voor": .objects((relations.dependents[slug] ?? []).map { i -> Fields in
                    let dependent = model.opgaven[i]
                    let edge = dependent.afhankelijkVan.first { $0.opgave.value == slug }
                    return merge(opgaveItem(dependent), marks(edge?.provenance.grounds ?? .sourced))
                }),
                "coalities": coalitieItems(relations.coalitiesByOpgave[slug] ?? []),
                "vanaf": datedFact(o.period.vanaf, o.vanafProvenance),
            ])),
        ])
    }

    func updates(page n: Int) -> Fields {
        let perPage = model.settings.updatesPerPagina
        let total = Routes.updatePageCount(model)
        let items = model.updates.dropFirst((n - 1) * perPage).prefix(perPage).map(updateItem)
        let titel = n == 1 ? "Updates" : "Updates, pagina \(n) van \(total)"
        return merge(base(.updates(page: n), titel: titel, beschrijving: "Nieuws over de regionale samenwerking in de Drechtsteden."), [
            "updates": .objects(items),
            "paginering": [
                "huidig": .int(n), "totaal": .int(total), "meer_dan_een": .bool(total > 1),
                "vorige": n > 1 ? .string(url(.updates(page: n - 1))) : false,
                "volgende": n < total ? .string(url(.updates(page: n + 1))) : false,
                "paginas": .objects(Self.pageWindow(current: n, total: total).map { number -> Fields in
                    guard let number else { return ["weggelaten": true, "huidig": false] }
                    return ["nummer": .int(number), "url": .string(url(.updates(page: number))), "huidig": .bool(number == n), "weggelaten": false]
                }),
            ],
        ])
    }

    /// The page numbers a pagination bar shows: the first and last page and two on either side
    /// of the current one; nil marks a gap. Linking every page from every page made the list
    /// pages of a large site quadratic (1,000 pages × 1,000 links).
    static func pageWindow(current: Int, total: Int, radius: Int = 2) -> [Int?] {
        var shown = Set([1, total])
        for n in max(1, current - radius)...min(total, current + radius) { shown.insert(n) }
        var window: [Int?] = []
        for n in shown.sorted() {
            if let last = window.last ?? nil, n > last + 1 {
                // A gap of exactly one page shows that page instead of an ellipsis.
                window.append(n == last + 2 ? last + 1 : nil)
            }
            window.append(n)
        }
        return window
    }

    func update(_ u: Update) -> Fields {
        merge(base(.update(u.info.slug), titel: u.titel, beschrijving: u.samenvatting, crumbs: [("Updates", .updates(page: 1))]), [
            "update": .object(merge(merge(updateItem(u), body(u.info)), [
                "auteur": .string(u.auteur),
                "coalities": coalitieRefs(u.coalities),
                "gemeenten": gemeenteRefs(u.gemeenten),
            ])),
        ])
    }

    func besluiten() -> Fields {
        var years: [Int: [Fields]] = [:]
        for b in model.besluiten { years[b.datum.year, default: []].append(besluitItem(b)) }
        return merge(base(.besluiten, titel: "Besluiten", beschrijving: "Tijdlijn van de besluiten over de regionale samenwerking."), [
            "jaren": .objects(years.keys.sorted(by: >).map { ["jaar": .int($0), "besluiten": .objects(years[$0]!)] }),
        ])
    }

    func besluit(_ b: Besluit) -> Fields {
        let wanneer = Vocabulary.when(b.datum, uiterlijk: b.uiterlijk, periode: b.periode)
        return merge(base(.besluit(b.info.slug), titel: b.titel, beschrijving: "\(b.orgaan), \(wanneer): \(b.uitkomst)",
                          crumbs: b.isTaken ? [("Besluiten", .besluiten)] : [("Agenda", .agenda)]), [
            "besluit": .object(merge(merge(besluitItem(b), body(b.info)), [
                "themas": themaRefs(b.themas), "coalities": coalitieRefs(b.coalities), "gemeenten": gemeenteRefs(b.gemeenten),
                "link": .string(b.link ?? ""), "has_link": .bool(b.link != nil),
                "status": ["code": .string(b.status), "label": .string(ContentSchema.besluitStatus.option(b.status)?.label ?? b.status)],
                "is_verwacht": .bool(!b.isTaken), "wanneer": .string(wanneer),
                "door": .string(or: b.door.flatMap { ContentSchema.besluitDoor.option($0)?.label }),
                "waarom": .string(or: b.waarom),
                "agenda_url": .string(url(.agenda)),
            ])),
        ])
    }

    // MARK: Agenda

    /// One item of what is coming: when, who decides, for whom, why, and what it rests on.
    func agendaItem(_ item: AgendaItem) -> Fields {
        let names = item.gemeenten.compactMap { model.gemeente($0)?.naam }
        return merge([
            "titel": .string(item.titel), "url": .string(url(item.page)), "datum": date(item.datum),
            "wanneer": .string(Vocabulary.when(item.datum, uiterlijk: item.uiterlijk, periode: item.periode)),
            "status": .string(ContentSchema.besluitStatus.option(item.status)?.label ?? item.status),
            "is_geagendeerd": .bool(item.status == "geagendeerd"),
            "door": .string(or: item.door.flatMap { ContentSchema.besluitDoor.option($0)?.label }),
            "orgaan": .string(or: item.orgaan), "waarom": .string(or: item.waarom),
            "voor": .string(names.isEmpty ? "alle gemeenten" : names.joined(separator: ", ")),
            // A date that has passed without the content saying it was taken: said as it is.
            "is_verstreken": .bool(item.datum < now),
        ], marks(item.grounds))
    }

    func agendaPage() -> Fields {
        merge(base(.agenda, titel: "Agenda", beschrijving: "Welke besluiten er naar de gemeenteraden en colleges komen, en wanneer."), [
            "komt_eraan": .objects(agenda.items.map(agendaItem)),
            "has_komt_eraan": .bool(!agenda.items.isEmpty),
            "ics_url": .string(SitePaths.resolve(AgendaCalendar.regionPath, basePath: basePath)),
            "ics_gemeenten": .objects(model.gemeenten.map {
                ["naam": .string($0.naam), "url": .string(SitePaths.resolve(AgendaCalendar.path(gemeente: $0.info.slug), basePath: basePath))]
            }),
        ])
    }

    func partners() -> Fields {
        merge(base(.partners, titel: "Partners", beschrijving: "Overheden, bedrijven, kennisinstellingen en maatschappelijke organisaties waarmee de Drechtsteden samenwerken."), [
            "soorten": .objects(ContentSchema.soort.options.compactMap { option -> Fields? in
                let items = model.partners.filter { $0.soort == option.value }
                guard !items.isEmpty else { return nil }
                return ["label": .string(option.label), "partners": .objects(items.map { p -> Fields in
                    ["naam": .string(p.naam), "slug": .string(p.info.slug), "website": .string(p.website ?? ""), "has_website": .bool(p.website != nil),
                     "body_html": .string(p.info.body.html),
                     "coalities": .objects((relations.coalitiesByPartij[p.info.slug] ?? []).map { i -> Fields in
                         let c = model.coalities[i]
                         let d = c.deelnemer(p.info.slug)
                         return merge(coalitieItem(c), marks((d?.grounds ?? .sourced) | c.info.provenance.grounds))
                     })].merging(marks(p.info.provenance.grounds)) { a, _ in a }
                })]
            }),
        ])
    }

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
        if case .groeiperspectiefJaar(let year) = page { day = Snapshots.day(for: year, now: now) }
        let opgaven = model.opgaven.filter { $0.period.contains(day) }
        var titel = "Groeiperspectief"
        var nieuw: Set<String> = []
        var jaar: Int?
        var beschrijving = "Hoe de regionale opgaven van elkaar afhangen, en welke coalities eraan werken."
        var svg = maps.full
        var emphasis: Set<String>?
        var uitleg: String?
        var kaartZin: Fields?
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
        case .kaartGemeente(let slug):
            let g = model.gemeente(slug)!
            titel = "Groeiperspectief: \(g.naam)"
            beschrijving = "De opgaven waaraan \(g.naam) via coalities werkt, in het groeiperspectief."
            svg = maps.gemeenten[slug] ?? ""
            emphasis = maps.gemeenteOpgaven[slug] ?? []
            uitleg = "De opgaven waaraan \(g.naam) via een coalitie werkt hebben een dikke rand; de andere zijn grijs."
            // The map in one sentence: through how many coalities, on how many opgaven, where later.
            let mix = Participation(model: model, relations: relations).of(slug, on: day)
            let taking = mix.value.taking.flatMap(\.coalities)
            let present = Set(opgaven.map(\.info.slug))
            let reached = Set(taking.flatMap { model.coalities[$0].opgaven.map(\.value) }).intersection(present)
            let instap = mix.value.taking.first { $0.variant == "instap" }?.coalities.count ?? 0
            var zin = taking.isEmpty ? "\(g.naam) werkt nu via geen coalitie mee aan de opgaven op deze kaart."
                : "\(g.naam) werkt via \(Vocabulary.plural(taking.count, "coalitie", "coalities")) mee aan \(reached.count) van de \(present.count) opgaven"
            if !taking.isEmpty { zin += instap > 0 ? "; bij \(instap) stapt \(g.naam) later in." : "." }
            kaartZin = merge(["tekst": .string(zin)], marks(mix.grounds))
        case .groeiperspectiefJaar(let year):
            jaar = year
            titel = "Groeiperspectief \(year)"
            beschrijving = "Het groeiperspectief zoals het was op \(Vocabulary.date(day))."
            svg = maps.years[year]?.svg ?? ""
            nieuw = maps.years[year]?.newOpgaven ?? []
            uitleg = "Opgaven die in \(year) nieuw waren hebben een gestippelde rand en het woord ‘nieuw’; coalities die in \(year) begonnen staan er met ‘nieuw’ bij. Opgaven houden hun plaats van jaar tot jaar."
        default:
            break
        }
        let crumbs: [(String, Page)] = page == .groeiperspectief ? [] : [("Groeiperspectief", .groeiperspectief)]
        let yearStart = jaar.map { Day(year: $0, month: 1, day: 1)! }
        let beeindigd: [Fields] = jaar == nil ? [] :
            model.opgaven.filter { o in o.period.tot.map { $0 >= yearStart! && $0 <= day } ?? false }.map(opgaveItem)
            + model.coalities.filter { c in c.eind.map { $0.value >= yearStart! && $0.value <= day } ?? false }.map(coalitieItem)
        return merge(base(page, titel: titel, beschrijving: beschrijving, crumbs: crumbs), [
            "map_html": .string(svg),
            "has_map": .bool(!svg.isEmpty),
            "map_uitleg": .string(or: uitleg),
            "kaart_zin": .object(or: kaartZin),
            "is_variant": .bool(page != .groeiperspectief),
            "kaart_url": .string(basePath + "groeiperspectief/kaart.svg"),
            "jaren": yearNavigation(mapYears, current: jaar, page: { .groeiperspectiefJaar($0) }, present: .groeiperspectief),
            "is_jaar": .bool(jaar != nil),
            "beeindigd": .objects(beeindigd),
            "has_beeindigd": .bool(!beeindigd.isEmpty),
            "opgaven": .objects(opgaven.map { o -> Fields in
                merge(opgaveItem(o), [
                    "afhankelijk_van": dependencies(o),
                    "coalities": coalitieItems((relations.coalitiesByOpgave[o.info.slug] ?? []).filter { model.coalities[$0].isActive(on: day) }),
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
    func eventItem(_ e: ChangeEvent, datum: TemplateValue) -> Fields {
        let steps = ContentSchema.stap.values
        let tekst: String
        switch e.kind {
        case .coalitieGestart: tekst = "Coalitie gestart"
        case .coalitieBeeindigd: tekst = "Coalitie beëindigd"
        case .stapBereikt(let stap):
            tekst = "Stap \((steps.firstIndex(of: stap) ?? 0) + 1) van \(steps.count) bereikt: \(Vocabulary.stapLabel(stap).lowercasedFirst)"
        case .variantGewijzigd(let partij, let from, let to):
            let naam = model.partijNaam(partij) ?? partij
            if let from {
                tekst = "\(naam): deelname van \(Vocabulary.variantLabel(from).lowercasedFirst) naar \(Vocabulary.variantLabel(to).lowercasedFirst)"
            } else {
                tekst = "\(naam) doet mee als \(Vocabulary.variantLabel(to).lowercasedFirst)"
            }
        case .opgaveNieuw: tekst = "Nieuwe opgave op de agenda"
        case .opgaveBeeindigd: tekst = "Opgave van de agenda"
        case .besluit: tekst = "Besluit genomen"
        case .update: tekst = "Update gepubliceerd"
        }
        var soort = "overig"
        switch e.kind {
        case .coalitieGestart, .coalitieBeeindigd, .stapBereikt: soort = "coalitie"
        case .variantGewijzigd: soort = "deelname"
        case .opgaveNieuw, .opgaveBeeindigd: soort = "opgave"
        case .besluit: soort = "besluit"
        case .update: soort = "update"
        }
        return ["datum": datum, "tekst": .string(tekst), "titel": .string(e.titel), "url": .string(url(e.page)),
                "soort": .string(soort), "voorbeeld": .bool(e.voorbeeld)]
    }

    /// "Wat is er veranderd": the last 3, 6 and 12 months before `now`, then every year.
    func veranderingen(_ page: Page, naam: String, crumbs: [(String, Page)], events: [ChangeEvent]) -> Fields {
        // Newest first, each item made once: every period and every year is a run of this list
        // (events are in date order), and recent events show in several periods.
        let newestFirst = Array(events.reversed())
        var dates: [Day: TemplateValue] = [:]
        let items = newestFirst.map { e -> TemplateValue in
            let datum = dates[e.date] ?? date(e.date)
            dates[e.date] = datum
            return .object(eventItem(e, datum: datum))
        }
        func section(_ titel: String, id: String, _ run: Range<Int>) -> Fields {
            ["titel": .string(titel), "id": .string(id), "items": .list(Array(items[run])),
             "has_items": .bool(!run.isEmpty), "aantal": .string(Vocabulary.plural(run.count, "verandering", "veranderingen"))]
        }
        let periods = [3, 6, 12].map { months -> Fields in
            let since = now.adding(months: -months)
            return section("Afgelopen \(months) maanden", id: "maanden-\(months)", 0..<(newestFirst.firstIndex { $0.date <= since } ?? newestFirst.count))
        }
        var yearSections: [Fields] = []
        var runStart = 0
        while runStart < newestFirst.count {
            let year = newestFirst[runStart].date.year
            let runEnd = newestFirst[runStart...].firstIndex { $0.date.year != year } ?? newestFirst.count
            yearSections.append(section(String(year), id: "jaar-\(year)", runStart..<runEnd))
            runStart = runEnd
        }
        let titel = "Wat is er veranderd voor \(naam)"
        return merge(base(page, titel: titel, beschrijving: "Coalities, deelname, opgaven, besluiten en updates per periode, tot \(Vocabulary.date(now)).",
                          crumbs: crumbs), [
            "naam": .string(naam),
            "peildatum": date(now),
            "perioden": .objects(periods),
            "jaren": .objects(yearSections),
            "has_events": .bool(!events.isEmpty),
        ])
    }

    /// The search page. Without JavaScript it is an overview of every page by kind.
    func zoeken() -> Fields {
        func group(_ titel: String, _ items: [(String, Page)]) -> Fields {
            ["titel": .string(titel), "paginas": .objects(items.map { ref($0.0, $0.1) })]
        }
        return merge(base(.zoeken, titel: "Zoeken", beschrijving: "Zoek in thema's, gemeenten, coalities, opgaven, besluiten, updates en pagina's."), [
            // The parts of the search index, separated by spaces.
            "index_urls": .string(MachineOutputs.searchIndexPaths(count: MachineOutputs.searchRecordCount(model))
                .map { basePath + $0 }.joined(separator: " ")),
            "overzicht": .objects([
                group("Thema's", model.themas.map { ($0.titel, .thema($0.info.slug)) }),
                group("Gemeenten", model.gemeenten.map { ($0.naam, .gemeente($0.info.slug)) }),
                group("Coalities", model.coalities.map { ($0.titel, .coalitie($0.info.slug)) }),
                group("Opgaven", model.opgaven.map { ($0.titel, .opgave($0.info.slug)) }),
                group("Besluiten", model.besluiten.map { ($0.titel, .besluit($0.info.slug)) }),
                group("Updates", model.updates.map { ($0.titel, .update($0.info.slug)) }),
                group("Pagina's", model.paginas.map { ($0.titel, .pagina($0.info.slug)) }),
            ]),
        ])
    }

    func pagina(_ p: Pagina) -> Fields {
        merge(base(.pagina(p.info.slug), titel: p.titel, beschrijving: p.samenvatting),
              ["pagina": .object(merge(["titel": .string(p.titel), "samenvatting": .string(p.samenvatting)], body(p.info)))])
    }
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

/// Hashes of the files the site is made from, for ``PageContextBuilder/inputKey(for:sources:)``.
package struct SourceKeys: Sendable {
    /// Everything except the updates and besluiten: site settings, the day, and every
    /// gemeente, partner, thema, opgave, coalitie and pagina file without its Markdown body
    /// (a body shows only on its own page, which is compared by its context).
    let rest: Int
    /// Per slug: the whole file (for what shows its body: its own page, its search record).
    private(set) var updates: [String: Int]
    private(set) var besluiten: [String: Int]
    /// Per update slug: the file without its body (for lists and open data, which show none).
    private(set) var updateSummaries: [String: Int]

    package init(model: SiteModel, now: Day) {
        var hasher = Hasher()
        hasher.combine(model.settings.titel)
        hasher.combine(model.settings.beschrijving)
        hasher.combine(model.settings.baseURL)
        hasher.combine(model.settings.updatesPerPagina)
        hasher.combine(model.settings.uitgever)
        hasher.combine(model.settings.testversie)
        hasher.combine(now.description)
        // Every page's footer shows the data date, which the newest update or besluit may set.
        hasher.combine(model.dataDate)
        let infos = model.gemeenten.map(\.info) + model.partners.map(\.info) + model.themas.map(\.info)
            + model.opgaven.map(\.info) + model.coalities.map(\.info) + model.paginas.map(\.info) + model.bronnen.map(\.info)
            // Every body marks the first use of a term, so every page reads the glossary.
            + model.begrippen.map(\.info)
        for info in infos {
            hasher.combine(info.kind)
            hasher.combine(info.slug)
            hasher.combine(info.frontMatterHash)
        }
        rest = hasher.finalize()
        func keys(_ infos: [EntityInfo]) -> [String: Int] {
            var result: [String: Int] = [:]
            result.reserveCapacity(infos.count)
            for info in infos { result[info.slug] = Self.key(info) }
            return result
        }
        updates = keys(model.updates.map(\.info))
        besluiten = keys(model.besluiten.map(\.info))
        var summaries: [String: Int] = [:]
        summaries.reserveCapacity(model.updates.count)
        for u in model.updates { summaries[u.info.slug] = Self.summary(u.info) }
        updateSummaries = summaries
    }

    private static func summary(_ info: EntityInfo) -> Int {
        var hasher = Hasher()
        hasher.combine(info.slug)
        hasher.combine(info.frontMatterHash)
        return hasher.finalize()
    }

    private static func key(_ info: EntityInfo) -> Int {
        var hasher = Hasher()
        hasher.combine(info.slug)
        hasher.combine(info.source.contentHash)
        return hasher.finalize()
    }

    /// After an update or besluit file changed in place (same slug, still published).
    package mutating func replace(_ info: EntityInfo) {
        switch info.kind {
        case .updates where updates[info.slug] != nil:
            updates[info.slug] = Self.key(info)
            updateSummaries[info.slug] = Self.summary(info)
        case .besluiten where besluiten[info.slug] != nil: besluiten[info.slug] = Self.key(info)
        default: break
        }
    }
}

extension PageContextBuilder {
    /// For the page kinds whose context is known to read nothing but its own file, the other
    /// content (``SourceKeys/rest``) and, for change pages, its events: a hash of those inputs,
    /// found without building the context. Equal keys mean equal contexts, so an incremental
    /// build skips such a page without building its context at all (with 10,000 updates that
    /// was most of a rebuild). Every other page returns nil and is compared by its context.
    ///
    /// Keep this in step with the context functions above: an update or besluit page shows
    /// its own fields and the names of what it refers to (thema's, coalities, gemeenten, all in
    /// `rest`); a list of updates shows its slice of them; a coalitie page shows its own file,
    /// the updates and besluiten about it and names from `rest`; a change page shows its events
    /// and names from `rest`; the maps, the participation tables and the lists of coalities,
    /// opgaven, thema's and gemeenten show nothing but `rest` (no body, no update); the search
    /// page names every update and besluit. The incremental build tests compare every rebuild
    /// with a clean build.
    func inputKey(for page: Page, sources: SourceKeys) -> Int? {
        var hasher = Hasher()
        hasher.combine(page)
        hasher.combine(sources.rest)
        switch page {
        case .update(let slug):
            guard let own = sources.updates[slug] else { return nil }
            hasher.combine(own)
        case .besluit(let slug):
            guard let own = sources.besluiten[slug] else { return nil }
            hasher.combine(own)
        case .updates(let n):
            // A list page shows its slice of updates (fields and names from `rest`) and the page numbers.
            let perPage = model.settings.updatesPerPagina
            hasher.combine(Routes.updatePageCount(model))
            for i in model.updates.indices.dropFirst((n - 1) * perPage).prefix(perPage) {
                guard let summary = sources.updateSummaries[model.updates[i].info.slug] else { return nil }
                hasher.combine(summary)
            }
        case .coalitie(let slug):
            // Its own file (the body shows), the updates and besluiten it lists, names from `rest`.
            guard let c = model.coalitie(slug) else { return nil }
            hasher.combine(c.info.source.contentHash)
            for i in relations.updatesByCoalitie[slug] ?? [] {
                guard let summary = sources.updateSummaries[model.updates[i].info.slug] else { return nil }
                hasher.combine(summary)
            }
            for i in relations.besluitenByCoalitie[slug] ?? [] {
                guard let own = sources.besluiten[model.besluiten[i].info.slug] else { return nil }
                hasher.combine(own)
            }
        case .groeiperspectief, .groeiperspectiefJaar, .kaartThema, .kaartGemeente, .deelname, .deelnameJaar,
             .coalities, .opgaven, .themas, .gemeenten, .notFound:
            // Drawn from `rest` alone (the maps too), plus the years that get a snapshot, which
            // the first dated event decides.
            hasher.combine(years)
            hasher.combine(mapYears)
        case .zoeken:
            // Names every update and besluit: hashing their keys is far cheaper than hashing the context.
            for u in model.updates {
                guard let summary = sources.updateSummaries[u.info.slug] else { return nil }
                hasher.combine(summary)
            }
            for b in model.besluiten {
                guard let own = sources.besluiten[b.info.slug] else { return nil }
                hasher.combine(own)
            }
        case .veranderingenGemeente(let slug):
            hasher.combine(timeline.fingerprint(gemeente: slug))
        case .veranderingenThema(let slug):
            hasher.combine(timeline.fingerprint(thema: slug))
        default:
            return nil
        }
        return hasher.finalize()
    }
}
