/// The layered graph in which every edge spans exactly one layer: long edges are split by dummy
/// vertices. Vertices `0..<realCount` are the real nodes (same indices as the prepared nodes),
/// the rest are dummies. Adjacency is stored in compressed (CSR) form for the hot ordering loops.
struct ProperGraph {
    var count: Int
    var realCount: Int
    var layerCount: Int
    var layer: [Int]
    /// Box width of a real node; for a dummy the spread of the parallel edges it carries.
    var width: [Double]
    /// Band (cluster column) index, already in left-to-right order.
    var band: [Int]
    /// Cluster rank used to break ties in the median order (dummies take their source's).
    var tie: [Int]
    /// Neighbours in the layer above: `upAdj[upStart[v]..<upStart[v+1]]`, with edge weights.
    var upStart: [Int]
    var upAdj: [Int]
    var upWeight: [Int]
    /// Neighbours in the layer below.
    var downStart: [Int]
    var downAdj: [Int]
    var downWeight: [Int]
    /// For every merged layered edge: its vertices from top to bottom (real, dummies..., real).
    var chains: [[Int]]
    var chainEdges: [WeightedEdge]

    func isDummy(_ v: Int) -> Bool { v >= realCount }

    /// Builds the proper graph. `nodeBand` gives each real node's band; a dummy takes the band of the
    /// edge's source for the upper half and the target's band for the lower half, so an edge between
    /// two cluster columns changes column once, half-way.
    init(realCount: Int, rank: [Int], widths: [Double], nodeBand: [Int], nodeTie: [Int], edges: [WeightedEdge],
         parallelSpread: Double) {
        self.realCount = realCount
        layer = rank
        width = widths
        band = nodeBand
        tie = nodeTie
        layerCount = (rank.max() ?? -1) + 1
        var links: [(u: Int, v: Int, w: Int)] = []
        links.reserveCapacity(edges.count * 2)
        chains = []
        chainEdges = edges
        var next = realCount
        for e in edges {
            var chain = [e.u]
            let span = rank[e.v] - rank[e.u]
            if span > 1 {
                for k in 1..<span {
                    let d = next
                    next += 1
                    layer.append(rank[e.u] + k)
                    width.append(Double(e.weight - 1) * parallelSpread)
                    band.append(k <= (span - 1) / 2 ? nodeBand[e.u] : nodeBand[e.v])
                    tie.append(nodeTie[e.u])
                    chain.append(d)
                }
            }
            chain.append(e.v)
            for i in 0..<(chain.count - 1) { links.append((chain[i], chain[i + 1], e.weight)) }
            chains.append(chain)
        }
        count = next
        // CSR adjacency, neighbours sorted by vertex index for determinism.
        links.sort { ($0.u, $0.v) < ($1.u, $1.v) }
        downStart = [Int](repeating: 0, count: next + 1)
        upStart = [Int](repeating: 0, count: next + 1)
        for l in links {
            downStart[l.u + 1] += 1
            upStart[l.v + 1] += 1
        }
        for i in 0..<next {
            downStart[i + 1] += downStart[i]
            upStart[i + 1] += upStart[i]
        }
        downAdj = [Int](repeating: 0, count: links.count)
        downWeight = [Int](repeating: 0, count: links.count)
        upAdj = [Int](repeating: 0, count: links.count)
        upWeight = [Int](repeating: 0, count: links.count)
        var downFill = downStart
        var upFill = upStart
        for l in links {
            downAdj[downFill[l.u]] = l.v
            downWeight[downFill[l.u]] = l.w
            downFill[l.u] += 1
        }
        // Links sorted by (u, v): filling up-lists in that order sorts them by u.
        for l in links {
            upAdj[upFill[l.v]] = l.u
            upWeight[upFill[l.v]] = l.w
            upFill[l.v] += 1
        }
    }
}
