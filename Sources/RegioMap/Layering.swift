/// An edge of the acyclic graph used for layering and ordering; parallel edges are merged into one
/// with the summed weight.
struct WeightedEdge: Hashable {
    var u: Int
    var v: Int
    var weight: Int
}

/// Stage 2: assign every node a layer (rank) so that each edge points downwards.
///
/// Longest-path ranking gives a feasible start; network simplex (Gansner et al., as in dot) then
/// minimises the total weighted edge length, which means fewer dummy nodes and so fewer crossings
/// and shorter edges. Finally nodes whose in- and out-weight are equal are moved to the least
/// crowded feasible layer, which keeps layers from getting needlessly wide (dot's balancing).
enum Layering {
    static func ranks(nodeCount n: Int, edges: [WeightedEdge]) -> [Int] {
        var rank = [Int](repeating: 0, count: n)
        guard n > 0 else { return rank }

        // Weakly connected components, each ranked on its own (network simplex needs a connected graph).
        var adjacency = [[Int]](repeating: [], count: n)
        for (i, e) in edges.enumerated() {
            adjacency[e.u].append(i)
            adjacency[e.v].append(i)
        }
        var component = [Int](repeating: -1, count: n)
        var componentCount = 0
        for start in 0..<n where component[start] < 0 {
            var stack = [start]
            component[start] = componentCount
            while let x = stack.popLast() {
                for e in adjacency[x] {
                    let y = edges[e].u == x ? edges[e].v : edges[e].u
                    if component[y] < 0 {
                        component[y] = componentCount
                        stack.append(y)
                    }
                }
            }
            componentCount += 1
        }
        var componentNodes = [[Int]](repeating: [], count: componentCount)
        for v in 0..<n { componentNodes[component[v]].append(v) }
        var componentEdges = [[Int]](repeating: [], count: componentCount)
        for (i, e) in edges.enumerated() { componentEdges[component[e.u]].append(i) }

        for c in 0..<componentCount {
            let nodes = componentNodes[c]
            if nodes.count == 1 { continue }
            var local = [Int: Int](minimumCapacity: nodes.count)
            for (i, v) in nodes.enumerated() { local[v] = i }
            let localEdges = componentEdges[c].map { WeightedEdge(u: local[edges[$0].u]!, v: local[edges[$0].v]!, weight: edges[$0].weight) }
            var simplex = NetworkSimplex(nodeCount: nodes.count, edges: localEdges)
            let localRanks = simplex.solve()
            for (i, v) in nodes.enumerated() { rank[v] = localRanks[i] }
        }
        balance(&rank, edges: edges, adjacency: adjacency)
        return rank
    }

    /// Moves nodes with equal in- and out-weight (their move keeps the total edge length) to the
    /// feasible layer holding the fewest nodes.
    private static func balance(_ rank: inout [Int], edges: [WeightedEdge], adjacency: [[Int]]) {
        let maxRank = rank.max() ?? 0
        var count = [Int](repeating: 0, count: maxRank + 1)
        for r in rank { count[r] += 1 }
        for v in 0..<rank.count {
            var inWeight = 0
            var outWeight = 0
            var low = 0
            var high = maxRank
            for e in adjacency[v] {
                let edge = edges[e]
                if edge.v == v {
                    inWeight += edge.weight
                    low = max(low, rank[edge.u] + 1)
                } else {
                    outWeight += edge.weight
                    high = min(high, rank[edge.v] - 1)
                }
            }
            guard inWeight == outWeight, low < high else { continue }
            var best = rank[v]
            for r in low...high where count[r] < count[best] { best = r }
            if best != rank[v] {
                count[rank[v]] -= 1
                count[best] += 1
                rank[v] = best
            }
        }
    }
}

/// Network simplex on one connected DAG (minimum length 1 per edge).
/// Cut values and low/lim numbering are recomputed after every exchange: O(V + E) per pivot, which
/// keeps the code simple and is fast enough for thousands of nodes.
struct NetworkSimplex {
    let n: Int
    let edges: [WeightedEdge]
    var incident: [[Int]]
    var rank: [Int]
    var inTree: [Bool]
    var treeEdge: [Bool]
    var cutValue: [Int]
    var low: [Int]
    var lim: [Int]
    var parentEdge: [Int]
    var postorder: [Int]

    init(nodeCount: Int, edges: [WeightedEdge]) {
        n = nodeCount
        self.edges = edges
        incident = [[Int]](repeating: [], count: nodeCount)
        for (i, e) in edges.enumerated() {
            incident[e.u].append(i)
            incident[e.v].append(i)
        }
        rank = [Int](repeating: 0, count: nodeCount)
        inTree = [Bool](repeating: false, count: nodeCount)
        treeEdge = [Bool](repeating: false, count: edges.count)
        cutValue = [Int](repeating: 0, count: edges.count)
        low = [Int](repeating: 0, count: nodeCount)
        lim = [Int](repeating: 0, count: nodeCount)
        parentEdge = [Int](repeating: -1, count: nodeCount)
        postorder = []
    }

    mutating func solve() -> [Int] {
        longestPath()
        feasibleTree()
        computeLowLim()
        computeCutValues()
        var cursor = 0
        var pivots = 0
        let maxPivots = 40 * n + 1000  // safety net; a feasible ranking is kept either way
        while pivots < maxPivots, let leave = leaveEdge(from: &cursor) {
            let enter = enterEdge(leave)
            if enter < 0 { break }
            treeEdge[leave] = false
            treeEdge[enter] = true
            computeLowLim()
            computeCutValues()
            updateRanks()
            pivots += 1
        }
        let minRank = rank.min() ?? 0
        return rank.map { $0 - minRank }
    }

    private func slack(_ e: Int) -> Int { rank[edges[e].v] - rank[edges[e].u] - 1 }

    /// Ranks sources at 0 and every other node one below its lowest predecessor.
    private mutating func longestPath() {
        var indegree = [Int](repeating: 0, count: n)
        for e in edges { indegree[e.v] += 1 }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in incident[v] where edges[e].u == v {
                let w = edges[e].v
                rank[w] = max(rank[w], rank[v] + 1)
                indegree[w] -= 1
                if indegree[w] == 0 { queue.append(w) }
            }
        }
    }

    /// Grows a spanning tree of tight edges, shifting the tree when no tight edge leaves it.
    private mutating func feasibleTree() {
        inTree[0] = true
        var size = 1
        var treeNodes = [0]
        func grow() {
            var stack = treeNodes
            while let x = stack.popLast() {
                for e in incident[x] where !treeEdge[e] {
                    let y = edges[e].u == x ? edges[e].v : edges[e].u
                    if !inTree[y] && slack(e) == 0 {
                        inTree[y] = true
                        treeEdge[e] = true
                        treeNodes.append(y)
                        size += 1
                        stack.append(y)
                    }
                }
            }
        }
        grow()
        while size < n {
            var best = -1
            var bestSlack = Int.max
            for e in 0..<edges.count where inTree[edges[e].u] != inTree[edges[e].v] {
                let s = slack(e)
                if s < bestSlack {
                    bestSlack = s
                    best = e
                }
            }
            let delta = inTree[edges[best].u] ? bestSlack : -bestSlack
            for v in treeNodes { rank[v] += delta }
            grow()
        }
    }

    /// Postorder numbering of the tree from node 0: `lim` is the postorder number, `low` the smallest
    /// number in the subtree, so "u lies under v" is `low[v] <= lim[u] <= lim[v]`.
    private mutating func computeLowLim() {
        postorder.removeAll(keepingCapacity: true)
        parentEdge[0] = -1
        var next = 1
        var stack: [(node: Int, index: Int)] = [(0, 0)]
        low[0] = next
        while !stack.isEmpty {
            let top = stack.count - 1
            let v = stack[top].node
            let list = incident[v]
            var descended = false
            while stack[top].index < list.count {
                let e = list[stack[top].index]
                stack[top].index += 1
                if !treeEdge[e] || e == parentEdge[v] { continue }
                let w = edges[e].u == v ? edges[e].v : edges[e].u
                parentEdge[w] = e
                low[w] = next
                stack.append((w, 0))
                descended = true
                break
            }
            if !descended {
                lim[v] = next
                next += 1
                postorder.append(v)
                stack.removeLast()
            }
        }
    }

    /// Cut value of each tree edge, children before parents (Gansner et al., section 2.4).
    private mutating func computeCutValues() {
        for child in postorder {
            let e = parentEdge[child]
            if e < 0 { continue }
            let childIsTail = edges[e].u == child
            var cut = edges[e].weight
            for f in incident[child] where f != e {
                let isOut = edges[f].u == child
                let pointsToHead = isOut == childIsTail
                let w = edges[f].weight
                cut += pointsToHead ? w : -w
                if treeEdge[f] {
                    cut += pointsToHead ? -cutValue[f] : cutValue[f]
                }
            }
            cutValue[e] = cut
        }
    }

    /// A tree edge with negative cut value, searched cyclically from the last one found.
    private func leaveEdge(from cursor: inout Int) -> Int? {
        let m = edges.count
        for step in 0..<m {
            let e = (cursor + step) % m
            if treeEdge[e] && cutValue[e] < 0 {
                cursor = (e + 1) % m
                return e
            }
        }
        return nil
    }

    private func isDescendant(_ u: Int, of v: Int) -> Bool { low[v] <= lim[u] && lim[u] <= lim[v] }

    /// The non-tree edge of minimal slack that reconnects the two halves in the right direction.
    private func enterEdge(_ e: Int) -> Int {
        var tail = edges[e].u
        var flip = false
        if lim[edges[e].u] > lim[edges[e].v] {
            tail = edges[e].v
            flip = true
        }
        var best = -1
        var bestSlack = Int.max
        for f in 0..<edges.count where !treeEdge[f] {
            if flip == isDescendant(edges[f].u, of: tail) && flip != isDescendant(edges[f].v, of: tail) {
                let s = slack(f)
                if s < bestSlack {
                    bestSlack = s
                    best = f
                }
            }
        }
        return best
    }

    /// Re-derives ranks from the tree (all tree edges tight), parents before children.
    private mutating func updateRanks() {
        for v in postorder.reversed() {
            let e = parentEdge[v]
            if e < 0 { continue }
            let edge = edges[e]
            if edge.u == v {
                rank[v] = rank[edge.v] - 1
            } else {
                rank[v] = rank[edge.u] + 1
            }
        }
    }
}
