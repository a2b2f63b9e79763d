/// Layered (Sugiyama) layout of a `MapGraph`: dependencies point downwards.
///
/// Stages, one file each: `CycleRemoval`, `Layering` (network simplex), `ProperGraph` (dummy
/// vertices for long edges), `Ordering` (crossing minimisation), `Positioning` (Brandes–Köpf),
/// `Routing` (paths), sizes from `TextMetrics`. The result depends only on the graph's content,
/// not on the order of `graph.nodes`: nodes are indexed by sorted id and all ties break on that.
public enum LayeredLayout {
    public static func layout(_ graph: MapGraph, options: LayoutOptions = .init()) -> MapLayout {
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
        let rank = Layering.ranks(nodeCount: n, edges: merged)

        // Bands (cluster columns) and stage 3, ordering. Each candidate left-to-right band order is
        // ordered cheaply (one start) and the one with the fewest crossings is ordered in full.
        let parallelSpread = 6.0
        let candidates = bandOrders(nodes: nodes, merged: merged, options: options)
        let clusterNames = Array(Set(nodes.map { $0.cluster ?? "" })).sorted()
        var clusterRank = [String: Int]()
        for (i, name) in clusterNames.enumerated() { clusterRank[name] = i }
        let nodeTie = nodes.map { clusterRank[$0.cluster ?? ""]! }
        func build(_ names: [String]) -> ProperGraph {
            var bandOf = [String: Int]()
            for (i, name) in names.enumerated() { bandOf[name] = i }
            return ProperGraph(realCount: n, rank: rank, widths: boxes.map(\.width),
                               nodeBand: nodes.map { bandOf[$0.cluster ?? ""] ?? 0 }, nodeTie: nodeTie,
                               edges: merged, parallelSpread: parallelSpread)
        }
        var bandNames = candidates[0]
        var proper = build(bandNames)
        if candidates.count > 1 {
            // Budget: trial orderings worth about 8000 vertex-plus-edge visits.
            let work = proper.count + proper.downAdj.count
            let trials = min(candidates.count, max(2, 8_000 / max(work, 1)))
            var bestCount = Int.max
            for names in candidates.prefix(trials) {
                let trial = build(names)
                var ordering = Ordering(graph: trial, hint: [Double?](repeating: nil, count: trial.count))
                ordering.run(hinted: false, maxStarts: 1)
                let c = ordering.totalCrossings()
                if c < bestCount {
                    bestCount = c
                    bandNames = names
                    proper = trial
                }
            }
        }
        let drawClusters = options.groupClusters && bandNames.contains { !$0.isEmpty }

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
                                                 maxWidth: max(bandExtent[b], options.maxLabelWidth), bold: true)
                let titleWidth = titleLines[b].map { TextMetrics.width($0, fontSize: options.fontSize, bold: true) }.max() ?? 0
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
        // Room for the cluster icons above the titles, when there are any.
        let iconSpace = drawClusters && graph.clusterStyles.values.contains { $0.icon != nil } ? Self.clusterIconSize + pad / 2 : 0
        let headerHeight = drawClusters && titleRows > 0 ? pad + iconSpace + Double(titleRows) * lineHeight + pad : 0
        var layerTop = [Double](repeating: 0, count: proper.layerCount)
        var layerBottom = [Double](repeating: 0, count: proper.layerCount)
        // A gap grows with the widest sideways step of an edge crossing it (up to three times the
        // separation), so long jumps between columns stay steep enough to follow.
        var gap = [Double](repeating: options.rankSeparation, count: max(proper.layerCount - 1, 0))
        for l in 0..<gap.count {
            var widest = 0.0
            for u in layers[l] {
                for k in proper.downStart[u]..<proper.downStart[u + 1] { widest = max(widest, abs(x[proper.downAdj[k]] - x[u])) }
            }
            gap[l] += min(2 * options.rankSeparation, (0.08 * widest).rounded())
        }
        var y = options.margin + headerHeight
        for (l, layer) in layers.enumerated() {
            let h = layer.filter { $0 < n }.map { boxes[$0].height }.max() ?? 0
            layerTop[l] = y
            layerBottom[l] = y + h
            y += h + (l < gap.count ? gap[l] : 0)
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
                    annotationLines: box.annotationLines, texts: texts(box, rect, options), tagBandHeight: box.tagBandHeight)
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
        let ports = Routing.ports(chains: proper.chains, x: x, width: { boxes[$0].width }, spacing: options.portSpacing)
        var placedEdges: [PlacedEdge] = []
        placedEdges.reserveCapacity(edges.count)
        for (i, e) in layered.enumerated() {
            let m = mergedIndex[e.u * n + e.v]!
            let offset = (Double(groupSlot[i]) - Double(groupSize[m] - 1) / 2) * parallelSpread
            var path = Routing.path(
                chain: proper.chains[m], x: x, layer: proper.layer, realCount: n,
                nodeBottom: { layerTop[rank[$0]] + boxes[$0].height }, layers: routingLayers, offset: offset,
                startShift: ports.start[m], endShift: ports.end[m])
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
                               y: baseline(lineTop: rect.y + pad + iconSpace + Double(i) * lineHeight, lineHeight, options.fontSize),
                               width: TextMetrics.width(line, fontSize: options.fontSize, bold: true),
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

    /// Size of a cluster icon (its 16-unit box scaled to this), centred above the title.
    public static let clusterIconSize = 20.0

    /// Hint key of the k-th bend of the layered edge u → v (control characters cannot clash with ids).
    static func bendKey(_ u: String, _ v: String, _ k: Int) -> String { "\u{1}\(u)\u{1}\(v)\u{1}\(k)" }
}
