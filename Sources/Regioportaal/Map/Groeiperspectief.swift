import RegioMap

/// Stage 5: the groeiperspectief. Opgaven are nodes, `afhankelijk_van` links are edges
/// (drawn from the condition to what depends on it), themes are clusters, and the coalities
/// working on an opgave are annotations on its node. One layout serves the whole map and its
/// per-thema and per-gemeente variants, which only change emphasis, so all versions of the
/// map look alike and a reader can compare them.
public struct Groeiperspectief: Sendable {
    public let graph: MapGraph
    public let layout: MapLayout
    let day: Day

    /// The map as of `day`: only opgaven and coalities in force on that day.
    public init(model: SiteModel, on day: Day, previous: MapLayout? = nil) {
        self.day = day
        graph = Self.graph(model, on: day)
        var options = LayoutOptions()
        options.clusterOrder = model.themas.map(\.info.slug)
        options.orderHint = previous?.orderHint
        layout = LayeredLayout.layout(graph, options: options)
    }

    static func graph(_ model: SiteModel, on day: Day) -> MapGraph {
        let opgaven = model.opgaven.filter { $0.period.contains(day) }
        let present = Set(opgaven.map(\.info.slug))
        var coalitiesByOpgave: [String: [String]] = [:]
        for c in model.coalities where c.period.contains(day) || c.start.map({ $0.value <= day }) == true && c.eind == nil {
            for o in c.opgaven where present.contains(o.value) { coalitiesByOpgave[o.value, default: []].append(c.titel) }
        }
        let nodes = opgaven.map { o in
            MapNode(id: o.info.slug, label: o.titel, cluster: o.themas.first?.value,
                    annotations: (coalitiesByOpgave[o.info.slug] ?? []).sorted())
        }
        let edges = opgaven.flatMap { o in
            o.afhankelijkVan.filter { present.contains($0.value) }.map { MapEdge(from: $0.value, to: o.info.slug) }
        }
        var titles: [String: String] = [:]
        for t in model.themas { titles[t.info.slug] = t.titel }
        return MapGraph(nodes: nodes, edges: edges, clusterTitles: titles)
    }

    /// SVG markup. `emphasis` names the opgaven to stress (others are dimmed); nil stresses none.
    public func svg(title: String, description: String, basePath: String, emphasis: Set<String>? = nil,
                    newNodes: Set<String> = [], idPrefix: String = "kaart-") -> String {
        var classes: [String: [String]] = [:]
        for node in graph.nodes {
            var list: [String] = []
            if let emphasis { list.append(emphasis.contains(node.id) ? "emphasis" : "dim") }
            if newNodes.contains(node.id) { list.append("new") }
            if !list.isEmpty { classes[node.id] = list }
        }
        let options = SVGOptions(title: title, description: description,
                                 href: { SitePaths.resolve(Page.opgave($0).path, basePath: basePath) },
                                 nodeClasses: classes, idPrefix: idPrefix)
        return SVGWriter.svg(layout, graph: graph, options: options)
    }

    /// A one-sentence description of the map, for `<desc>` and alt text.
    public var summary: String {
        let n = graph.nodes.count, e = graph.edges.count
        return "Kaart met \(n) regionale opgaven en \(e) afhankelijkheden daartussen, gegroepeerd per thema. "
            + "Onder de kaart staat dezelfde informatie als tekst."
    }
}

/// The opgaven a gemeente works on: those addressed by coalities in which it takes part
/// (any variant but `geen`) on `day`.
func opgaven(ofGemeente slug: String, model: SiteModel, relations: Relations, on day: Day) -> Set<String> {
    var result = Set<String>()
    for i in relations.coalitiesByPartij[slug] ?? [] {
        let c = model.coalities[i]
        guard let variant = c.deelnemers.first(where: { $0.partij.value == slug })?.variant(on: day), variant != "geen" else { continue }
        result.formUnion(c.opgaven.map(\.value))
    }
    return result
}
