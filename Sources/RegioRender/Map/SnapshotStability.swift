import RegioContent
import RegioMap

/// How well year-by-year snapshots of the groeiperspectief stay put. For each pair of
/// consecutive years it compares the layouts used on the site (each laid out with the
/// previous year's order as a hint) with layouts made for each year on its own.
public struct SnapshotStability: Sendable {
    public struct Row: Sendable {
        public var year: Int
        public var persisting: Int
        /// Mean distance (px) that persisting opgaven moved since the previous year.
        public var displacementHinted: Double
        public var displacementIndependent: Double
        /// Pairs of persisting opgaven in one layer whose left-to-right order flipped.
        public var inversionsHinted: Int
        public var inversionsIndependent: Int
        public var crossingsHinted: Int
        public var crossingsIndependent: Int
    }

    public let rows: [Row]

    /// A seeded, growing random graph: each "year" adds about `growth` of new nodes (with
    /// edges to earlier ones) and ends a few, so the effect of the order hint is visible at scale.
    public init(syntheticNodes: Int, years: Int, growth: Double = 0.08, seed: UInt64 = 42) {
        var rng = SplitMix64(state: seed)
        var nodes: [MapNode] = []
        var edges: [MapEdge] = []
        var next = 0
        func addNode() {
            let id = "n\(next)"
            next += 1
            if !nodes.isEmpty {
                for _ in 0..<(1 + Int(rng.next() % 2)) {
                    let target = nodes[Int(rng.next() % UInt64(nodes.count))].id
                    edges.append(MapEdge(from: target, to: id))
                }
            }
            nodes.append(MapNode(id: id, label: "Opgave \(id)", cluster: "c\(rng.next() % 5)"))
        }
        for _ in 0..<syntheticNodes { addNode() }
        var rows: [Row] = []
        var previousHinted: MapLayout?
        var previousIndependent: MapLayout?
        for year in 0..<years {
            if year > 0 {
                for _ in 0..<max(1, Int(Double(nodes.count) * growth)) { addNode() }
                // End a few nodes: drop them and their edges.
                for _ in 0..<max(1, nodes.count / 50) {
                    let gone = nodes.remove(at: Int(rng.next() % UInt64(nodes.count))).id
                    edges.removeAll { $0.from == gone || $0.to == gone }
                }
            }
            let graph = MapGraph(nodes: nodes, edges: edges)
            var options = LayoutOptions()
            options.orderHint = previousHinted?.orderHint
            let hinted = LayeredLayout.layout(graph, options: options)
            let independent = LayeredLayout.layout(graph)
            if let row = Self.row(year, previousHinted, previousIndependent, hinted, independent) { rows.append(row) }
            previousHinted = hinted
            previousIndependent = independent
        }
        self.rows = rows
    }

    public init(model: SiteModel, now: Day) {
        var rows: [Row] = []
        var previousHinted: MapLayout?
        var previousIndependent: MapLayout?
        for year in Routes.mapYears(model, now: now) {
            let day = Snapshots.day(for: year, now: now)
            let hinted = Groeiperspectief(model: model, on: day, previous: previousHinted).layout
            let independent = Groeiperspectief(model: model, on: day).layout
            if let row = Self.row(year, previousHinted, previousIndependent, hinted, independent) { rows.append(row) }
            previousHinted = hinted
            previousIndependent = independent
        }
        self.rows = rows
    }

    /// Compares this year's two layouts with last year's; nil for the first year.
    static func row(_ year: Int, _ previousHinted: MapLayout?, _ previousIndependent: MapLayout?,
                    _ hinted: MapLayout, _ independent: MapLayout) -> Row? {
        guard let a = previousHinted, let b = previousIndependent else { return nil }
        let persisting = Set(a.nodes.keys).intersection(hinted.nodes.keys).sorted()
        return Row(year: year, persisting: persisting.count,
                   displacementHinted: displacement(a, hinted, persisting),
                   displacementIndependent: displacement(b, independent, persisting),
                   inversionsHinted: inversions(a, hinted, persisting),
                   inversionsIndependent: inversions(b, independent, persisting),
                   crossingsHinted: hinted.crossingCount(), crossingsIndependent: independent.crossingCount())
    }

    static func displacement(_ a: MapLayout, _ b: MapLayout, _ ids: [String]) -> Double {
        guard !ids.isEmpty else { return 0 }
        let total = ids.reduce(0.0) { sum, id in
            let p = a.nodes[id]!.rect, q = b.nodes[id]!.rect
            let dx = p.midX - q.midX, dy = p.midY - q.midY
            return sum + (dx * dx + dy * dy).squareRoot()
        }
        return total / Double(ids.count)
    }

    /// Pairs in the same layer in both layouts whose horizontal order differs.
    static func inversions(_ a: MapLayout, _ b: MapLayout, _ ids: [String]) -> Int {
        var count = 0
        for (i, x) in ids.enumerated() {
            for y in ids[(i + 1)...] {
                guard let ax = a.nodes[x], let ay = a.nodes[y], let bx = b.nodes[x], let by = b.nodes[y],
                      ax.layer == ay.layer, bx.layer == by.layer else { continue }
                if (ax.rect.midX < ay.rect.midX) != (bx.rect.midX < by.rect.midX) { count += 1 }
            }
        }
        return count
    }

    /// A Markdown table for the benchmark results.
    public var table: String {
        var out = "| year | persisting opgaven | mean move hinted (px) | mean move independent (px) | inversions hinted | inversions independent | crossings hinted | crossings independent |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for r in rows {
            out += "| \(r.year) | \(r.persisting) | \(Self.fixed(r.displacementHinted)) | \(Self.fixed(r.displacementIndependent)) | \(r.inversionsHinted) | \(r.inversionsIndependent) | \(r.crossingsHinted) | \(r.crossingsIndependent) |\n"
        }
        return out
    }

    static func fixed(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return String(r)
    }
}
