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

    /// Opgaven that appeared since `newSince` (drawn with a dashed border and the word "nieuw").
    public let newNodes: Set<String>

    /// The map as of `day`: only opgaven and coalities in force on that day. A previous
    /// snapshot's layout keeps persisting opgaven in the same order, so years compare by eye.
    public init(model: SiteModel, on day: Day, newSince: Day? = nil, previous: MapLayout? = nil) {
        self.day = day
        graph = Self.graph(model, on: day, newSince: newSince)
        newNodes = Set(model.opgaven.filter { o in
            guard let newSince, let vanaf = o.period.vanaf else { return false }
            return o.period.contains(day) && vanaf >= newSince
        }.map(\.info.slug))
        var options = LayoutOptions()
        options.clusterOrder = model.themas.map(\.info.slug)
        options.orderHint = previous?.orderHint
        layout = LayeredLayout.layout(graph, options: options)
    }

    static func graph(_ model: SiteModel, on day: Day, newSince: Day?) -> MapGraph {
        let opgaven = model.opgaven.filter { $0.period.contains(day) }
        let present = Set(opgaven.map(\.info.slug))
        var coalitiesByOpgave: [String: [String]] = [:]
        let steps = ContentSchema.stap.values
        for c in model.coalities where c.isActive(on: day) {
            // The step in text, so the process is visible on the map itself.
            var line = c.titel
            if let step = c.step(on: day), let n = steps.firstIndex(of: step.stap) { line += " (stap \(n + 1)/\(steps.count))" }
            if let newSince, let start = c.start?.value, start >= newSince { line += " · nieuw" }
            for o in c.opgaven where present.contains(o.value) { coalitiesByOpgave[o.value, default: []].append(line) }
        }
        let nodes = opgaven.map { o in
            var label = o.titel
            if let newSince, let vanaf = o.period.vanaf, vanaf >= newSince { label += " (nieuw)" }
            return MapNode(id: o.info.slug, label: label, cluster: o.themas.first?.value,
                           annotations: (coalitiesByOpgave[o.info.slug] ?? []).sorted())
        }
        let edges = opgaven.flatMap { o in
            o.afhankelijkVan.filter { present.contains($0.opgave.value) }.map { MapEdge(from: $0.opgave.value, to: o.info.slug) }
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
