/// Stage 1: make the graph acyclic by reversing a small feedback arc set.
///
/// Eades–Lin–Smyth greedy: repeatedly peel sinks (to the right end of a sequence) and sources (to the
/// left end); when neither exists, move the node with the largest out-degree minus in-degree to the
/// left. Edges pointing leftwards in the final sequence are reversed. On a DAG this reverses nothing.
/// Ties go to the lowest node index (nodes are indexed by sorted id), so the result is deterministic.
enum CycleRemoval {
    /// Returns, per edge, whether it must be reversed.
    static func reversedEdges(nodeCount n: Int, edges: [(u: Int, v: Int)]) -> [Bool] {
        guard !edges.isEmpty else { return [] }
        var outs = [[Int]](repeating: [], count: n)
        var ins = [[Int]](repeating: [], count: n)
        for (i, e) in edges.enumerated() {
            outs[e.u].append(i)
            ins[e.v].append(i)
        }
        var outDeg = outs.map(\.count)
        var inDeg = ins.map(\.count)
        var removed = [Bool](repeating: false, count: n)
        var left: [Int] = []
        var right: [Int] = []  // filled from the end: reversed at the finish
        var remaining = n

        // FIFO queues of candidate sinks and sources; entries are re-checked when popped.
        var sinks: [Int] = []
        var sources: [Int] = []
        var sinkHead = 0
        var sourceHead = 0
        for v in 0..<n {
            if outDeg[v] == 0 { sinks.append(v) } else if inDeg[v] == 0 { sources.append(v) }
        }

        func remove(_ v: Int) {
            removed[v] = true
            remaining -= 1
            for e in outs[v] {
                let w = edges[e].v
                if removed[w] { continue }
                inDeg[w] -= 1
                if inDeg[w] == 0 && outDeg[w] > 0 { sources.append(w) }
            }
            for e in ins[v] {
                let w = edges[e].u
                if removed[w] { continue }
                outDeg[w] -= 1
                if outDeg[w] == 0 { sinks.append(w) }
            }
        }

        var scanStart = 0
        while remaining > 0 {
            var progressed = true
            while progressed {
                progressed = false
                while sinkHead < sinks.count {
                    let v = sinks[sinkHead]
                    sinkHead += 1
                    if removed[v] || outDeg[v] != 0 { continue }
                    right.append(v)
                    remove(v)
                    progressed = true
                }
                while sourceHead < sources.count {
                    let v = sources[sourceHead]
                    sourceHead += 1
                    if removed[v] || inDeg[v] != 0 { continue }
                    left.append(v)
                    remove(v)
                    progressed = true
                    break  // new sinks may have appeared: they take priority
                }
            }
            if remaining == 0 { break }
            // Only cycles remain: take the node with maximal out - in degree.
            while removed[scanStart] { scanStart += 1 }
            var best = -1
            var bestDelta = Int.min
            for v in scanStart..<n where !removed[v] {
                let d = outDeg[v] - inDeg[v]
                if d > bestDelta {
                    bestDelta = d
                    best = v
                }
            }
            left.append(best)
            remove(best)
        }

        var position = [Int](repeating: 0, count: n)
        for (i, v) in (left + right.reversed()).enumerated() { position[v] = i }
        return edges.map { position[$0.u] > position[$0.v] }
    }
}
