/// Every page of the portal and its site path. The one place URLs are decided: the renderer
/// writes exactly these pages, and link validation accepts exactly these paths.
public enum Page: Sendable, Hashable {
    case home
    case themas, thema(String)
    case coalities, coalitie(String)
    case gemeenten, gemeente(String)
    case opgaven, opgave(String)
    case updates(page: Int), update(String)
    case besluiten, besluit(String)
    case partners
    case deelname
    case groeiperspectief
    /// The map with one thema's or gemeente's opgaven emphasised.
    case kaartThema(String), kaartGemeente(String)
    /// A gemeente's map as it was at the end of a year.
    case kaartGemeenteJaar(String, Int)
    /// The map and the participation matrix as they were at the end of a year.
    case groeiperspectiefJaar(Int), deelnameJaar(Int)
    /// What changed, per gemeente and per thema.
    case veranderingenGemeente(String), veranderingenThema(String)
    /// One year of a change page that is too long for one page (``Timeline/splitYears(gemeente:)``).
    case veranderingenGemeenteJaar(String, Int), veranderingenThemaJaar(String, Int)
    case pagina(String)
    case zoeken
    /// What the portal publishes as open data at /data/, and the content schemas.
    case openData
    /// The source register: every document the portal rests on, and what rests on it.
    case bronnen
    /// What is coming to the councils and colleges.
    case agenda
    /// The glossary.
    case begrippen
    case notFound

    /// Site path without the deployment prefix, e.g. `/themas/wonen/`.
    public var path: String {
        switch self {
        case .home: return "/"
        case .themas: return "/themas/"
        case .thema(let s): return "/themas/\(s)/"
        case .coalities: return "/coalities/"
        case .coalitie(let s): return "/coalities/\(s)/"
        case .gemeenten: return "/gemeenten/"
        case .gemeente(let s): return "/gemeenten/\(s)/"
        case .opgaven: return "/opgaven/"
        case .opgave(let s): return "/opgaven/\(s)/"
        case .updates(let n): return n <= 1 ? "/updates/" : "/updates/pagina/\(n)/"
        case .update(let s): return "/updates/\(s)/"
        case .besluiten: return "/besluiten/"
        case .besluit(let s): return "/besluiten/\(s)/"
        case .partners: return "/partners/"
        case .deelname: return "/deelname/"
        case .groeiperspectief: return "/groeiperspectief/"
        case .kaartThema(let s): return "/groeiperspectief/themas/\(s)/"
        case .kaartGemeente(let s): return "/groeiperspectief/gemeenten/\(s)/"
        case .kaartGemeenteJaar(let s, let y): return "/groeiperspectief/gemeenten/\(s)/\(y)/"
        case .groeiperspectiefJaar(let y): return "/groeiperspectief/\(y)/"
        case .deelnameJaar(let y): return "/deelname/\(y)/"
        case .veranderingenGemeente(let s): return "/gemeenten/\(s)/veranderingen/"
        case .veranderingenThema(let s): return "/themas/\(s)/veranderingen/"
        case .veranderingenGemeenteJaar(let s, let y): return "/gemeenten/\(s)/veranderingen/\(y)/"
        case .veranderingenThemaJaar(let s, let y): return "/themas/\(s)/veranderingen/\(y)/"
        case .pagina(let s): return "/\(s)/"
        case .zoeken: return "/zoeken/"
        case .openData: return "/open-data/"
        case .bronnen: return "/bronnen/"
        case .agenda: return "/agenda/"
        case .begrippen: return "/begrippen/"
        case .notFound: return "/404.html"
        }
    }

    /// The year of a change page's year page; nil for every other page.
    public var changeYear: Int? {
        switch self {
        case .veranderingenGemeenteJaar(_, let y), .veranderingenThemaJaar(_, let y): return y
        default: return nil
        }
    }

    /// The file the page is written to, relative to the output folder.
    public var outputFile: String {
        let p = path
        return p.hasSuffix("/") ? String(p.dropFirst()) + "index.html" : String(p.dropFirst())
    }
}

public enum Routes {
    /// Folder names a free page may not take, because the portal uses them.
    public static let reserved: Set<String> = [
        "themas", "coalities", "gemeenten", "opgaven", "updates", "besluiten", "partners", "deelname",
        "groeiperspectief", "assets", "css", "js", "img", "data", "feeds", "zoeken", "schemas", "open-data", "404", "bronnen", "agenda", "begrippen",
    ]

    public static func page(for kind: ContentKind, slug: String) -> Page {
        switch kind {
        case .gemeenten: return .gemeente(slug)
        case .partners: return .partners
        case .themas: return .thema(slug)
        case .opgaven: return .opgave(slug)
        case .coalities: return .coalitie(slug)
        case .besluiten: return .besluit(slug)
        case .updates: return .update(slug)
        case .paginas: return .pagina(slug)
        case .bronnen: return .bronnen
        case .begrippen: return .begrippen
        }
    }

    public static func updatePageCount(_ model: SiteModel) -> Int {
        max(1, (model.updates.count + model.settings.updatesPerPagina - 1) / model.settings.updatesPerPagina)
    }

    /// The years that get a snapshot of the map and the matrix.
    public static func snapshotYears(_ model: SiteModel, now: Day) -> [Int] {
        Timeline(model: model, relations: Relations(model), now: now).snapshotYears(now: now)
    }

    /// Snapshot years in which the map has at least one opgave.
    public static func mapYears(_ model: SiteModel, now: Day) -> [Int] {
        mapYears(model, now: now, snapshotYears: snapshotYears(model, now: now))
    }

    /// The same, from snapshot years already known (making them builds the whole timeline).
    package static func mapYears(_ model: SiteModel, now: Day, snapshotYears: [Int]) -> [Int] {
        snapshotYears.filter { year in
            let day = Snapshots.day(for: year, now: now)
            return model.opgaven.contains { $0.period.contains(day) }
        }
    }

    /// All pages, in a fixed order.
    public static func pages(_ model: SiteModel, now: Day) -> [Page] {
        pages(model, now: now, timeline: Timeline(model: model, relations: Relations(model), now: now))
    }

    /// The same, from the timeline already made (it decides the snapshot years and which
    /// change pages are split per year).
    package static func pages(_ model: SiteModel, now: Day, timeline: Timeline) -> [Page] {
        let years = timeline.snapshotYears(now: now)
        var pages: [Page] = [.home, .themas, .coalities, .gemeenten, .opgaven, .besluiten, .partners, .deelname,
                             .groeiperspectief, .zoeken, .openData, .bronnen, .agenda, .begrippen, .notFound]
        pages += (1...updatePageCount(model)).map { Page.updates(page: $0) }
        pages += model.themas.map { .thema($0.info.slug) }
        pages += model.coalities.map { .coalitie($0.info.slug) }
        pages += model.gemeenten.map { .gemeente($0.info.slug) }
        pages += model.opgaven.map { .opgave($0.info.slug) }
        pages += model.updates.map { .update($0.info.slug) }
        pages += model.besluiten.map { .besluit($0.info.slug) }
        pages += model.verwachteBesluiten.map { .besluit($0.info.slug) }
        pages += model.paginas.map { .pagina($0.info.slug) }
        if !model.opgaven.isEmpty {
            pages += model.themas.map { .kaartThema($0.info.slug) }
            pages += model.gemeenten.map { .kaartGemeente($0.info.slug) }
        }
        let mapYears = mapYears(model, now: now, snapshotYears: years)
        pages += mapYears.map { .groeiperspectiefJaar($0) }
        pages += model.gemeenten.flatMap { g in mapYears.map { .kaartGemeenteJaar(g.info.slug, $0) } }
        pages += years.map { .deelnameJaar($0) }
        pages += model.gemeenten.map { .veranderingenGemeente($0.info.slug) }
        pages += model.themas.map { .veranderingenThema($0.info.slug) }
        for g in model.gemeenten { pages += timeline.splitYears(gemeente: g.info.slug).map { .veranderingenGemeenteJaar(g.info.slug, $0) } }
        for t in model.themas { pages += timeline.splitYears(thema: t.info.slug).map { .veranderingenThemaJaar(t.info.slug, $0) } }
        return pages
    }
}
