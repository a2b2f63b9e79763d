import Foundation

/// Stage 3: order the vertices within each layer to minimise edge crossings.
///
/// For each of two initial orders (depth-first from the sources and from the sinks, as dot does):
///  1. layer-by-layer barycenter sweeps, alternately down and up, each followed by transposition of
///     adjacent vertices (dot's "transpose"); the best ordering seen is kept;
///  2. sifting (Matuszewski et al.): each vertex in turn is moved to the position in its layer that
///     minimises the crossings with both neighbouring layers, until no move helps.
/// The better of the two results wins. Crossings are counted with the Barth–Jünger–Mutzel
/// accumulator tree in O(E log V); pairwise crossing numbers for transpose/sifting come from merging
/// the sorted neighbour positions of the two vertices.
///
/// Constraints: vertices of a band (cluster column) stay contiguous in band order, and real nodes
/// with an order hint keep their hinted relative order. Every step is deterministic: ties keep the
/// current order and all initial orders derive from vertex indices (sorted ids).
struct Ordering {
    let g: ProperGraph
    var layers: [[Int]]
    var pos: [Int]
    /// Real nodes present in the hint keep their relative order (by `hintValue`).
    let fixed: [Bool]
    let hintValue: [Double]
    /// Vertices that have a hint value (including bends, which use it only for the initial order).
    let hintPresent: [Bool]

    // Sorted neighbour positions (and weights), parallel to the CSR slots of `g`; refreshed per layer.
    private var upPos: [Int]
    private var upPosWeight: [Int]
    private var downPos: [Int]
    private var downPosWeight: [Int]
    private let upTotal: [Int]
    private let downTotal: [Int]
    private var fenwick: [Int]

    /// `hint` holds a value for every vertex that has one (real nodes and long-edge bends) and nil otherwise.
    init(graph: ProperGraph, hint: [Double?]) {
        g = graph
        layers = [[Int]](repeating: [], count: graph.layerCount)
        pos = [Int](repeating: 0, count: graph.count)
        fixed = (0..<graph.count).map { $0 < graph.realCount && hint[$0] != nil }
        hintValue = hint.map { $0 ?? 0 }
        hintPresent = hint.map { $0 != nil }
        upPos = graph.upAdj
        upPosWeight = graph.upWeight
        downPos = graph.downAdj
        downPosWeight = graph.downWeight
        upTotal = (0..<graph.count).map { v in graph.upWeight[graph.upStart[v]..<graph.upStart[v + 1]].reduce(0, +) }
        downTotal = (0..<graph.count).map { v in graph.downWeight[graph.downStart[v]..<graph.downStart[v + 1]].reduce(0, +) }
        fenwick = []
    }

    // MARK: - Driver

    /// Orders all layers. With a hint, starts from the hinted order and only refines it.
    mutating func run(hinted: Bool) {
        if g.count == 0 { return }
        if hinted {
            setOrder(hintOrder())
            if hintPresent.contains(false) {
                // Place new nodes and bends by their neighbours before refining.
                for i in 0..<4 {
                    sweep(down: i % 2 == 0)
                    transposeAll()
                }
            }
            siftToConvergence()
            return
        }
        var bestOrder: [[Int]] = []
        var bestCount = Int.max
        var starts = [dfsOrder(down: true), dfsOrder(down: false)]
        let env = ProcessInfo.processInfo.environment
        if env["EXP_BFS"] != nil { starts += [bfsOrder(down: true), bfsOrder(down: false)] }
        if env["EXP_MIRROR"] != nil { starts += starts.map { $0.map { groupByBand(Array($0.reversed())) } } }
        let rot = Int(env["EXP_ROT"] ?? "0") ?? 0
        for r in 0..<rot {
            starts.append(dfsOrder(down: r % 2 == 0, rotate: (r / 2 + 1) * 7919))
        }
        for start in starts {
            setOrder(start)
            improve()
            let c = totalCrossings()
            if c < bestCount {
                bestCount = c
                bestOrder = layers
            }
        }
        setOrder(bestOrder)
    }

    /// Barycenter sweeps with transposition, keeping the best, then sifting.
    private mutating func improve() {
        let env = ProcessInfo.processInfo.environment
        let rounds = Int(env["EXP_ROUNDS"] ?? "0") ?? 0
        improveOnce(sift: env["EXP_NOSIFT"] == nil)
        var best = layers
        var bestCount = totalCrossings()
        for _ in 0..<rounds {
            improveOnce(sift: env["EXP_NOSIFT"] == nil)
            let c = totalCrossings()
            if c < bestCount { bestCount = c; best = layers }
        }
        setOrder(best)
    }

    private mutating func improveOnce(sift: Bool) {
        var best = layers
        var bestCount = totalCrossings()
        var stale = 0
        var iteration = 0
        let env = ProcessInfo.processInfo.environment
        let staleLimit = Int(env["EXP_STALE"] ?? "4") ?? 4
        let eq = env["EXP_EQ"] != nil
        while iteration < 24 && stale < staleLimit && bestCount > 0 {
            sweep(down: iteration % 2 == 0)
            transposeAll(acceptEqual: eq && iteration % 2 == 1)
            let c = totalCrossings()
            if c < bestCount {
                bestCount = c
                best = layers
                stale = 0
            } else {
                stale += 1
            }
            iteration += 1
        }
        setOrder(best)
        if sift { siftToConvergence() }
    }

    mutating func setOrder(_ order: [[Int]]) {
        layers = order
        for layer in layers {
            for (i, v) in layer.enumerated() { pos[v] = i }
        }
    }

    // MARK: - Initial orders

    /// Depth-first search from the sources (or sinks), placing each vertex on first visit; then
    /// grouped by band. Neighbours are visited in index order.
    func dfsOrder(down: Bool, rotate: Int = 0) -> [[Int]] {
        var order = [[Int]](repeating: [], count: g.layerCount)
        var visited = [Bool](repeating: false, count: g.count)
        var stack: [Int] = []
        let start = down ? g.upStart : g.downStart
        var roots = (0..<g.count).filter { start[$0] == start[$0 + 1] }
        if rotate > 0 && !roots.isEmpty {
            let k = rotate % roots.count
            roots = Array(roots[k...] + roots[..<k])
        }
        for s in roots where !visited[s] {
            stack.append(s)
            while let v = stack.popLast() {
                if visited[v] { continue }
                visited[v] = true
                order[g.layer[v]].append(v)
                let (lo, hi) = down ? (g.downStart[v], g.downStart[v + 1]) : (g.upStart[v], g.upStart[v + 1])
                for k in stride(from: hi - 1, through: lo, by: -1) {
                    let w = down ? g.downAdj[k] : g.upAdj[k]
                    if !visited[w] { stack.append(w) }
                }
            }
        }
        return order.map { groupByBand($0) }
    }

    /// Breadth-first search from the sources (or sinks).
    func bfsOrder(down: Bool) -> [[Int]] {
        var order = [[Int]](repeating: [], count: g.layerCount)
        var visited = [Bool](repeating: false, count: g.count)
        let start = down ? g.upStart : g.downStart
        var queue: [Int] = []
        for s in 0..<g.count where start[s] == start[s + 1] {
            visited[s] = true
            queue.append(s)
        }
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            order[g.layer[v]].append(v)
            let (lo, hi) = down ? (g.downStart[v], g.downStart[v + 1]) : (g.upStart[v], g.upStart[v + 1])
            for k in lo..<hi {
                let w = down ? g.downAdj[k] : g.upAdj[k]
                if !visited[w] {
                    visited[w] = true
                    queue.append(w)
                }
            }
        }
        return order.map { groupByBand($0) }
    }

    /// Hinted vertices sorted by hint value, the others after them in depth-first order; grouped by band.
    func hintOrder() -> [[Int]] {
        dfsOrder(down: true).map { layer in
            let sorted = layer.enumerated().sorted { a, b in
                let (ha, hb) = (hintPresent[a.element], hintPresent[b.element])
                if ha != hb { return ha }
                if ha && hintValue[a.element] != hintValue[b.element] { return hintValue[a.element] < hintValue[b.element] }
                return a.offset < b.offset
            }
            return groupByBand(sorted.map(\.element))
        }
    }

    /// Stable partition of a layer by band index.
    private func groupByBand(_ layer: [Int]) -> [Int] {
        layer.enumerated().sorted { (g.band[$0.element], $0.offset) < (g.band[$1.element], $1.offset) }.map(\.element)
    }

    // MARK: - Crossing counting

    /// Total weighted crossings over all layer pairs.
    mutating func totalCrossings() -> Int {
        var total = 0
        if g.layerCount > 1 {
            for l in 0..<(g.layerCount - 1) { total += crossings(below: l) }
        }
        return total
    }

    /// Weighted crossings between layer `l` and `l + 1` (Barth–Jünger–Mutzel accumulator tree):
    /// edges sorted by (upper position, lower position); each edge crosses every earlier edge whose
    /// lower end lies strictly to the right of its own.
    mutating func crossings(below l: Int) -> Int {
        refreshDown(l)
        let size = layers[l + 1].count
        if fenwick.count < size + 1 { fenwick = [Int](repeating: 0, count: size + 1) }
        for i in 0...size { fenwick[i] = 0 }
        var total = 0
        var inserted = 0
        for u in layers[l] {
            for k in g.downStart[u]..<g.downStart[u + 1] {
                let p = downPos[k]
                let w = downPosWeight[k]
                var atOrLeft = 0
                var i = p + 1
                while i > 0 {
                    atOrLeft += fenwick[i]
                    i -= i & (-i)
                }
                total += w * (inserted - atOrLeft)
                i = p + 1
                while i <= size {
                    fenwick[i] += w
                    i += i & (-i)
                }
                inserted += w
            }
        }
        return total
    }

    /// Fills the sorted positions of the lower neighbours of every vertex in layer `l`.
    private mutating func refreshDown(_ l: Int) {
        for v in layers[l] {
            let lo = g.downStart[v]
            let hi = g.downStart[v + 1]
            for k in lo..<hi {
                downPos[k] = pos[g.downAdj[k]]
                downPosWeight[k] = g.downWeight[k]
            }
            Ordering.sortSlots(&downPos, &downPosWeight, lo, hi)
        }
    }

    /// Fills the sorted positions of the upper neighbours of every vertex in layer `l`.
    private mutating func refreshUp(_ l: Int) {
        for v in layers[l] {
            let lo = g.upStart[v]
            let hi = g.upStart[v + 1]
            for k in lo..<hi {
                upPos[k] = pos[g.upAdj[k]]
                upPosWeight[k] = g.upWeight[k]
            }
            Ordering.sortSlots(&upPos, &upPosWeight, lo, hi)
        }
    }

    /// Insertion sort of a small slot range by position (degrees are small).
    private static func sortSlots(_ p: inout [Int], _ w: inout [Int], _ lo: Int, _ hi: Int) {
        if hi - lo < 2 { return }
        for i in (lo + 1)..<hi {
            let key = p[i]
            let kw = w[i]
            var j = i - 1
            while j >= lo && p[j] > key {
                p[j + 1] = p[j]
                w[j + 1] = w[j]
                j -= 1
            }
            p[j + 1] = key
            w[j + 1] = kw
        }
    }

    /// Crossings among the edges of `v` and `w` on one side: (v left of w, w left of v).
    @inline(__always)
    private static func sideCrossings(
        _ p: [Int], _ w: [Int], _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, _ bTotal: Int
    ) -> (Int, Int) {
        var vLeft = 0
        var wLeft = 0
        var j = bLo
        var k = bLo
        var less = 0
        var lessOrEqual = 0
        for i in aLo..<aHi {
            let a = p[i]
            while j < bHi && p[j] < a {
                less += w[j]
                j += 1
            }
            if k < j {
                k = j
                lessOrEqual = less
            }
            while k < bHi && p[k] <= a {
                lessOrEqual += w[k]
                k += 1
            }
            vLeft += w[i] * less
            wLeft += w[i] * (bTotal - lessOrEqual)
        }
        return (vLeft, wLeft)
    }

    /// Crossings of the edges at `v` and `w` (same layer) with both neighbouring layers:
    /// (when v is left of w, when w is left of v). Needs fresh up/down slots for their layer.
    @inline(__always)
    private func pairCrossings(_ v: Int, _ w: Int) -> (Int, Int) {
        let up = Ordering.sideCrossings(
            upPos, upPosWeight, g.upStart[v], g.upStart[v + 1], g.upStart[w], g.upStart[w + 1], upTotal[w])
        let down = Ordering.sideCrossings(
            downPos, downPosWeight, g.downStart[v], g.downStart[v + 1], g.downStart[w], g.downStart[w + 1], downTotal[w])
        return (up.0 + down.0, up.1 + down.1)
    }

    // MARK: - Barycenter sweep

    /// One sweep: each layer is re-sorted by the barycenters of its neighbours in the previous layer.
    /// Vertices without such neighbours keep their slot; bands stay in place; hinted vertices are
    /// put back in hint order within the slots they occupy.
    mutating func sweep(down: Bool) {
        let n = g.layerCount
        if n < 2 { return }
        let sequence = down ? Array(1..<n) : Array((0..<(n - 1)).reversed())
        for l in sequence {
            var layer = layers[l]
            var s = 0
            while s < layer.count {
                var e = s + 1
                while e < layer.count && g.band[layer[e]] == g.band[layer[s]] { e += 1 }
                reorderSegment(&layer, s, e, down: down)
                s = e
            }
            layers[l] = layer
            for (i, v) in layer.enumerated() { pos[v] = i }
        }
    }

    let useMedian = ProcessInfo.processInfo.environment["EXP_MEDIAN"] != nil

    private func reorderSegment(_ layer: inout [Int], _ s: Int, _ e: Int, down: Bool) {
        if e - s < 2 { return }
        var sortable: [(key: Double, index: Int, v: Int)] = []
        var keep = [Bool](repeating: false, count: e - s)
        for i in s..<e {
            let v = layer[i]
            let lo = down ? g.upStart[v] : g.downStart[v]
            let hi = down ? g.upStart[v + 1] : g.downStart[v + 1]
            if lo == hi {
                keep[i - s] = true
                continue
            }
            var sum = 0.0
            var weight = 0.0
            var ps: [Double] = []
            for k in lo..<hi {
                let u = down ? g.upAdj[k] : g.downAdj[k]
                let w = Double(down ? g.upWeight[k] : g.downWeight[k])
                sum += w * Double(pos[u])
                weight += w
                ps.append(Double(pos[u]))
            }
            if useMedian {
                ps.sort()
                let m = ps.count / 2
                let med = ps.count % 2 == 1 ? ps[m] : (ps.count == 2 ? (ps[0] + ps[1]) / 2 : { () -> Double in
                    let left = ps[m - 1] - ps[0]
                    let right = ps[ps.count - 1] - ps[m]
                    return left + right == 0 ? (ps[m - 1] + ps[m]) / 2 : (ps[m - 1] * right + ps[m] * left) / (left + right)
                }())
                sortable.append((med, i, v))
            } else {
                sortable.append((sum / weight, i, v))
            }
        }
        sortable.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        var next = 0
        for i in s..<e where !keep[i - s] {
            layer[i] = sortable[next].v
            next += 1
        }
        // Hinted vertices back into hint order, in the slots they now hold.
        var slots: [Int] = []
        for i in s..<e where fixed[layer[i]] { slots.append(i) }
        if slots.count > 1 {
            let ordered = slots.map { layer[$0] }.sorted { (hintValue[$0], $0) < (hintValue[$1], $1) }
            for (slot, v) in zip(slots, ordered) { layer[slot] = v }
        }
    }

    // MARK: - Transpose

    /// Swaps adjacent vertices while that reduces crossings (dot's transpose), over all layers.
    mutating func transposeAll(acceptEqual: Bool = false) {
        var improved = true
        var rounds = 0
        while improved && rounds < 8 {
            improved = false
            for l in 0..<g.layerCount where transpose(layer: l, acceptEqual: acceptEqual && rounds == 0) { improved = true }
            rounds += 1
        }
    }

    private mutating func transpose(layer l: Int, acceptEqual: Bool) -> Bool {
        if layers[l].count < 2 { return false }
        if l > 0 { refreshUp(l) }
        if l + 1 < g.layerCount { refreshDown(l) }
        var layer = layers[l]
        var any = false
        var changed = true
        while changed {
            changed = false
            for i in 0..<(layer.count - 1) {
                let v = layer[i]
                let w = layer[i + 1]
                if g.band[v] != g.band[w] || (fixed[v] && fixed[w]) { continue }
                let (vw, wv) = pairCrossings(v, w)
                if wv < vw || (acceptEqual && wv == vw && vw > 0) {
                    layer[i] = w
                    layer[i + 1] = v
                    changed = wv < vw
                    any = true
                }
            }
            if acceptEqual { break }
        }
        if any {
            layers[l] = layer
            for (i, v) in layer.enumerated() { pos[v] = i }
        }
        return any
    }

    // MARK: - Sifting

    /// Repeats sifting passes (down then up through the layers) until a pass gains nothing.
    mutating func siftToConvergence() {
        var passes = 0
        while passes < 40 {
            var gain = 0
            for l in 0..<g.layerCount { gain += sift(layer: l) }
            for l in (0..<g.layerCount).reversed() { gain += sift(layer: l) }
            passes += 1
            if gain == 0 { break }
        }
    }

    /// Moves each vertex of layer `l` (highest degree first) to its best position; returns the gain.
    private mutating func sift(layer l: Int) -> Int {
        if layers[l].count < 2 { return 0 }
        if l > 0 { refreshUp(l) }
        if l + 1 < g.layerCount { refreshDown(l) }
        let graph = g
        let degree = { (v: Int) in graph.upStart[v + 1] - graph.upStart[v] + graph.downStart[v + 1] - graph.downStart[v] }
        let current = pos
        let sequence = layers[l].sorted { (degree($1), current[$0]) < (degree($0), current[$1]) }
        var layer = layers[l]
        var gain = 0
        for v in sequence {
            let p = pos[v]
            // Range v may move in: its band, and not past another hinted vertex if v is hinted.
            var lo = p
            while lo > 0 && g.band[layer[lo - 1]] == g.band[v] && !(fixed[v] && fixed[layer[lo - 1]]) { lo -= 1 }
            var hi = p
            while hi + 1 < layer.count && g.band[layer[hi + 1]] == g.band[v] && !(fixed[v] && fixed[layer[hi + 1]]) { hi += 1 }
            if lo == hi { continue }
            var bestDelta = 0
            var bestTarget = p
            var delta = 0
            var q = p - 1
            while q >= lo {
                let (vw, wv) = pairCrossings(v, layer[q])
                delta += vw - wv
                if delta < bestDelta {
                    bestDelta = delta
                    bestTarget = q
                }
                q -= 1
            }
            delta = 0
            q = p + 1
            while q <= hi {
                let (vw, wv) = pairCrossings(v, layer[q])
                delta += wv - vw
                if delta < bestDelta {
                    bestDelta = delta
                    bestTarget = q
                }
                q += 1
            }
            if bestTarget != p {
                layer.remove(at: p)
                layer.insert(v, at: bestTarget)
                for i in min(p, bestTarget)...max(p, bestTarget) { pos[layer[i]] = i }
                gain -= bestDelta
            }
        }
        layers[l] = layer
        return gain
    }
}
