/// Cluster columns ("bands"): which left-to-right orders of the clusters to try.
extension LayeredLayout {
    /// Candidate left-to-right orders of the band names ("" = nodes without cluster), best guess
    /// first. One candidate when not grouping, when `clusterOrder` is given (clusters it lists come
    /// first) or when a hint knows the bands (by their mean hinted position; new bands follow).
    /// Otherwise the orders by increasing total weighted column distance of the edges between bands
    /// (linear arrangement): all permutations for up to 7 bands (mirror images dropped: they cross
    /// the same), else a greedy order and its adjacent swaps.
    static func bandOrders(nodes: [MapNode], merged: [WeightedEdge], options: LayoutOptions) -> [[String]] {
        guard options.groupClusters else { return [[""]] }
        let names = Array(Set(nodes.map { $0.cluster ?? "" })).sorted { a, b in
            // Named clusters first, alphabetically; the unclustered band last.
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }
        if names.count <= 1 { return [names.isEmpty ? [""] : names] }

        if let fixed = options.clusterOrder {
            let listed = uniqued(fixed.filter { names.contains($0) })
            return [listed + names.filter { !listed.contains($0) }]
        }
        var bandIndex = [String: Int]()
        for (i, name) in names.enumerated() { bandIndex[name] = i }
        let b = names.count

        if let hint = options.orderHint {
            var sum = [Double](repeating: 0, count: b)
            var count = [Int](repeating: 0, count: b)
            for node in nodes {
                if let h = hint[node.id] {
                    let i = bandIndex[node.cluster ?? ""]!
                    sum[i] += h
                    count[i] += 1
                }
            }
            if count.contains(where: { $0 > 0 }) {
                let known = (0..<b).filter { count[$0] > 0 }.sorted {
                    (sum[$0] / Double(count[$0]), $0) < (sum[$1] / Double(count[$1]), $1)
                }
                return [(known + (0..<b).filter { count[$0] == 0 }).map { names[$0] }]
            }
        }

        var weight = [[Int]](repeating: [Int](repeating: 0, count: b), count: b)
        for e in merged {
            let p = bandIndex[nodes[e.u].cluster ?? ""]!
            let q = bandIndex[nodes[e.v].cluster ?? ""]!
            if p != q {
                weight[p][q] += e.weight
                weight[q][p] += e.weight
            }
        }
        func cost(_ order: [Int]) -> Int {
            var position = [Int](repeating: 0, count: b)
            for (i, band) in order.enumerated() { position[band] = i }
            var total = 0
            for p in 0..<b {
                for q in (p + 1)..<b where weight[p][q] > 0 { total += weight[p][q] * abs(position[p] - position[q]) }
            }
            return total
        }
        var orders: [(cost: Int, order: [Int])] = []
        if b <= 7 {
            var perm = Array(0..<b)
            repeat {
                if perm[0] < perm[b - 1] { orders.append((cost(perm), perm)) }
            } while nextPermutation(&perm)
        } else {
            var best = Array(0..<b)
            var bestCost = cost(best)
            var improved = true
            while improved {
                improved = false
                for band in 0..<b {
                    var without = best
                    without.removeAll { $0 == band }
                    for i in 0...without.count {
                        var candidate = without
                        candidate.insert(band, at: i)
                        let c = cost(candidate)
                        if c < bestCost {
                            bestCost = c
                            best = candidate
                            improved = true
                        }
                    }
                }
            }
            orders.append((bestCost, best))
            for i in 0..<(b - 1) {
                var swapped = best
                swapped.swapAt(i, i + 1)
                orders.append((cost(swapped), swapped))
            }
        }
        // Stable: equal costs keep lexicographic order.
        let sorted = orders.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
        return sorted.map { $0.element.order.map { names[$0] } }
    }

    private static func uniqued(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Lexicographic next permutation; false after the last.
    private static func nextPermutation(_ a: inout [Int]) -> Bool {
        var i = a.count - 2
        while i >= 0 && a[i] >= a[i + 1] { i -= 1 }
        if i < 0 { return false }
        var j = a.count - 1
        while a[j] <= a[i] { j -= 1 }
        a.swapAt(i, j)
        a[(i + 1)...].reverse()
        return true
    }
}
