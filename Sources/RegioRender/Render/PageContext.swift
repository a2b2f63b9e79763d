import Foundation
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
    /// "Stand van de gegevens" on every page: found once, since without a `peildatum` it is the
    /// latest date of all content (a walk over every update per page made the build quadratic).
    let dataDate: Day?

    /// `relations` and `timeline` are made from the model when not given.
    init(model: SiteModel, now: Day, assets: AssetManifest, maps: MapArtifacts, relations: Relations? = nil, timeline: Timeline? = nil) {
        self.model = model
        self.updateIndex = Self.index(model.updates.map(\.info.slug))
        self.besluitIndex = Self.index(model.besluiten.map(\.info.slug))
        self.agenda = Agenda(model: model)
        self.paginaIndex = Self.index(model.paginas.map(\.info.slug))
        self.dataDate = model.dataDate
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
        case .groeiperspectief, .kaartThema, .kaartGemeente, .kaartGemeenteJaar, .groeiperspectiefJaar: return "groeiperspectief"
        case .deelnameJaar: return "deelname"
        case .veranderingenGemeente, .veranderingenThema, .veranderingenGemeenteJaar, .veranderingenThemaJaar: return "veranderingen"
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
        case .themas, .thema, .veranderingenThema, .veranderingenThemaJaar: return .themas
        case .gemeenten, .gemeente, .veranderingenGemeente, .veranderingenGemeenteJaar: return .gemeenten
        case .coalities, .coalitie: return .coalities
        case .groeiperspectief, .opgaven, .opgave, .kaartThema, .kaartGemeente, .kaartGemeenteJaar, .groeiperspectiefJaar: return .groeiperspectief
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
            "stand": date(or: dataDate),
            "uitgever": .string(or: model.settings.uitgever),
            "contact": .object(or: contactBlock),
            "feeds": .objects(feeds),
        ]
    }

    /// The footer's contact block from site.yml: only what is set, with where it comes from.
    private var contactBlock: Fields? {
        guard let c = model.settings.contact, c.adres != nil || c.email != nil || c.telefoon != nil else { return nil }
        // Digits and a leading + only: what a phone dials.
        let dial = c.telefoon.map { t in String(t.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) || $0 == "+" }.map(Character.init)) }
        return merge([
            "naam": .string(or: c.naam),
            "adres": .string(or: c.adres),
            "email": .string(or: c.email),
            "email_url": .string(or: c.email.map { "mailto:" + $0 }),
            "telefoon": .string(or: c.telefoon),
            "telefoon_url": .string(or: dial.map { "tel:" + $0 }),
        ], herkomst(c.provenance ?? .example))
    }

    func merge(_ base: Fields, _ extra: Fields) -> Fields {
        base.merging(extra) { _, new in new }
    }

    func ref(_ titel: String, _ page: Page) -> Fields {
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
            "icoon_html": .string(or: ThemaIcon.html(t)), "icoon": .string(or: t.icoon),
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
        fields["laatst_gewijzigd"] = lastChangedValue(page)
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
        case .kaartThema, .kaartGemeente, .kaartGemeenteJaar, .groeiperspectiefJaar: return groeiperspectief(page)
        case .deelnameJaar(let year): return deelname(year: year)
        case .veranderingenGemeente(let s), .veranderingenGemeenteJaar(let s, _):
            let g = model.gemeente(s)!
            return veranderingen(page, naam: g.naam, crumbs: [("Gemeenten", .gemeenten), (g.naam, .gemeente(s))],
                                 events: timeline.concerning(gemeente: s), splitYears: timeline.splitYears(gemeente: s),
                                 yearPage: { .veranderingenGemeenteJaar(s, $0) }, year: page.changeYear)
        case .veranderingenThema(let s), .veranderingenThemaJaar(let s, _):
            let t = model.thema(s)!
            return veranderingen(page, naam: "het thema \(t.titel)", crumbs: [("Thema's", .themas), (t.titel, .thema(s))],
                                 events: timeline.concerning(thema: s), splitYears: timeline.splitYears(thema: s),
                                 yearPage: { .veranderingenThemaJaar(s, $0) }, year: page.changeYear)
        case .pagina(let s): return pagina(model.paginas[paginaIndex[s]!])
        case .zoeken: return zoeken()
        case .openData: return openData()
        case .bronnen: return bronnen()
        case .notFound:
            return base(.notFound, titel: "Pagina niet gevonden", beschrijving: "Deze pagina bestaat niet (meer).")
        }
    }
}
