/// Seeded random graphs for tests, benchmarks and stability measurements: the same seed gives
/// the same graph on every platform.
public enum RandomGraphs {
    /// A "layered-ish" random DAG: nodes spread over about 0.8·√n levels; every node below the
    /// first level gets an edge from a level above, and short downward edges are added until
    /// there are 1.5 edges per node. With `clusters` > 0, node i is in cluster `c(i % clusters)`.
    public static func layeredDAG(nodes n: Int, seed: UInt64, clusters: Int = 0) -> MapGraph {
        var rng = SplitMix64(state: seed)
        let levelCount = max(2, Int((Double(n).squareRoot() * 0.8).rounded()))
        var level = [Int](repeating: 0, count: n)
        for i in 0..<n { level[i] = i < levelCount ? i : rng.below(levelCount) }
        var byLevel = [[Int]](repeating: [], count: levelCount)
        for i in 0..<n { byLevel[level[i]].append(i) }
        func span() -> Int {
            let r = rng.unit()
            return r < 0.7 ? 1 : (r < 0.9 ? 2 : 3)
        }
        var seen = Set<Int>()
        var edges: [MapEdge] = []
        func add(_ u: Int, _ v: Int) {
            if seen.insert(u * n + v).inserted { edges.append(MapEdge(from: "n\(u)", to: "n\(v)")) }
        }
        for v in 0..<n where level[v] > 0 {
            let source = max(0, level[v] - span())
            add(byLevel[source][rng.below(byLevel[source].count)], v)
        }
        var attempts = 0
        while edges.count < n * 3 / 2 && attempts < 100 * n {
            attempts += 1
            let u = rng.below(n)
            let l = level[u] + span()
            if l >= levelCount { continue }
            add(u, byLevel[l][rng.below(byLevel[l].count)])
        }
        let nodes = (0..<n).map { i in
            MapNode(id: "n\(i)", label: "n\(i)", cluster: clusters > 0 ? "c\(i % clusters)" : nil)
        }
        return MapGraph(nodes: nodes, edges: edges)
    }
}

/// SplitMix64 (Steele, Lea, Flood): a tiny seedable generator, identical on every platform.
public struct SplitMix64 {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
