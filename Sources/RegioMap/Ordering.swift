/// Stage 3: order the vertices within each layer to minimise edge crossings.
///
/// From several initial orders (depth- and breadth-first searches from the sources and from the
/// sinks, their mirror images, then fixed scrambles; up to 16 on small graphs, two — as in dot — on
/// large ones):
///  1. dot-style weighted-median sweeps, alternately down and up, each followed by transposition of
///     adjacent vertices, keeping the best ordering seen;
///  2. sifting (Matuszewski, Schönfeld, Molitor): each vertex in turn moves to the position in its
///     layer with the fewest crossings towards both neighbouring layers, until no move helps.
/// The best result wins. Crossings are counted with the Barth–Jünger–Mutzel accumulator tree in
/// O(E log V); pairwise crossing numbers for transposition and sifting come from merging the sorted
/// neighbour positions of the two vertices.
///
/// Constraints: vertices of a band (cluster column) stay contiguous in band order, and real nodes
/// with an order hint keep their hinted relative order. Every step is deterministic: no randomness,
/// and every tie is broken by position or vertex index (vertex indices follow sorted node ids).
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
    mutating func run(hinted: Bool, maxStarts: Int = 16) {
        if g.count == 0 { return }
        if hinted {
            setOrder(hintOrder())
            if hintPresent.contains(false) {
                // Place new nodes and bends by their neighbours before refining.
                for i in 0..<4 {
                    sweep(down: i % 2 == 0, reverseTies: false)
                    transposeAll(acceptEqual: false)
                }
            }
            siftToConvergence()
            return
        }
        // Independent starts are cheap on small graphs and each can end in a different local
        // optimum, so small graphs get up to 16; large ones two or three (dot uses two).
        let work = g.count + g.downAdj.count
        let startCount = min(maxStarts, max(2, min(16, 12_000 / max(work, 1))))
        var bestOrder: [[Int]] = []
        var bestCount = Int.max
        for k in 0..<startCount {
            setOrder(initialOrder(k))
            improve()
            let c = totalCrossings()
            if c < bestCount {
                bestCount = c
                bestOrder = layers
            }
            if c == 0 { break }
        }
        setOrder(bestOrder)
    }

    /// The k-th initial order: depth-first from the sources, from the sinks, breadth-first both
    /// ways, the same four mirrored; from k = 8 on, scrambles: each layer sorted by a multiplicative
    /// hash of the vertex index that differs per k (fixed arithmetic, no random numbers).
    func initialOrder(_ k: Int) -> [[Int]] {
        if k >= 8 {
            let multiplier = 2_654_435_761 &* (k - 7) | 1
            func key(_ v: Int) -> Int { (v &* multiplier) & 0x7fff_ffff }
            return searchOrder(down: true, depthFirst: true).map { layer in
                groupByBand(layer.sorted { (key($0), $0) < (key($1), $1) })
            }
        }
        let base = searchOrder(down: k % 2 == 0, depthFirst: (k / 2) % 2 == 0)
        return k < 4 ? base : base.map { groupByBand(Array($0.reversed())) }
    }

    /// dot-style median sweeps with transposition, then sifting to convergence.
    ///
    /// As in dot, ties in the median order and in transposition are flipped in alternate iterations
    /// and an ordering as good as the best so far replaces it: this lets the search drift across
    /// plateaus instead of stalling. It stops after 24 iterations or 8 without real (0.5%) progress.
    private mutating func improve() {
        var best = layers
        var bestCount = totalCrossings()
        var stale = 0
        var iteration = 0
        while iteration < 24 && stale < 8 && bestCount > 0 {
            let reverse = iteration % 4 < 2
            sweep(down: iteration % 2 == 0, reverseTies: reverse)
            transposeAll(acceptEqual: !reverse)
            let c = totalCrossings()
            if c <= bestCount {
                stale = Double(c) < 0.995 * Double(bestCount) ? 0 : stale + 1
                bestCount = c
                best = layers
            } else {
                stale += 1
            }
            iteration += 1
        }
        setOrder(best)
        siftToConvergence()
    }

    mutating func setOrder(_ order: [[Int]]) {
        layers = order
        for layer in layers {
            for (i, v) in layer.enumerated() { pos[v] = i }
        }
    }

    // MARK: - Initial orders

    /// Vertices in the order a depth- or breadth-first search from the sources (or from the sinks,
    /// going up) first reaches them, roots and neighbours in index order; grouped by band.
    func searchOrder(down: Bool, depthFirst: Bool) -> [[Int]] {
        var order = [[Int]](repeating: [], count: g.layerCount)
        var visited = [Bool](repeating: false, count: g.count)
        let start = down ? g.upStart : g.downStart
        let roots = (0..<g.count).filter { start[$0] == start[$0 + 1] }
        func neighbours(_ v: Int) -> Range<Int> {
            down ? g.downStart[v]..<g.downStart[v + 1] : g.upStart[v]..<g.upStart[v + 1]
        }
        func neighbour(_ k: Int) -> Int { down ? g.downAdj[k] : g.upAdj[k] }
        if depthFirst {
            var stack: [Int] = []
            for r in roots where !visited[r] {
                stack.append(r)
                while let v = stack.popLast() {
                    if visited[v] { continue }
                    visited[v] = true
                    order[g.layer[v]].append(v)
                    for k in neighbours(v).reversed() where !visited[neighbour(k)] { stack.append(neighbour(k)) }
                }
            }
        } else {
            var queue: [Int] = []
            for r in roots {
                visited[r] = true
                queue.append(r)
            }
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                order[g.layer[v]].append(v)
                for k in neighbours(v) where !visited[neighbour(k)] {
                    visited[neighbour(k)] = true
                    queue.append(neighbour(k))
                }
            }
        }
        return order.map { groupByBand($0) }
    }

    /// Hinted vertices sorted by (hint value, index), the others after them in depth-first order;
    /// grouped by band.
    func hintOrder() -> [[Int]] {
        searchOrder(down: true, depthFirst: true).map { layer in
            let sorted = layer.enumerated().sorted { a, b in
                let (ha, hb) = (hintPresent[a.element], hintPresent[b.element])
                if ha != hb { return ha }
                if ha { return (hintValue[a.element], a.element) < (hintValue[b.element], b.element) }
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

    /// Pairwise crossing numbers of two vertices of one layer, from the sorted neighbour-position
    /// slots (raw buffers: this is the innermost loop of transpose and sifting).
    private struct PairCounter {
        let upStart, downStart, upPos, upWeight, downPos, downWeight, upTotal, downTotal: UnsafeBufferPointer<Int>

        /// Crossings among the edges of `v` and `w` on one side: (v left of w, w left of v).
        @inline(__always)
        private func side(_ p: UnsafeBufferPointer<Int>, _ w: UnsafeBufferPointer<Int>,
                          _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, _ aTotal: Int, _ bTotal: Int) -> (Int, Int) {
            if aLo == aHi || bLo == bHi { return (0, 0) }
            // Most pairs in a wide layer have disjoint neighbour ranges: all or nothing crosses.
            if p[aHi - 1] < p[bLo] { return (0, aTotal * bTotal) }
            if p[aLo] > p[bHi - 1] { return (aTotal * bTotal, 0) }
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

        /// Crossings of the edges at `v` and `w` with both neighbouring layers:
        /// (when v is left of w, when w is left of v).
        @inline(__always)
        func pair(_ v: Int, _ w: Int) -> (Int, Int) {
            let up = side(upPos, upWeight, upStart[v], upStart[v + 1], upStart[w], upStart[w + 1], upTotal[v], upTotal[w])
            let down = side(downPos, downWeight, downStart[v], downStart[v + 1], downStart[w], downStart[w + 1],
                            downTotal[v], downTotal[w])
            return (up.0 + down.0, up.1 + down.1)
        }
    }

    /// Runs `body` with a `PairCounter` over the current slots (static so `body` may mutate self).
    private static func withPairCounter<R>(
        _ upStart: [Int], _ downStart: [Int], _ upPos: [Int], _ upWeight: [Int], _ downPos: [Int],
        _ downWeight: [Int], _ upTotal: [Int], _ downTotal: [Int], _ body: (PairCounter) -> R
    ) -> R {
        upStart.withUnsafeBufferPointer { us in
            downStart.withUnsafeBufferPointer { ds in
                upPos.withUnsafeBufferPointer { up in
                    upWeight.withUnsafeBufferPointer { uw in
                        downPos.withUnsafeBufferPointer { dp in
                            downWeight.withUnsafeBufferPointer { dw in
                                upTotal.withUnsafeBufferPointer { ut in
                                    downTotal.withUnsafeBufferPointer { dt in
                                        body(PairCounter(upStart: us, downStart: ds, upPos: up, upWeight: uw, downPos: dp,
                                                         downWeight: dw, upTotal: ut, downTotal: dt))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Crossings of `v` and `w` (same layer) with both neighbouring layers: (v left of w, w left of v).
    /// Needs fresh up/down slots for their layer.
    func pairCrossings(_ v: Int, _ w: Int) -> (Int, Int) {
        Ordering.withPairCounter(g.upStart, g.downStart, upPos, upPosWeight, downPos, downPosWeight, upTotal, downTotal) {
            $0.pair(v, w)
        }
    }

    // MARK: - Median sweep

    /// One sweep: each layer is re-sorted by the weighted medians of its neighbours' positions in the
    /// previous layer.
    /// Vertices without such neighbours keep their slot; bands stay in place; hinted vertices are
    /// put back in hint order within the slots they occupy.
    mutating func sweep(down: Bool, reverseTies: Bool) {
        let n = g.layerCount
        if n < 2 { return }
        let sequence = down ? Array(1..<n) : Array((0..<(n - 1)).reversed())
        for l in sequence {
            var layer = layers[l]
            var s = 0
            while s < layer.count {
                var e = s + 1
                while e < layer.count && g.band[layer[e]] == g.band[layer[s]] { e += 1 }
                reorderSegment(&layer, s, e, down: down, reverseTies: reverseTies)
                s = e
            }
            layers[l] = layer
            for (i, v) in layer.enumerated() { pos[v] = i }
        }
    }

    private func reorderSegment(_ layer: inout [Int], _ s: Int, _ e: Int, down: Bool, reverseTies: Bool) {
        if e - s < 2 { return }
        var sortable: [(key: Double, tie: Int, index: Int, v: Int)] = []
        sortable.reserveCapacity(e - s)
        var keep = [Bool](repeating: false, count: e - s)
        var positions: [Double] = []
        for i in s..<e {
            let v = layer[i]
            let lo = down ? g.upStart[v] : g.downStart[v]
            let hi = down ? g.upStart[v + 1] : g.downStart[v + 1]
            if lo == hi {
                keep[i - s] = true  // no neighbours on that side: stays in its slot
                continue
            }
            positions.removeAll(keepingCapacity: true)
            for k in lo..<hi {
                let u = down ? g.upAdj[k] : g.downAdj[k]
                let weight = down ? g.upWeight[k] : g.downWeight[k]
                for _ in 0..<weight { positions.append(Double(pos[u])) }
            }
            sortable.append((Ordering.median(&positions), g.tie[v], i, v))
        }
        // Equal medians: cluster first, then the current order (flipped in alternate sweeps).
        if reverseTies {
            sortable.sort { ($0.key, $0.tie, -$0.index) < ($1.key, $1.tie, -$1.index) }
        } else {
            sortable.sort { ($0.key, $0.tie, $0.index) < ($1.key, $1.tie, $1.index) }
        }
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

    /// dot's weighted median: the middle value, the mean of two, or for an even count the two
    /// middle values weighted towards the side where the neighbours are packed more tightly.
    static func median(_ p: inout [Double]) -> Double {
        p.sort()
        let n = p.count
        let m = n / 2
        if n % 2 == 1 { return p[m] }
        if n == 2 { return (p[0] + p[1]) / 2 }
        let left = p[m - 1] - p[0]
        let right = p[n - 1] - p[m]
        if left + right == 0 { return (p[m - 1] + p[m]) / 2 }
        return (p[m - 1] * right + p[m] * left) / (left + right)
    }

    // MARK: - Transpose

    /// Swaps adjacent vertices while that reduces crossings (dot's transpose), over all layers.
    mutating func transposeAll(acceptEqual: Bool) {
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
        let band = g.band
        let fixed = self.fixed
        let any = Ordering.withPairCounter(g.upStart, g.downStart, upPos, upPosWeight, downPos, downPosWeight, upTotal, downTotal) {
            counter -> Bool in
            var any = false
            var changed = true
            while changed {
                changed = false
                for i in 0..<(layer.count - 1) {
                    let v = layer[i]
                    let w = layer[i + 1]
                    if band[v] != band[w] || (fixed[v] && fixed[w]) { continue }
                    let (vw, wv) = counter.pair(v, w)
                    if wv < vw || (acceptEqual && wv == vw && vw > 0) {
                        layer[i] = w
                        layer[i + 1] = v
                        changed = wv < vw
                        any = true
                    }
                }
                if acceptEqual { break }
            }
            return any
        }
        if any {
            layers[l] = layer
            for (i, v) in layer.enumerated() { pos[v] = i }
        }
        return any
    }

    // MARK: - Sifting

    /// Repeats sifting passes (down then up through the layers) until a pass gains nothing.
    /// A layer whose last sifting moved nothing stays "stable" until it or a neighbouring layer
    /// changes; sifting it again could not move anything, so it is skipped.
    mutating func siftToConvergence() {
        let n = g.layerCount
        var stable = [Bool](repeating: false, count: n)
        var passes = 0
        func visit(_ l: Int, _ o: inout Ordering) {
            if stable[l] { return }
            if o.sift(layer: l) > 0 {
                if l > 0 { stable[l - 1] = false }
                if l + 1 < n { stable[l + 1] = false }
            } else {
                stable[l] = true
            }
        }
        while passes < 40 && stable.contains(false) {
            for l in 0..<n { visit(l, &self) }
            for l in (0..<n).reversed() { visit(l, &self) }
            passes += 1
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
        let band = g.band
        let fixed = self.fixed
        var slot = pos  // positions in this layer, kept current while vertices move
        let gain = Ordering.withPairCounter(g.upStart, g.downStart, upPos, upPosWeight, downPos, downPosWeight, upTotal, downTotal) {
            counter -> Int in
            var gain = 0
            for v in sequence {
                let p = slot[v]
                // Range v may move in: its band, and not past another hinted vertex if v is hinted.
                var lo = p
                while lo > 0 && band[layer[lo - 1]] == band[v] && !(fixed[v] && fixed[layer[lo - 1]]) { lo -= 1 }
                var hi = p
                while hi + 1 < layer.count && band[layer[hi + 1]] == band[v] && !(fixed[v] && fixed[layer[hi + 1]]) { hi += 1 }
                if lo == hi { continue }
                var bestDelta = 0
                var bestTarget = p
                var delta = 0
                var q = p - 1
                while q >= lo {
                    let (vw, wv) = counter.pair(v, layer[q])
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
                    let (vw, wv) = counter.pair(v, layer[q])
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
                    for i in min(p, bestTarget)...max(p, bestTarget) { slot[layer[i]] = i }
                    gain -= bestDelta
                }
            }
            return gain
        }
        layers[l] = layer
        for (i, v) in layer.enumerated() { pos[v] = i }
        return gain
    }
}
