/// Stage 4: horizontal coordinates, after Brandes & Köpf ("Fast and Simple Horizontal Coordinate
/// Assignment", 2001), with node widths.
///
/// Four alignments (up/down × left/right) each line vertices up with a median neighbour into vertical
/// blocks, preferring inner segments of long edges (type-1 conflicts) so long edges run straight.
/// Blocks are compacted on a block graph whose edges carry the minimum separation (half widths plus
/// gap) — a longest-path pass, then a pass that pulls blocks towards their right neighbours to close
/// needless gaps (as dagre does). The four results are aligned to the narrowest and averaged per
/// vertex over the two median values, which keeps every separation (order statistics are monotone).
enum Positioning {
    /// A layered graph (one band) with local vertex ids.
    struct Graph {
        var layers: [[Int]]
        var up: [[Int]]
        var down: [[Int]]
        var width: [Double]
        var dummy: [Bool]
    }

    /// Centre x of every vertex; the leftmost box edge is at 0.
    static func horizontal(_ g: Graph, nodeSeparation: Double, edgeSeparation: Double) -> [Double] {
        let m = g.width.count
        if m == 0 { return [] }
        var pos = [Int](repeating: 0, count: m)
        var mirrored = [Int](repeating: 0, count: m)
        for layer in g.layers {
            for (i, v) in layer.enumerated() {
                pos[v] = i
                mirrored[v] = layer.count - 1 - i
            }
        }
        let conflicts = typeOneConflicts(g, pos: pos)

        func separation(_ a: Int, _ b: Int) -> Double {
            let gap: Double
            switch (g.dummy[a], g.dummy[b]) {
            case (false, false): gap = nodeSeparation
            case (true, true): gap = edgeSeparation
            default: gap = (nodeSeparation + edgeSeparation) / 2
            }
            return (g.width[a] + g.width[b]) / 2 + gap
        }

        var results: [[Double]] = []
        for vertical in [false, true] {  // false: align with the layer above
            for rightToLeft in [false, true] {
                var layersDir = vertical ? Array(g.layers.reversed()) : g.layers
                if rightToLeft { layersDir = layersDir.map { Array($0.reversed()) } }
                let posDir = rightToLeft ? mirrored : pos
                let preds = vertical ? g.down : g.up
                let (root, _) = alignment(layersDir: layersDir, preds: preds, posDir: posDir, conflicts: conflicts, count: m)
                var xs = compaction(layersDir: layersDir, root: root, count: m, separation: separation)
                if rightToLeft { xs = xs.map { -$0 } }
                results.append(xs)
            }
        }

        // Align all four to the narrowest one, then take the average of the two medians.
        func extent(_ xs: [Double]) -> (Double, Double) {
            var lo = Double.infinity
            var hi = -Double.infinity
            for v in 0..<m {
                lo = min(lo, xs[v] - g.width[v] / 2)
                hi = max(hi, xs[v] + g.width[v] / 2)
            }
            return (lo, hi)
        }
        let extents = results.map(extent)
        var narrowest = 0
        for i in 1..<4 where extents[i].1 - extents[i].0 < extents[narrowest].1 - extents[narrowest].0 { narrowest = i }
        for i in 0..<4 {
            let rightToLeft = i % 2 == 1
            let delta = rightToLeft ? extents[narrowest].1 - extents[i].1 : extents[narrowest].0 - extents[i].0
            if delta != 0 { results[i] = results[i].map { $0 + delta } }
        }
        var x = [Double](repeating: 0, count: m)
        for v in 0..<m {
            var values = [results[0][v], results[1][v], results[2][v], results[3][v]]
            values.sort()
            x[v] = (values[1] + values[2]) / 2
        }
        let left = extent(x).0
        return x.map { $0 - left }
    }

    /// Non-inner segments that cross an inner segment (between two dummies); keys are `min * m + max`.
    private static func typeOneConflicts(_ g: Graph, pos: [Int]) -> Set<Int> {
        var marked = Set<Int>()
        let m = g.width.count
        if g.layers.count < 3 { return marked }
        for i in 0..<(g.layers.count - 1) {
            let upper = g.layers[i]
            let lower = g.layers[i + 1]
            if upper.isEmpty || lower.isEmpty { continue }
            var k0 = 0
            var scan = 0
            for (l1, v) in lower.enumerated() {
                let innerUpper = g.dummy[v] ? g.up[v].first(where: { g.dummy[$0] }) : nil
                guard innerUpper != nil || l1 == lower.count - 1 else { continue }
                let k1 = innerUpper.map { pos[$0] } ?? upper.count - 1
                while scan <= l1 {
                    let x = lower[scan]
                    for u in g.up[x] {
                        let k = pos[u]
                        if (k < k0 || k > k1) && !(g.dummy[u] && g.dummy[x]) {
                            marked.insert(min(u, x) * m + max(u, x))
                        }
                    }
                    scan += 1
                }
                k0 = k1
            }
        }
        return marked
    }

    /// Vertical alignment: each vertex joins the block of a median predecessor unless that would
    /// cross an earlier alignment in this layer or a marked conflict.
    private static func alignment(
        layersDir: [[Int]], preds: [[Int]], posDir: [Int], conflicts: Set<Int>, count m: Int
    ) -> ([Int], [Int]) {
        var root = Array(0..<m)
        var align = Array(0..<m)
        for layer in layersDir {
            var r = -1
            for v in layer {
                let ns = preds[v].sorted { posDir[$0] < posDir[$1] }
                let d = ns.count
                if d == 0 { continue }
                let medians = (d - 1) / 2 == d / 2 ? [d / 2] : [(d - 1) / 2, d / 2]
                for mi in medians where align[v] == v {
                    let u = ns[mi]
                    if !conflicts.contains(min(u, v) * m + max(u, v)) && r < posDir[u] {
                        align[u] = v
                        root[v] = root[u]
                        align[v] = root[v]
                        r = posDir[u]
                    }
                }
            }
        }
        return (root, align)
    }

    /// Places blocks left to right on the block graph (edges: adjacent vertices of a layer).
    private static func compaction(
        layersDir: [[Int]], root: [Int], count m: Int, separation: (Int, Int) -> Double
    ) -> [Double] {
        var outStart = [Int](repeating: 0, count: m + 1)
        var blockEdges: [(a: Int, b: Int, w: Double)] = []
        for layer in layersDir where layer.count > 1 {
            for i in 1..<layer.count {
                let u = layer[i - 1]
                let v = layer[i]
                blockEdges.append((root[u], root[v], separation(u, v)))
            }
        }
        blockEdges.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var indegree = [Int](repeating: 0, count: m)
        for e in blockEdges {
            outStart[e.a + 1] += 1
            indegree[e.b] += 1
        }
        for i in 0..<m { outStart[i + 1] += outStart[i] }
        var inEdges = [[Int]](repeating: [], count: m)
        for (i, e) in blockEdges.enumerated() { inEdges[e.b].append(i) }

        var order: [Int] = []
        order.reserveCapacity(m)
        for v in 0..<m where root[v] == v && indegree[v] == 0 { order.append(v) }
        var head = 0
        while head < order.count {
            let a = order[head]
            head += 1
            for k in outStart[a]..<outStart[a + 1] {
                let b = blockEdges[k].b
                indegree[b] -= 1
                if indegree[b] == 0 { order.append(b) }
            }
        }
        var xs = [Double](repeating: 0, count: m)
        for b in order {
            var x = 0.0
            for k in inEdges[b] { x = max(x, xs[blockEdges[k].a] + blockEdges[k].w) }
            xs[b] = x
        }
        for b in order.reversed() where outStart[b] < outStart[b + 1] {
            var limit = Double.infinity
            for k in outStart[b]..<outStart[b + 1] { limit = min(limit, xs[blockEdges[k].b] - blockEdges[k].w) }
            xs[b] = max(xs[b], limit)
        }
        return (0..<m).map { xs[root[$0]] }
    }
}
