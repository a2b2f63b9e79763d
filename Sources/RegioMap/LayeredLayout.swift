import Foundation

/// Layered (Sugiyama) layout of a `MapGraph`: dependencies point downwards.
///
/// Stages, one file each: `CycleRemoval`, `Layering` (network simplex), `ProperGraph` (dummy
/// vertices for long edges), `Ordering` (crossing minimisation), `Positioning` (Brandes–Köpf),
/// `Routing` (paths), sizes from `TextMetrics`. The result depends only on the graph's content,
/// not on the order of `graph.nodes`: nodes are indexed by sorted id and all ties break on that.
public enum LayeredLayout {
    public static func layout(_ graph: MapGraph, options inOptions: LayoutOptions = .init()) -> MapLayout {
        var options = inOptions
        if let file = ProcessInfo.processInfo.environment["EXP_HINT"], let text = try? String(contentsOfFile: file, encoding: .utf8) {
            var h: [String: Double] = [:]
            for line in text.split(separator: "\n") {
                let f = line.split(separator: " ")
                h[String(f[0])] = Double(f[2])!
            }
            options.orderHint = h
        }
        // Nodes: first of each id, indexed in id order.
        var seen = Set<String>()
        var nodes = graph.nodes.filter { seen.insert($0.id).inserted }
        nodes.sort { $0.id < $1.id }
        let n = nodes.count
        var index = [String: Int](minimumCapacity: n)
        for (i, node) in nodes.enumerated() { index[node.id] = i }

        // Edges: known ends, no self loops, no duplicates; input order kept for the output.
        var seenEdges = Set<MapEdge>()
        var edges: [MapEdge] = []
        var ends: [(u: Int, v: Int)] = []
        for e in graph.edges {
            guard let u = index[e.from], let v = index[e.to], u != v, seenEdges.insert(e).inserted else { continue }
            edges.append(e)
            ends.append((u, v))
        }

        let boxes = nodes.map { measure($0, options) }

        // Stage 1 and 2: acyclic orientation, merged parallel edges, layers.
        let reversed = CycleRemoval.reversedEdges(nodeCount: n, edges: ends)
        var mergedIndex = [Int: Int]()
        var merged: [WeightedEdge] = []
        let layered = ends.enumerated().map { i, e in reversed[i] ? (u: e.v, v: e.u) : e }
        for e in layered.sorted(by: { ($0.u, $0.v) < ($1.u, $1.v) }) {
            let key = e.u * n + e.v
            if let m = mergedIndex[key] {
                merged[m].weight += 1
            } else {
                mergedIndex[key] = merged.count
                merged.append(WeightedEdge(u: e.u, v: e.v, weight: 1))
            }
        }
        var rank = Layering.ranks(nodeCount: n, edges: merged)
        if let file = ProcessInfo.processInfo.environment["EXP_RANKS"], let text = try? String(contentsOfFile: file, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let f = line.split(separator: " ")
                if f.count == 2, let i = index[String(f[0])], let r = Int(f[1]) { rank[i] = r }
            }
        }

        // Bands: one per cluster when grouping, in a left-to-right order chosen below.
        let bandNames = bandOrder(nodes: nodes, merged: merged, options: options)
        let drawClusters = options.groupClusters && bandNames.contains { !$0.isEmpty }
        var bandOf = [String: Int]()
        for (i, name) in bandNames.enumerated() { bandOf[name] = i }
        let nodeBand = nodes.map { bandOf[$0.cluster ?? ""] ?? 0 }

        let parallelSpread = 6.0
        let proper = ProperGraph(realCount: n, rank: rank, widths: boxes.map(\.width), nodeBand: nodeBand,
                                 edges: merged, parallelSpread: parallelSpread)

        // Stage 3: ordering, optionally seeded by the hint of a previous layout.
        var hintValues = [Double?](repeating: nil, count: proper.count)
        var hinted = false
        if let hint = options.orderHint {
            for v in 0..<n {
                hintValues[v] = hint[nodes[v].id]
                if hintValues[v] != nil { hinted = true }
            }
            for (c, chain) in proper.chains.enumerated() where chain.count > 2 {
                let e = proper.chainEdges[c]
                for k in 1..<(chain.count - 1) {
                    hintValues[chain[k]] = hint[bendKey(nodes[e.u].id, nodes[e.v].id, k)]
                }
            }
        }
        var ordering = Ordering(graph: proper, hint: hintValues)
        ordering.run(hinted: hinted)
        let layers = ordering.layers
        let layeredCrossings = ordering.totalCrossings()

        // Stage 4: x within each band, then bands packed into columns.
        var x = [Double](repeating: 0, count: proper.count)
        var bandExtent = [Double](repeating: 0, count: bandNames.count)
        var bandMembers = [[Int]](repeating: [], count: bandNames.count)
        for layer in layers {
            for v in layer { bandMembers[proper.band[v]].append(v) }
        }
        for b in 0..<bandNames.count where !bandMembers[b].isEmpty {
            var local = [Int: Int](minimumCapacity: bandMembers[b].count)
            for (i, v) in bandMembers[b].enumerated() { local[v] = i }
            let members = bandMembers[b]
            func neighbours(_ v: Int, _ start: [Int], _ adj: [Int]) -> [Int] {
                (start[v]..<start[v + 1]).compactMap { local[adj[$0]] }
            }
            let bandGraph = Positioning.Graph(
                layers: layers.map { $0.compactMap { local[$0] } },
                up: members.map { neighbours($0, proper.upStart, proper.upAdj) },
                down: members.map { neighbours($0, proper.downStart, proper.downAdj) },
                width: members.map { proper.width[$0] },
                dummy: members.map { proper.isDummy($0) })
            let xs = Positioning.horizontal(bandGraph, nodeSeparation: options.nodeSeparation,
                                            edgeSeparation: options.edgeSeparation)
            for (i, v) in members.enumerated() {
                x[v] = xs[i]
                bandExtent[b] = max(bandExtent[b], xs[i] + proper.width[v] / 2)
            }
        }

        let lineHeight = options.fontSize * options.lineHeight
        var titleLines = [[String]](repeating: [], count: bandNames.count)
        var columnInner = bandExtent
        if drawClusters {
            for (b, name) in bandNames.enumerated() where !name.isEmpty {
                let title = graph.clusterTitles[name] ?? name
                titleLines[b] = TextMetrics.wrap(title, fontSize: options.fontSize,
                                                 maxWidth: max(bandExtent[b], options.maxLabelWidth))
                let titleWidth = titleLines[b].map { TextMetrics.width($0, fontSize: options.fontSize) }.max() ?? 0
                columnInner[b] = max(columnInner[b], titleWidth)
            }
        }
        let pad = drawClusters ? options.clusterPadding : 0
        let columnGap = drawClusters ? options.clusterPadding / 2 : 0
        var columnX = [Double](repeating: 0, count: bandNames.count)
        var cursor = options.margin
        for b in 0..<bandNames.count where !bandMembers[b].isEmpty || !titleLines[b].isEmpty {
            columnX[b] = cursor
            let shift = cursor + pad + (columnInner[b] - bandExtent[b]) / 2
            for v in bandMembers[b] { x[v] += shift }
            cursor += columnInner[b] + 2 * pad + columnGap
        }
        let width = max(cursor - columnGap + options.margin, 2 * options.margin)

        // Layer bands: boxes share their top edge.
        let titleRows = titleLines.map(\.count).max() ?? 0
        let headerHeight = drawClusters && titleRows > 0 ? pad + Double(titleRows) * lineHeight + pad : 0
        var layerTop = [Double](repeating: 0, count: proper.layerCount)
        var layerBottom = [Double](repeating: 0, count: proper.layerCount)
        var y = options.margin + headerHeight
        for (l, layer) in layers.enumerated() {
            let h = layer.filter { $0 < n }.map { boxes[$0].height }.max() ?? 0
            layerTop[l] = y
            layerBottom[l] = y + h
            y += h + options.rankSeparation
        }
        let contentBottom = proper.layerCount > 0 ? layerBottom[proper.layerCount - 1] : options.margin + headerHeight
        let height = contentBottom + pad + options.margin

        // Nodes.
        var placed = [String: PlacedNode](minimumCapacity: n)
        for (l, layer) in layers.enumerated() {
            var order = 0
            for v in layer where v < n {
                let box = boxes[v]
                let rect = Rect(x: x[v] - box.width / 2, y: layerTop[l], width: box.width, height: box.height)
                placed[nodes[v].id] = PlacedNode(
                    id: nodes[v].id, rect: rect, layer: l, order: order, labelLines: box.labelLines,
                    annotationLines: box.annotationLines, texts: texts(box, rect, options))
                order += 1
            }
        }

        // Stage 5: edges, in input order and original direction; parallel ones spread apart.
        var groupSize = [Int](repeating: 0, count: merged.count)
        var groupSlot = [Int](repeating: 0, count: edges.count)
        for (i, e) in layered.enumerated() {
            let m = mergedIndex[e.u * n + e.v]!
            groupSlot[i] = groupSize[m]
            groupSize[m] += 1
        }
        let routingLayers = Routing.Layers(top: layerTop, bottom: layerBottom)
        var placedEdges: [PlacedEdge] = []
        placedEdges.reserveCapacity(edges.count)
        for (i, e) in layered.enumerated() {
            let m = mergedIndex[e.u * n + e.v]!
            let offset = (Double(groupSlot[i]) - Double(groupSize[m] - 1) / 2) * parallelSpread
            var path = Routing.path(
                chain: proper.chains[m], x: x, layer: proper.layer, realCount: n,
                nodeBottom: { layerTop[rank[$0]] + boxes[$0].height }, layers: routingLayers, offset: offset)
            if reversed[i] { path = Routing.reversed(path) }
            placedEdges.append(PlacedEdge(from: edges[i].from, to: edges[i].to, reversed: reversed[i], path: path))
        }

        // Cluster columns with their titles.
        var clusters = [String: Rect]()
        var clusterTexts = [String: [PlacedText]]()
        if drawClusters {
            for (b, name) in bandNames.enumerated() where !name.isEmpty && !bandMembers[b].isEmpty {
                let rect = Rect(x: columnX[b], y: options.margin, width: columnInner[b] + 2 * pad,
                                height: contentBottom + pad - options.margin)
                clusters[name] = rect
                clusterTexts[name] = titleLines[b].enumerated().map { i, line in
                    PlacedText(text: line, marker: "", x: rect.midX,
                               y: baseline(lineTop: rect.y + pad + Double(i) * lineHeight, lineHeight, options.fontSize),
                               width: TextMetrics.width(line, fontSize: options.fontSize),
                               fontSize: options.fontSize, anchor: .middle, kind: .clusterTitle)
                }
            }
        }

        var result = MapLayout(width: width, height: height, nodes: placed, edges: placedEdges, clusters: clusters,
                               clusterTexts: clusterTexts, layerCount: proper.layerCount,
                               rankSeparation: options.rankSeparation)
        result.layeredCrossings = layeredCrossings
        for (c, chain) in proper.chains.enumerated() where chain.count > 2 {
            let e = proper.chainEdges[c]
            for k in 1..<(chain.count - 1) { result.bendHints[bendKey(nodes[e.u].id, nodes[e.v].id, k)] = x[chain[k]] }
        }
        return result
    }

    /// Hint key of the k-th bend of the layered edge u → v (control characters cannot clash with ids).
    static func bendKey(_ u: String, _ v: String, _ k: Int) -> String { "\u{1}\(u)\u{1}\(v)\u{1}\(k)" }

    // MARK: - Boxes and text

    struct Box {
        var labelLines: [String]
        var annotationLines: [[String]]
        var width: Double
        var height: Double
        var markerWidth: Double
    }

    static func measure(_ node: MapNode, _ o: LayoutOptions) -> Box {
        let labelLines = TextMetrics.wrap(node.label, fontSize: o.fontSize, maxWidth: o.maxLabelWidth)
        let markerWidth = TextMetrics.width(o.annotationMarker, fontSize: o.annotationFontSize)
        let annotationLines = node.annotations.map {
            TextMetrics.wrap($0, fontSize: o.annotationFontSize, maxWidth: max(o.maxLabelWidth - markerWidth, o.annotationFontSize))
        }.filter { !$0.isEmpty }
        var content = 2 * o.fontSize
        for line in labelLines { content = max(content, TextMetrics.width(line, fontSize: o.fontSize)) }
        for lines in annotationLines {
            for line in lines { content = max(content, markerWidth + TextMetrics.width(line, fontSize: o.annotationFontSize)) }
        }
        var height = 2 * o.padding + Double(max(1, labelLines.count)) * o.fontSize * o.lineHeight
        let annotationCount = annotationLines.reduce(0) { $0 + $1.count }
        if annotationCount > 0 {
            height += annotationGap(o) + Double(annotationCount) * o.annotationFontSize * o.lineHeight
        }
        return Box(labelLines: labelLines, annotationLines: annotationLines, width: (content + 2 * o.padding).rounded(.up),
                   height: height.rounded(.up), markerWidth: markerWidth)
    }

    private static func annotationGap(_ o: LayoutOptions) -> Double { o.annotationFontSize * 0.4 }

    /// Baseline that centres a line's ink box (0.8 em ascent, 0.25 em descent) in its line box.
    private static func baseline(lineTop: Double, _ lineHeight: Double, _ fontSize: Double) -> Double {
        lineTop + (lineHeight - 1.05 * fontSize) / 2 + 0.8 * fontSize
    }

    private static func texts(_ box: Box, _ rect: Rect, _ o: LayoutOptions) -> [PlacedText] {
        var result: [PlacedText] = []
        let labelHeight = o.fontSize * o.lineHeight
        var top = rect.y + o.padding
        for line in box.labelLines {
            result.append(PlacedText(text: line, marker: "", x: rect.midX, y: baseline(lineTop: top, labelHeight, o.fontSize),
                                     width: TextMetrics.width(line, fontSize: o.fontSize), fontSize: o.fontSize,
                                     anchor: .middle, kind: .label))
            top += labelHeight
        }
        if box.labelLines.isEmpty { top += labelHeight }
        if !box.annotationLines.isEmpty { top += annotationGap(o) }
        let annotationHeight = o.annotationFontSize * o.lineHeight
        for lines in box.annotationLines {
            for (i, line) in lines.enumerated() {
                let textWidth = TextMetrics.width(line, fontSize: o.annotationFontSize)
                result.append(PlacedText(
                    text: line, marker: i == 0 ? o.annotationMarker : "",
                    x: rect.x + o.padding + (i == 0 ? 0 : box.markerWidth),
                    y: baseline(lineTop: top, annotationHeight, o.annotationFontSize),
                    width: i == 0 ? box.markerWidth + textWidth : textWidth,
                    fontSize: o.annotationFontSize, anchor: .start, kind: .annotation))
                top += annotationHeight
            }
        }
        return result
    }

    // MARK: - Band order

    /// Left-to-right order of band names ("" = nodes without cluster). A single "" band when not grouping.
    static func bandOrder(nodes: [MapNode], merged: [WeightedEdge], options: LayoutOptions) -> [String] {
        guard options.groupClusters else { return [""] }
        let names = Array(Set(nodes.map { $0.cluster ?? "" })).sorted { a, b in
            // Named clusters first, alphabetically; the unclustered band last.
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }
        if names.count <= 1 { return names.isEmpty ? [""] : names }

        // 1. An explicit order wins for the clusters it lists.
        if let fixed = options.clusterOrder {
            let listed = fixed.filter { names.contains($0) }
            let rest = names.filter { !listed.contains($0) }
            return uniqued(listed) + rest
        }
        var bandIndex = [String: Int]()
        for (i, name) in names.enumerated() { bandIndex[name] = i }
        let b = names.count

        // 2. A hint orders the bands it knows by their mean position; new bands follow.
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
                let known = (0..<b).filter { count[$0] > 0 }.sorted { (sum[$0] / Double(count[$0]), $0) < (sum[$1] / Double(count[$1]), $1) }
                let unknown = (0..<b).filter { count[$0] == 0 }
                return (known + unknown).map { names[$0] }
            }
        }

        // 3. Otherwise minimise the total weighted column distance of edges (linear arrangement):
        // exhaustively for up to 8 bands, else by repeated best single moves.
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
        var best = Array(0..<b)
        var bestCost = cost(best)
        if b <= 8 {
            var perm = best
            while nextPermutation(&perm) {
                let c = cost(perm)
                if c < bestCost {
                    bestCost = c
                    best = perm
                }
            }
        } else {
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
        }
        return best.map { names[$0] }
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
