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

/// Network simplex on one connected DAG (minimum length 1 per edge), after Gansner et al. and dot:
/// the spanning tree is numbered in postorder (`low`/`lim`) so subtree tests are O(1); after each
/// pivot only the ranks of the moved subtree, the cut values on the tree path between the entering
/// edge's ends, and the numbering below their common ancestor are updated.
struct NetworkSimplex {
    let n: Int
    let edges: [WeightedEdge]
    /// Incident edges of node v: `incident[incidentStart[v]..<incidentStart[v + 1]]`.
    private let incidentStart: [Int]
    private let incident: [Int]
    var rank: [Int]
    var treeEdge: [Bool]
    var cutValue: [Int]
    var low: [Int]
    var lim: [Int]
    var parentEdge: [Int]
    private(set) var pivots = 0

    init(nodeCount: Int, edges: [WeightedEdge]) {
        n = nodeCount
        self.edges = edges
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for e in edges {
            start[e.u + 1] += 1
            start[e.v + 1] += 1
        }
        for i in 0..<nodeCount { start[i + 1] += start[i] }
        var fill = start
        var list = [Int](repeating: 0, count: 2 * edges.count)
        for (i, e) in edges.enumerated() {
            list[fill[e.u]] = i
            fill[e.u] += 1
            list[fill[e.v]] = i
            fill[e.v] += 1
        }
        incidentStart = start
        incident = list
        rank = [Int](repeating: 0, count: nodeCount)
        treeEdge = [Bool](repeating: false, count: edges.count)
        cutValue = [Int](repeating: 0, count: edges.count)
        low = [Int](repeating: 0, count: nodeCount)
        lim = [Int](repeating: 0, count: nodeCount)
        parentEdge = [Int](repeating: -1, count: nodeCount)
    }

    mutating func solve() -> [Int] {
        longestPath()
        feasibleTree()
        _ = numberSubtree(root: 0, parent: -1, low: 1)
        initCutValues()
        var cursor = 0
        let maxPivots = 40 * n + 1000  // safety net; a feasible ranking is kept either way
        while pivots < maxPivots, let leave = leaveEdge(from: &cursor) {
            guard let enter = enterEdge(leave) else { break }
            exchange(leave, enter)
            pivots += 1
        }
        let minRank = rank.min() ?? 0
        return rank.map { $0 - minRank }
    }

    private func slack(_ e: Int) -> Int { rank[edges[e].v] - rank[edges[e].u] - 1 }

    @inline(__always)
    private func other(_ e: Int, _ v: Int) -> Int { edges[e].u == v ? edges[e].v : edges[e].u }

    /// Ranks sources at 0 and every other node one below its lowest predecessor.
    private mutating func longestPath() {
        var indegree = [Int](repeating: 0, count: n)
        for e in edges { indegree[e.v] += 1 }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for k in incidentStart[v]..<incidentStart[v + 1] where edges[incident[k]].u == v {
                let w = edges[incident[k]].v
                rank[w] = max(rank[w], rank[v] + 1)
                indegree[w] -= 1
                if indegree[w] == 0 { queue.append(w) }
            }
        }
    }

    /// Grows a spanning tree of tight edges, shifting the tree when no tight edge leaves it.
    private mutating func feasibleTree() {
        var inTree = [Bool](repeating: false, count: n)
        inTree[0] = true
        var treeNodes = [0]
        var stack = [0]
        while true {
            while let x = stack.popLast() {
                for k in incidentStart[x]..<incidentStart[x + 1] {
                    let e = incident[k]
                    let y = other(e, x)
                    if !inTree[y] && slack(e) == 0 {
                        inTree[y] = true
                        treeEdge[e] = true
                        treeNodes.append(y)
                        stack.append(y)
                    }
                }
            }
            if treeNodes.count == n { break }
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
            stack = treeNodes  // every tree node may now have tight edges out of the tree
        }
    }

    /// Postorder numbering of the subtree at `root` starting at `low`: `lim` is the postorder number
    /// and `low` the smallest number below a node, so "u lies under v" is `low[v] <= lim[u] <= lim[v]`.
    /// Returns the next free number.
    private mutating func numberSubtree(root: Int, parent: Int, low first: Int) -> Int {
        var next = first
        parentEdge[root] = parent
        low[root] = next
        var stack: [(node: Int, k: Int)] = [(root, incidentStart[root])]
        while !stack.isEmpty {
            let top = stack.count - 1
            let v = stack[top].node
            var descended = false
            while stack[top].k < incidentStart[v + 1] {
                let e = incident[stack[top].k]
                stack[top].k += 1
                if !treeEdge[e] || e == parentEdge[v] { continue }
                let w = other(e, v)
                parentEdge[w] = e
                low[w] = next
                stack.append((w, incidentStart[w]))
                descended = true
                break
            }
            if !descended {
                lim[v] = next
                next += 1
                stack.removeLast()
            }
        }
        return next
    }

    /// Cut values of all tree edges, children before parents (Gansner et al., section 2.4).
    private mutating func initCutValues() {
        var order = Array(0..<n)
        order.sort { lim[$0] < lim[$1] }
        for child in order {
            let e = parentEdge[child]
            if e < 0 { continue }
            let childIsTail = edges[e].u == child
            var cut = edges[e].weight
            for k in incidentStart[child]..<incidentStart[child + 1] {
                let f = incident[k]
                if f == e { continue }
                let pointsToHead = (edges[f].u == child) == childIsTail
                let w = edges[f].weight
                cut += pointsToHead ? w : -w
                if treeEdge[f] { cut += pointsToHead ? -cutValue[f] : cutValue[f] }
            }
            cutValue[e] = cut
        }
    }

    /// A tree edge with negative cut value: searching cyclically from the last position, the most
    /// negative among the next 30 candidates (dot's search size), which saves pivots.
    private func leaveEdge(from cursor: inout Int) -> Int? {
        let m = edges.count
        var best: Int? = nil
        var found = 0
        for step in 0..<m {
            let e = (cursor + step) % m
            if treeEdge[e] && cutValue[e] < 0 {
                if best == nil || cutValue[e] < cutValue[best!] { best = e }
                found += 1
                if found >= 30 {
                    cursor = e
                    return best
                }
            }
        }
        if let best { cursor = best }
        return best
    }

    private func isUnder(_ u: Int, _ lowBound: Int, _ limBound: Int) -> Bool { lowBound <= lim[u] && lim[u] <= limBound }

    /// The non-tree edge of minimal slack that reconnects the two halves in the right direction;
    /// only the edges incident to the subtree cut off by `e` can qualify, so only that is searched.
    private func enterEdge(_ e: Int) -> Int? {
        let (u, v) = (edges[e].u, edges[e].v)
        // The lower end's subtree is the part that loses its connection to the root.
        let below = lim[u] < lim[v] ? u : v
        let searchOut = below == v  // subtree holds the head: edges must leave it
        let lo = low[below]
        let hi = lim[below]
        var best: Int? = nil
        var bestSlack = Int.max
        var stack = [below]
        while let x = stack.popLast() {
            for k in incidentStart[x]..<incidentStart[x + 1] {
                let f = incident[k]
                let y = other(f, x)
                if treeEdge[f] {
                    if lim[y] < lim[x] { stack.append(y) }  // a child: stay inside the subtree
                    continue
                }
                let fromInside = edges[f].u == x
                if fromInside == searchOut && !isUnder(y, lo, hi) {
                    let s = slack(f)
                    if s < bestSlack || (s == bestSlack && f < best!) {
                        bestSlack = s
                        best = f
                    }
                }
            }
        }
        return best
    }

    /// Swaps tree edge `e` for non-tree edge `f`: shift the cut-off subtree to make `f` tight,
    /// update cut values along the cycle `f` closes, renumber below the common ancestor.
    private mutating func exchange(_ e: Int, _ f: Int) {
        let delta = slack(f)
        let (u, v) = (edges[e].u, edges[e].v)
        if delta > 0 {
            // Tail side below: it sits too low and moves up; head side below: it moves down.
            if lim[u] < lim[v] { shiftSubtree(u, by: -delta) } else { shiftSubtree(v, by: delta) }
        }
        let cut = cutValue[e]
        let ancestor = updateCutValues(from: edges[f].u, to: edges[f].v, cut, tailSide: true)
        _ = updateCutValues(from: edges[f].v, to: edges[f].u, cut, tailSide: false)
        cutValue[f] = -cut
        cutValue[e] = 0
        treeEdge[e] = false
        treeEdge[f] = true
        _ = numberSubtree(root: ancestor, parent: parentEdge[ancestor], low: low[ancestor])
    }

    /// Adds `delta` to the ranks of the subtree below `root` (before the exchange).
    private mutating func shiftSubtree(_ root: Int, by delta: Int) {
        let lo = low[root]
        let hi = lim[root]
        var stack = [root]
        while let x = stack.popLast() {
            rank[x] += delta
            for k in incidentStart[x]..<incidentStart[x + 1] {
                let f = incident[k]
                if treeEdge[f] {
                    let y = other(f, x)
                    if lim[y] < lim[x] && isUnder(y, lo, hi) { stack.append(y) }
                }
            }
        }
    }

    /// Walks from `v` up to the first ancestor whose subtree contains `w`, adjusting each tree edge's
    /// cut value by `cut` (sign by edge direction); returns that ancestor.
    private mutating func updateCutValues(from start: Int, to w: Int, _ cut: Int, tailSide: Bool) -> Int {
        var v = start
        while !(low[v] <= lim[w] && lim[w] <= lim[v]) {
            let e = parentEdge[v]
            let add = (v == edges[e].u) == tailSide
            cutValue[e] += add ? cut : -cut
            v = lim[edges[e].u] > lim[edges[e].v] ? edges[e].u : edges[e].v
        }
        return v
    }

    /// Test support: recomputes every cut value from scratch and compares; checks feasibility.
    mutating func verify() -> Bool {
        for e in 0..<edges.count where slack(e) < 0 { return false }
        for e in 0..<edges.count where treeEdge[e] && slack(e) != 0 { return false }
        let incremental = cutValue
        initCutValues()
        for e in 0..<edges.count where treeEdge[e] && incremental[e] != cutValue[e] { return false }
        for e in 0..<edges.count where treeEdge[e] && cutValue[e] < 0 { return false }
        return true
    }
}
