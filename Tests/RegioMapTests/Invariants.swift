import RegioMap

/// Geometric invariants every layout must satisfy, as a list of human-readable violations.
enum Invariants {
    static func violations(_ graph: MapGraph, _ layout: MapLayout, options: LayoutOptions = .init()) -> [String] {
        var problems: [String] = []
        let ids = Set(graph.nodes.map(\.id))
        if Set(layout.nodes.keys) != ids { problems.append("placed nodes differ from the graph's") }
        let placed = layout.orderedNodes
        let canvas = Rect(x: 0, y: 0, width: layout.width, height: layout.height)

        // Boxes inside the canvas and apart by at least the node separation.
        for (i, a) in placed.enumerated() {
            if !canvas.contains(a.rect) { problems.append("\(a.id) outside the canvas") }
            for b in placed[(i + 1)...] where a.rect.overlaps(b.rect, margin: options.nodeSeparation - 0.01) {
                problems.append("boxes \(a.id) and \(b.id) overlap or are too close")
            }
        }
        // Text inside its own box, so never over another box or its text.
        for node in placed {
            for text in node.texts where !node.rect.contains(text.bounds, tolerance: 0.01) {
                problems.append("text '\(text.text)' outside box \(node.id)")
            }
        }
        // Cluster columns: disjoint, hold their members, touch no other box, titles clear of boxes.
        let clusterOf = Dictionary(graph.nodes.map { ($0.id, $0.cluster) }, uniquingKeysWith: { a, _ in a })
        let columns = layout.clusters.sorted { $0.key < $1.key }
        for (i, (name, rect)) in columns.enumerated() {
            for (other, otherRect) in columns[(i + 1)...] where rect.overlaps(otherRect) {
                problems.append("cluster columns \(name) and \(other) overlap")
            }
            for node in placed {
                if clusterOf[node.id] == name {
                    if !rect.contains(node.rect) { problems.append("\(node.id) outside its cluster \(name)") }
                } else if rect.overlaps(node.rect) {
                    problems.append("\(node.id) inside foreign cluster \(name)")
                }
            }
            for title in layout.clusterTexts[name] ?? [] {
                if !rect.contains(title.bounds) { problems.append("title of \(name) outside its column") }
                for node in placed where node.rect.overlaps(title.bounds) {
                    problems.append("title of \(name) overlaps \(node.id)")
                }
            }
        }
        // Edges: start and end on the borders of their boxes, and enter no box on the way.
        for edge in layout.edges {
            let name = "\(edge.from)→\(edge.to)"
            guard let from = layout.nodes[edge.from], let to = layout.nodes[edge.to] else {
                problems.append("edge \(name) to an unknown node")
                continue
            }
            guard case .moveTo? = edge.path.first, edge.path.count >= 2 else {
                problems.append("edge \(name) must start with moveTo")
                continue
            }
            if !from.rect.isOnBorder(edge.start) { problems.append("edge \(name) starts on \(edge.start), off \(from.rect)") }
            if !to.rect.isOnBorder(edge.end) { problems.append("edge \(name) ends on \(edge.end), off \(to.rect)") }
            let points = CrossingCounter.flatten(edge.path)
            for node in placed {
                let inner = Rect(x: node.rect.x + 0.5, y: node.rect.y + 0.5, width: node.rect.width - 1, height: node.rect.height - 1)
                for (p, q) in zip(points, points.dropFirst()) where segment(p, q, entersInteriorOf: inner) {
                    problems.append("edge \(name) passes through \(node.id)")
                    break
                }
            }
        }
        return problems
    }

    /// Liang–Barsky clipping: does the segment p–q have a part strictly inside `r`?
    static func segment(_ p: Point, _ q: Point, entersInteriorOf r: Rect) -> Bool {
        var t0 = 0.0
        var t1 = 1.0
        let dx = q.x - p.x
        let dy = q.y - p.y
        for (edgeP, edgeQ) in [(-dx, p.x - r.x), (dx, r.maxX - p.x), (-dy, p.y - r.y), (dy, r.maxY - p.y)] {
            if edgeP == 0 {
                if edgeQ <= 0 { return false }
            } else {
                let t = edgeQ / edgeP
                if edgeP < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            }
        }
        return t1 - t0 > 1e-9
    }
}
