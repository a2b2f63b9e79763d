/// Stage 5: edge paths.
///
/// Boxes of a layer share their top edge, so every layer is a horizontal band [top, bottom] and the
/// space between layers is free of boxes. A path leaves the bottom centre of its source box, drops
/// straight to the bottom of the layer band (below its own box), crosses each gap between layers
/// with one cubic Bézier whose tangents are vertical at both ends, runs straight down through the
/// layers where the edge has a dummy vertex (the ordering reserved that slot, so no box is there)
/// and ends on the top centre of the target box. Because all curves in one gap share the same
/// vertical parametrisation, two of them cross exactly when their ends are in swapped order: the
/// drawing has exactly the crossings the ordering counted, and never enters a box.
enum Routing {
    struct Layers {
        var top: [Double]
        var bottom: [Double]
    }

    /// Path along `chain` (top to bottom) with every x shifted by `offset` (to separate parallel edges),
    /// leaving its source `startShift` and entering its target `endShift` from the centre (its ports).
    static func path(chain: [Int], x: [Double], layer: [Int], realCount: Int, nodeBottom: (Int) -> Double,
                     layers: Layers, offset: Double, startShift: Double = 0, endShift: Double = 0) -> [PathSegment] {
        var path = Builder(start: Point(x: x[chain[0]] + offset + startShift, y: nodeBottom(chain[0])))
        path.line(to: layers.bottom[layer[chain[0]]])
        for (k, v) in chain.enumerated().dropFirst() {
            let target = Point(x: x[v] + offset + (k == chain.count - 1 ? endShift : 0), y: layers.top[layer[v]])
            path.curve(to: target)
            if v >= realCount { path.line(to: layers.bottom[layer[v]]) }
        }
        return path.segments
    }

    /// Ports: where each chain leaves its top node and enters its bottom node, as shifts from the
    /// box centre. The chains at one side of a box are spread `spacing` apart (closer when the box
    /// is narrow), centred, in the left-to-right order of the vertex at their other end in the
    /// adjacent layer. Curves in one gap cross exactly when their ends swap order; ports in that
    /// order, each inside its own box, swap no ends, so ports add no crossings.
    static func ports(chains: [[Int]], x: [Double], width: (Int) -> Double, spacing: Double) -> (start: [Double], end: [Double]) {
        var start = [Double](repeating: 0, count: chains.count)
        var end = [Double](repeating: 0, count: chains.count)
        guard spacing > 0 else { return (start, end) }
        var outgoing: [Int: [Int]] = [:], incoming: [Int: [Int]] = [:]
        for (c, chain) in chains.enumerated() where chain.count > 1 {
            outgoing[chain[0], default: []].append(c)
            incoming[chain[chain.count - 1], default: []].append(c)
        }
        func spread(_ side: [Int: [Int]], neighbour: ([Int]) -> Int, into shifts: inout [Double]) {
            for (v, list) in side where list.count > 1 {
                // Ties (never on one layer, but keep it total) fall back to the chain index.
                let sorted = list.sorted { (x[neighbour(chains[$0])], $0) < (x[neighbour(chains[$1])], $1) }
                // Keep clear of the rounded corners: a quarter of the box's width is left free on each side.
                let step = min(spacing, width(v) / 2 / Double(sorted.count - 1))
                for (k, c) in sorted.enumerated() { shifts[c] = (Double(k) - Double(sorted.count - 1) / 2) * step }
            }
        }
        spread(outgoing, neighbour: { $0[1] }, into: &start)
        spread(incoming, neighbour: { $0[$0.count - 2] }, into: &end)
        return (start, end)
    }

    /// The same path traversed from its end to its start.
    static func reversed(_ path: [PathSegment]) -> [PathSegment] {
        guard let last = path.last else { return path }
        var result: [PathSegment] = [.moveTo(last.end)]
        for i in stride(from: path.count - 1, to: 0, by: -1) {
            let previousEnd = path[i - 1].end
            switch path[i] {
            case .moveTo: result.append(.moveTo(previousEnd))
            case .lineTo: result.append(.lineTo(previousEnd))
            case .cubicTo(let c1, let c2, _): result.append(.cubicTo(c2, c1, previousEnd))
            }
        }
        return result
    }

    private struct Builder {
        var segments: [PathSegment]
        var current: Point

        init(start: Point) {
            segments = [.moveTo(start)]
            current = start
        }

        /// Straight down to `y` (merged with a preceding vertical line).
        mutating func line(to y: Double) {
            if y <= current.y + 1e-9 { return }
            let p = Point(x: current.x, y: y)
            if case .lineTo(let q)? = segments.last, q.x == p.x, segments.count > 1,
                segments[segments.count - 2].end.x == p.x
            {
                segments[segments.count - 1] = .lineTo(p)
            } else {
                segments.append(.lineTo(p))
            }
            current = p
        }

        /// Across a gap between layers: straight down when the ends (nearly) align, which keeps shared
        /// vertical stretches exactly collinear; else an S-shaped cubic.
        mutating func curve(to p: Point) {
            if abs(p.x - current.x) < 0.05 {
                line(to: p.y)
                return
            } else {
                let midY = (current.y + p.y) / 2
                segments.append(.cubicTo(Point(x: current.x, y: midY), Point(x: p.x, y: midY), p))
            }
            current = p
        }
    }
}
