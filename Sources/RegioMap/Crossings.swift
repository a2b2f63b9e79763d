import Foundation

/// Counts crossings between drawn edge paths; used by `MapLayout.crossingCount()` and by MapBench
/// for Graphviz output alike, so both drawings are measured the same way.
///
/// Method: every path is flattened to a polyline (each cubic Bézier into `bezierSteps` straight
/// pieces at equal parameter steps). Every pair of pieces from two different edges that properly
/// intersects counts once. Each piece is taken as half-open (its end point belongs to the next
/// piece), so a crossing exactly at a polyline vertex is counted once; there it counts only if the
/// path really passes from one side to the other. Touching, collinear overlap, turning away from a
/// shared stretch and meeting at a common end point do not count. Edges that share a node inevitably meet near that
/// node (dot spreads their ends over the border, we share one port), so an intersection of two such
/// edges inside the shared node's box grown by `nearNode` is ignored. A sweep over x keeps this
/// close to linear for layered drawings.
public enum CrossingCounter {
    /// Straight pieces per cubic Bézier.
    public static let bezierSteps = 8

    /// The path as a polyline.
    public static func flatten(_ path: [PathSegment]) -> [Point] {
        var points: [Point] = []
        var current = Point(x: 0, y: 0)
        for segment in path {
            switch segment {
            case .moveTo(let p):
                points.append(p)
                current = p
            case .lineTo(let p):
                points.append(p)
                current = p
            case .cubicTo(let c1, let c2, let p):
                for i in 1...bezierSteps {
                    let t = Double(i) / Double(bezierSteps)
                    let s = 1 - t
                    let a = s * s * s
                    let b = 3 * s * s * t
                    let c = 3 * s * t * t
                    let d = t * t * t
                    points.append(Point(x: a * current.x + b * c1.x + c * c2.x + d * p.x,
                                        y: a * current.y + b * c1.y + c * c2.y + d * p.y))
                }
                current = p
            }
        }
        return points
    }

    /// Number of crossings among `paths`; `endpoints[i]` names the nodes edge `i` connects and
    /// `nodeRects` their boxes (used to ignore meetings near a shared node).
    public static func count(paths: [[PathSegment]], endpoints: [(String, String)], nodeRects: [String: Rect],
                             nearNode: Double) -> Int {
        struct Piece {
            var ax, ay, bx, by: Double
            var minX, maxX, minY, maxY: Double
            var edge: Int
            /// The polyline point before `a`, to decide crossings exactly at a shared vertex.
            var px, py: Double
            var hasPrev: Bool
        }
        var pieces: [Piece] = []
        for (e, path) in paths.enumerated() {
            let points = flatten(path)
            if points.count < 2 { continue }
            var previous: Point? = nil
            var a = points[0]
            for b in points.dropFirst() where b != a {
                pieces.append(Piece(ax: a.x, ay: a.y, bx: b.x, by: b.y, minX: min(a.x, b.x), maxX: max(a.x, b.x),
                                    minY: min(a.y, b.y), maxY: max(a.y, b.y), edge: e,
                                    px: previous?.x ?? 0, py: previous?.y ?? 0, hasPrev: previous != nil))
                previous = a
                a = b
            }
        }
        pieces.sort { ($0.minX, $0.edge, $0.minY) < ($1.minX, $1.edge, $1.minY) }

        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        let ends = endpoints.map { (nodeRects[$0.0] ?? empty, nodeRects[$0.1] ?? empty) }
        func nearShared(_ e: Int, _ f: Int, _ x: Double, _ y: Double) -> Bool {
            for (name, rect) in [(endpoints[e].0, ends[e].0), (endpoints[e].1, ends[e].1)]
            where name == endpoints[f].0 || name == endpoints[f].1 {
                if x >= rect.x - nearNode && x <= rect.maxX + nearNode && y >= rect.y - nearNode && y <= rect.maxY + nearNode {
                    return true
                }
            }
            return false
        }

        /// Sign of the side of point (x, y) relative to the line through a piece (0 when on it).
        func side(_ x: Double, _ y: Double, of piece: Piece) -> Double {
            let cross = (piece.bx - piece.ax) * (y - piece.ay) - (piece.by - piece.ay) * (x - piece.ax)
            let scale = abs(piece.bx - piece.ax) + abs(piece.by - piece.ay)
            return abs(cross) <= 1e-9 * scale * (abs(x - piece.ax) + abs(y - piece.ay) + 1) ? 0 : (cross < 0 ? -1 : 1)
        }

        let eps = 1e-9
        var active: [Int] = []
        var total = 0
        for (i, p) in pieces.enumerated() {
            active.removeAll { pieces[$0].maxX < p.minX }
            for j in active {
                let q = pieces[j]
                if q.edge == p.edge || q.maxY < p.minY || p.maxY < q.minY { continue }
                let rx = p.bx - p.ax
                let ry = p.by - p.ay
                let sx = q.bx - q.ax
                let sy = q.by - q.ay
                let denom = rx * sy - ry * sx
                if denom == 0 { continue }
                let qpx = q.ax - p.ax
                let qpy = q.ay - p.ay
                let t = (qpx * sy - qpy * sx) / denom
                let u = (qpx * ry - qpy * rx) / denom
                guard t >= -eps, t < 1 - eps, u >= -eps, u < 1 - eps else { continue }
                let pStart = abs(t) <= eps
                let qStart = abs(u) <= eps
                if pStart && qStart {
                    // Both pieces start at one point: a crossing only if one path passes from one side
                    // of the other to the other side there (not if it touches, or both begin there).
                    guard p.hasPrev && q.hasPrev,
                        crossesAtVertex(
                            center: Point(x: p.ax, y: p.ay), aIn: Point(x: p.px, y: p.py), aOut: Point(x: p.bx, y: p.by),
                            bIn: Point(x: q.px, y: q.py), bOut: Point(x: q.bx, y: q.by))
                    else { continue }
                } else if pStart {
                    // p's path has a vertex on q's piece: it crosses only if it arrives and leaves on
                    // strictly opposite sides (a path running along q and turning away merely touches).
                    guard p.hasPrev, side(p.px, p.py, of: q) * side(p.bx, p.by, of: q) < 0 else { continue }
                } else if qStart {
                    guard q.hasPrev, side(q.px, q.py, of: p) * side(q.bx, q.by, of: p) < 0 else { continue }
                }
                if nearShared(p.edge, q.edge, p.ax + t * rx, p.ay + t * ry) { continue }
                total += 1
            }
            active.append(i)
        }
        return total
    }

    /// Whether path B (bIn → center → bOut) passes through path A (aIn → center → aOut) at their
    /// common vertex: B's two directions lie in different sectors cut out by A's two directions.
    static func crossesAtVertex(center: Point, aIn: Point, aOut: Point, bIn: Point, bOut: Point) -> Bool {
        func angle(_ p: Point) -> Double { atan2(p.y - center.y, p.x - center.x) }
        func ccw(_ from: Double, _ to: Double) -> Double {
            var d = to - from
            while d < 0 { d += 2 * Double.pi }
            while d >= 2 * Double.pi { d -= 2 * Double.pi }
            return d
        }
        let a1 = angle(aIn)
        let span = ccw(a1, angle(aOut))
        let b1 = ccw(a1, angle(bIn))
        let b2 = ccw(a1, angle(bOut))
        let eps = 1e-12
        if span < eps || b1 < eps || b2 < eps || abs(b1 - span) < eps || abs(b2 - span) < eps { return false }
        return (b1 < span) != (b2 < span)
    }
}
