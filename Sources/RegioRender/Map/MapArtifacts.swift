import RegioContent
import RegioMap
import RegioSupport

/// The groeiperspectief maps the map stage produced, as SVG markup: the whole map, and the
/// same layout with one thema's or one gemeente's opgaven emphasised.
public struct MapArtifacts: Sendable {
    public var full = ""
    /// A standalone file (`/groeiperspectief/kaart.svg`), also the home page's teaser image.
    public var file = ""
    public var summary = ""
    public var themas: [String: String] = [:]
    public var gemeenten: [String: String] = [:]
    /// Opgaven emphasised per gemeente, for the text alternative.
    public var gemeenteOpgaven: [String: Set<String>] = [:]
    /// Each gemeente's map per snapshot year (gemeente → year → map), so its filter survives the year links.
    public var gemeenteYears: [String: [Int: GemeenteYearMap]] = [:]

    public struct GemeenteYearMap: Sendable {
        public var svg: String
        public var opgaven: Set<String>
    }
    /// Year snapshots, each laid out with the previous year's order as a hint.
    public var years: [Int: YearMap] = [:]
    /// Every map page's map for paper and its legend (`Groeiperspectief.printSVG`).
    public var prints: [Page: PrintMap] = [:]

    public struct PrintMap: Sendable {
        public var map: String
        public var legend: String

        init(_ drawn: (map: String, legend: String)) {
            map = drawn.map
            legend = drawn.legend
        }
    }

    public struct YearMap: Sendable {
        public var svg: String
        public var day: Day
        public var opgaven: [String]
        public var newOpgaven: Set<String>
        public var layout: MapLayout
    }

    public init() {}

    /// `mapYears` are found from the model when not given (that builds the whole timeline).
    public init(model: SiteModel, relations: Relations, on day: Day, basePath: String, mapYears: [Int]? = nil) {
        let map = Groeiperspectief(model: model, on: day, present: true)
        summary = map.summary
        guard !map.graph.nodes.isEmpty else { return }
        let title = "Groeiperspectief: hoe de regionale opgaven van elkaar afhangen"
        // On a page the text alternative follows the map; the file stands alone.
        let onPage = " Onder de kaart staat dezelfde informatie als tekst."
        full = map.svg(title: title, description: map.summary + onPage, basePath: basePath)
        file = map.svg(title: title, description: map.summary, basePath: basePath, idPrefix: "bestand-")
        prints[.groeiperspectief] = PrintMap(map.printSVG(title: title))
        for t in model.themas {
            let slugs = Set(model.opgaven.filter { $0.themas.contains { $0.value == t.info.slug } }.map(\.info.slug))
            themas[t.info.slug] = map.svg(title: "Groeiperspectief, thema \(t.titel)",
                                          description: "De opgaven van het thema \(t.titel) zijn dik omrand; de andere zijn grijs. " + map.summary + onPage,
                                          basePath: basePath, emphasis: slugs, variant: .emphasis(what: "opgave van het thema \(t.titel)"))
            prints[.kaartThema(t.info.slug)] = PrintMap(map.printSVG(title: "Groeiperspectief, thema \(t.titel)", emphasis: slugs,
                                                                     variant: .emphasis(what: "opgave van het thema \(t.titel)")))
        }
        // Year maps in order, each hinted by the one before; then every gemeente's map, now and
        // per year, which are independent of each other, in parallel.
        var previous: MapLayout?
        var snapshots: [(year: Int, day: Day, newSince: Day, layout: MapLayout)] = []
        for year in mapYears ?? Routes.mapYears(model, now: day) {
            let snapshotDay = Snapshots.day(for: year, now: day)
            let newSince = Day(year: year, month: 1, day: 1)!
            let snapshot = Groeiperspectief(model: model, on: snapshotDay, newSince: newSince, previous: previous)
            previous = snapshot.layout
            guard !snapshot.graph.nodes.isEmpty else { continue }
            years[year] = YearMap(svg: snapshot.svg(title: "Groeiperspectief \(year)", description: snapshot.summary + onPage, basePath: basePath,
                                                    variant: .year(year), idPrefix: "kaart-\(year)-"),
                                  day: snapshotDay, opgaven: snapshot.graph.nodes.map(\.id), newOpgaven: snapshot.newNodes,
                                  layout: snapshot.layout)
            prints[.groeiperspectiefJaar(year)] = PrintMap(snapshot.printSVG(title: "Groeiperspectief \(year)", variant: .year(year),
                                                                             idPrefix: "kaart-\(year)-"))
            snapshots.append((year, snapshotDay, newSince, snapshot.layout))
        }
        let present = map.layout, done = snapshots
        // (gemeente index, snapshot index or nil for the present map)
        let jobs: [(Int, Int?)] = model.gemeenten.indices.flatMap { g in ([nil] + snapshots.indices.map { Optional($0) }).map { (g, $0) } }
        let drawn = ConcurrentMap.map(jobs, granularity: 1) { job -> (svg: String, opgaven: Set<String>, print: PrintMap) in
            let g = model.gemeenten[job.0]
            guard let k = job.1 else {
                let personal = Groeiperspectief(model: model, on: day, previous: present, present: true, gemeente: g.info.slug)
                return Self.gemeenteMap(personal, g, model: model, relations: relations, on: day, present: true, basePath: basePath,
                                        title: "Groeiperspectief, gemeente \(g.naam)", year: nil, idPrefix: "kaart-", onPage: onPage)
            }
            let s = done[k]
            // Laid out with the regional year map as hint, so the two look alike.
            let personal = Groeiperspectief(model: model, on: s.day, newSince: s.newSince, previous: s.layout, gemeente: g.info.slug)
            return Self.gemeenteMap(personal, g, model: model, relations: relations, on: s.day, present: false, basePath: basePath,
                                    title: "Groeiperspectief \(s.year), gemeente \(g.naam)", year: s.year, idPrefix: "kaart-\(s.year)-", onPage: onPage)
        }
        for (job, result) in zip(jobs, drawn) {
            let slug = model.gemeenten[job.0].info.slug
            if let k = job.1 {
                gemeenteYears[slug, default: [:]][snapshots[k].year] = GemeenteYearMap(svg: result.svg, opgaven: result.opgaven)
                prints[.kaartGemeenteJaar(slug, snapshots[k].year)] = result.print
            } else {
                prints[.kaartGemeente(slug)] = result.print
                gemeenteOpgaven[slug] = result.opgaven
                gemeenten[slug] = result.svg
            }
        }
    }

    /// A gemeente's map: its opgaven emphasised, and emphasis that only example participation
    /// gives said so, in the legend and the description.
    private static func gemeenteMap(_ map: Groeiperspectief, _ g: Gemeente, model: SiteModel, relations: Relations, on day: Day, present: Bool,
                             basePath: String, title: String, year: Int?, idPrefix: String, onPage: String) -> (svg: String, opgaven: Set<String>, print: PrintMap) {
        let grounded = opgaven(ofGemeente: g.info.slug, model: model, relations: relations, on: day, present: present)
        let slugs = Set(grounded.keys)
        let inMap = Set(map.graph.nodes.map(\.id))
        let byExample = grounded.filter { $0.value.example && inMap.contains($0.key) }.count
        var what = "opgave waaraan \(g.naam) via een coalitie werkt"
        var description = "De opgaven waaraan \(g.naam) via coalities werkt zijn dik omrand; de andere zijn grijs. "
            + "Bij elke coalitie staat hoe \(g.naam) meedoet. "
        if byExample > 0 {
            let n = byExample == 1 ? "1 daarvan rust" : "\(byExample) daarvan rusten"
            what += " (\(n) alleen op voorbeeldgegevens over deelname)"
            description += "\(byExample == 1 ? "Eén daarvan rust" : "\(byExample) daarvan rusten") alleen op voorbeeldgegevens over deelname. "
        }
        let svg = map.svg(title: title, description: description + map.summary + onPage, basePath: basePath, emphasis: slugs,
                          variant: .emphasis(what: what, year: year), idPrefix: idPrefix)
        let print = map.printSVG(title: title, emphasis: slugs, variant: .emphasis(what: what, year: year), idPrefix: idPrefix)
        return (svg, slugs.intersection(inMap), PrintMap(print))
    }

    /// The maps, reused from `cache` when nothing they are drawn from changed: the opgaven,
    /// coalities, thema's and gemeenten (all in `sources.rest`), the day, the deployment path
    /// and the snapshot years (which follow from the dates of all content).
    package static func make(model: SiteModel, relations: Relations, on day: Day, basePath: String, mapYears: [Int],
                     sources: SourceKeys?, cache: MapsCache?) -> MapArtifacts {
        guard let sources, let cache else {
            return MapArtifacts(model: model, relations: relations, on: day, basePath: basePath, mapYears: mapYears)
        }
        var hasher = Hasher()
        hasher.combine(sources.rest)
        hasher.combine(day.description)
        hasher.combine(basePath)
        hasher.combine(mapYears)
        return cache.value(for: "groeiperspectief", stamp: hasher.finalize()) {
            MapArtifacts(model: model, relations: relations, on: day, basePath: basePath, mapYears: mapYears)
        }
    }

    func themaURL(_ slug: String, basePath: String) -> String? {
        themas[slug] == nil ? nil : SitePaths.resolve(Page.kaartThema(slug).path, basePath: basePath)
    }
    func gemeenteURL(_ slug: String, year: Int? = nil, basePath: String) -> String? {
        if let year {
            return gemeenteYears[slug]?[year] == nil ? nil : SitePaths.resolve(Page.kaartGemeenteJaar(slug, year).path, basePath: basePath)
        }
        return gemeenten[slug] == nil ? nil : SitePaths.resolve(Page.kaartGemeente(slug).path, basePath: basePath)
    }
}

/// The maps of the previous build of a long-running process (one entry), stamped with the
/// hash of what they are drawn from.
package typealias MapsCache = KeyedCache<String, Int, MapArtifacts>
