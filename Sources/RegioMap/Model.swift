// Public value types of RegioMap: the input graph, the options and the finished layout.

/// A box in the map: an opgave with its label and optional annotation lines (e.g. coalitions).
public struct MapNode: Sendable, Hashable {
    /// Stable identifier (a slug); also used as `data-id` in the SVG.
    public var id: String
    /// Text drawn in the box, wrapped on word boundaries to `LayoutOptions.maxLabelWidth`.
    public var label: String
    /// Theme the node belongs to; nodes of one cluster are kept together (see `LayoutOptions.groupClusters`).
    public var cluster: String?
    /// Extra text lines drawn inside the box under the label, each prefixed with a marker glyph.
    public var annotations: [String]
    /// A short word drawn in a band across the top of the box (e.g. a status such as "voorbeeld"),
    /// so what kind of node it is can be read, not only seen from its style.
    public var tag: String?
    /// The marker of each annotation, by index (e.g. a glyph per kind of annotation); annotations
    /// past its end get `LayoutOptions.annotationMarker`.
    public var annotationMarkers: [String]

    public init(id: String, label: String, cluster: String? = nil, annotations: [String] = [], tag: String? = nil,
                annotationMarkers: [String] = []) {
        self.id = id
        self.label = label
        self.cluster = cluster
        self.annotations = annotations
        self.tag = tag
        self.annotationMarkers = annotationMarkers
    }
}

/// A dependency arrow from `from` to `to` (node ids).
public struct MapEdge: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// How a cluster column is marked besides its title: a colour band across its top and an icon
/// above the title. The title carries the meaning; colour and icon only help to recognise it.
public struct ClusterStyle: Sendable, Hashable {
    /// Colour of the band and the icon's strokes (choose at least 3:1 against the column fill).
    public var colour: String
    /// SVG path data in a 16 × 16 box, drawn as strokes; nil draws only the band.
    public var icon: String?

    public init(colour: String, icon: String? = nil) {
        self.colour = colour
        self.icon = icon
    }
}

/// The graph to draw. Nothing is validated: the layout keeps the first node of a duplicated id,
/// ignores duplicate edges, self loops and edges to unknown ids, and breaks cycles itself.
public struct MapGraph: Sendable {
    public var nodes: [MapNode]
    public var edges: [MapEdge]
    /// Display titles of clusters (cluster id → title); a cluster without one is titled by its id.
    public var clusterTitles: [String: String]
    /// Colour and icon per cluster; when any cluster has an icon, all titles move down to make room.
    public var clusterStyles: [String: ClusterStyle]

    public init(nodes: [MapNode], edges: [MapEdge], clusterTitles: [String: String] = [:], clusterStyles: [String: ClusterStyle] = [:]) {
        self.nodes = nodes
        self.edges = edges
        self.clusterTitles = clusterTitles
        self.clusterStyles = clusterStyles
    }
}

/// Tuning of `LayeredLayout`. All lengths are in SVG user units (px).
public struct LayoutOptions: Sendable {
    /// Minimum horizontal gap between two boxes in a layer.
    public var nodeSeparation: Double
    /// Minimum horizontal gap between edges that pass through a layer (and between such an edge and a box).
    public var edgeSeparation: Double
    /// Vertical gap between two layers; edges bend inside it.
    public var rankSeparation: Double
    /// Font size of node labels.
    public var fontSize: Double
    /// Font size of annotation lines.
    public var annotationFontSize: Double
    /// Line height as a multiple of the font size.
    public var lineHeight: Double
    /// Labels and annotations wrap at this text width; a single longer word widens its box instead.
    public var maxLabelWidth: Double
    /// Space between a box border and its text.
    public var padding: Double
    /// Empty border around the whole drawing.
    public var margin: Double
    /// When true, every cluster gets its own column (left-to-right band) with a titled background,
    /// so a theme's opgaven are contiguous in every layer. When false, clusters only break ties.
    public var groupClusters: Bool
    /// Fixed left-to-right order of cluster columns; nil lets the layout choose to shorten edges.
    /// Clusters not listed follow in the chosen order.
    public var clusterOrder: [String]?
    /// Space between a cluster column's border and its content.
    public var clusterPadding: Double
    /// Prefix drawn before each annotation so annotations are recognisable without colour.
    public var annotationMarker: String
    /// Distance between the points where edges meet one side of a box, so arrows into (or out of)
    /// one box end apart instead of in one point; 0 lets them all meet the centre.
    public var portSpacing: Double
    /// Positions from a previous layout (`MapLayout.orderHint`): nodes present there keep their relative
    /// left-to-right order within every layer, so year-by-year snapshots stay put. Unknown ids are ignored.
    public var orderHint: [String: Double]?

    public init(
        nodeSeparation: Double = 24,
        edgeSeparation: Double = 12,
        rankSeparation: Double = 56,
        fontSize: Double = 14,
        annotationFontSize: Double = 12,
        lineHeight: Double = 1.25,
        maxLabelWidth: Double = 190,
        padding: Double = 8,
        margin: Double = 16,
        groupClusters: Bool = true,
        clusterOrder: [String]? = nil,
        clusterPadding: Double = 12,
        annotationMarker: String = "◆ ",
        orderHint: [String: Double]? = nil,
        portSpacing: Double = 16
    ) {
        self.nodeSeparation = nodeSeparation
        self.edgeSeparation = edgeSeparation
        self.rankSeparation = rankSeparation
        self.fontSize = fontSize
        self.annotationFontSize = annotationFontSize
        self.lineHeight = lineHeight
        self.maxLabelWidth = maxLabelWidth
        self.padding = padding
        self.margin = margin
        self.groupClusters = groupClusters
        self.clusterOrder = clusterOrder
        self.clusterPadding = clusterPadding
        self.annotationMarker = annotationMarker
        self.orderHint = orderHint
        self.portSpacing = portSpacing
    }
}

public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle; `x`, `y` is the top-left corner (SVG coordinates, y grows downwards).
public struct Rect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// True when the rectangles, each grown by `margin / 2` on every side, overlap.
    public func overlaps(_ other: Rect, margin: Double = 0) -> Bool {
        x < other.maxX + margin && other.x < maxX + margin && y < other.maxY + margin && other.y < maxY + margin
    }

    /// True when `p` lies on the border, within `tolerance`.
    public func isOnBorder(_ p: Point, tolerance: Double = 0.5) -> Bool {
        let inside = p.x >= x - tolerance && p.x <= maxX + tolerance && p.y >= y - tolerance && p.y <= maxY + tolerance
        guard inside else { return false }
        return abs(p.x - x) <= tolerance || abs(p.x - maxX) <= tolerance
            || abs(p.y - y) <= tolerance || abs(p.y - maxY) <= tolerance
    }

    /// True when `other` lies completely inside this rectangle (allowing `tolerance`).
    public func contains(_ other: Rect, tolerance: Double = 0) -> Bool {
        other.x >= x - tolerance && other.maxX <= maxX + tolerance && other.y >= y - tolerance && other.maxY <= maxY + tolerance
    }
}

/// One command of an edge path, in absolute coordinates.
public enum PathSegment: Sendable, Hashable {
    case moveTo(Point)
    case lineTo(Point)
    /// Cubic Bézier with two control points and the end point.
    case cubicTo(Point, Point, Point)

    /// The point the segment ends at.
    public var end: Point {
        switch self {
        case .moveTo(let p), .lineTo(let p): return p
        case .cubicTo(_, _, let p): return p
        }
    }
}

/// One positioned line of text.
public struct PlacedText: Sendable, Hashable {
    public enum Anchor: String, Sendable, Hashable {
        case start, middle
    }

    public enum Kind: String, Sendable, Hashable {
        case label, annotation, clusterTitle, tag
    }

    /// The words of the line (without marker).
    public var text: String
    /// Drawn before `text` (e.g. "◆ ") on the first line of an annotation; empty otherwise.
    public var marker: String
    /// Anchor x (start or middle, see `anchor`) and baseline y.
    public var x: Double
    public var y: Double
    /// Estimated advance width of marker + text.
    public var width: Double
    public var fontSize: Double
    public var anchor: Anchor
    public var kind: Kind

    /// Estimated ink box: ascent 0.8 em above and descent 0.25 em below the baseline.
    public var bounds: Rect {
        let left = anchor == .middle ? x - width / 2 : x
        return Rect(x: left, y: y - 0.8 * fontSize, width: width, height: 1.05 * fontSize)
    }
}

/// A node after layout.
public struct PlacedNode: Sendable, Hashable {
    public var id: String
    /// The box, absolute coordinates.
    public var rect: Rect
    /// Layer index, 0 at the top.
    public var layer: Int
    /// Position within the layer, 0 at the left (counting only real nodes).
    public var order: Int
    /// The label wrapped into lines.
    public var labelLines: [String]
    /// Each annotation wrapped into lines (without marker).
    public var annotationLines: [[String]]
    /// All text lines with positions, as drawn: the tag first (if any), then label lines, then annotation lines.
    public var texts: [PlacedText]
    /// Height of the tag band at the top of `rect`; 0 without a tag.
    public var tagBandHeight: Double = 0
}

/// An edge after layout, in its original direction.
public struct PlacedEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    /// True when the edge was reversed to break a cycle; the path still runs from `from` to `to`.
    public var reversed: Bool
    /// Starts with `.moveTo` on the border of `from` and ends on the border of `to`.
    public var path: [PathSegment]

    public var start: Point { path.first?.end ?? Point(x: 0, y: 0) }
    public var end: Point { path.last?.end ?? Point(x: 0, y: 0) }
}

/// The result of `LayeredLayout.layout`.
public struct MapLayout: Sendable {
    public var width: Double
    public var height: Double
    public var nodes: [String: PlacedNode]
    /// In input order (duplicates, self loops and dangling edges removed).
    public var edges: [PlacedEdge]
    /// Background column of each cluster (only with `groupClusters`).
    public var clusters: [String: Rect]
    /// Title lines of each cluster column.
    public var clusterTexts: [String: [PlacedText]]
    /// Number of layers.
    public var layerCount: Int
    /// The `rankSeparation` used; `crossingCount` ignores crossings this close to a shared node.
    public var rankSeparation: Double
    /// Positions of the bends of long edges, keyed internally, so `orderHint` reproduces them.
    var bendHints: [String: Double]
    /// Weighted crossings between adjacent layers after ordering (for tests and diagnostics).
    var layeredCrossings = 0

    public init(
        width: Double, height: Double, nodes: [String: PlacedNode], edges: [PlacedEdge],
        clusters: [String: Rect] = [:], clusterTexts: [String: [PlacedText]] = [:],
        layerCount: Int = 0, rankSeparation: Double = 0
    ) {
        self.width = width
        self.height = height
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.clusterTexts = clusterTexts
        self.layerCount = layerCount
        self.rankSeparation = rankSeparation
        self.bendHints = [:]
    }

    /// Nodes sorted top-to-bottom, left-to-right (the drawing and reading order).
    public var orderedNodes: [PlacedNode] {
        nodes.values.sorted { ($0.layer, $0.order, $0.id) < ($1.layer, $1.order, $1.id) }
    }

    /// Pass this as `LayoutOptions.orderHint` for the next snapshot to keep nodes in place.
    /// Holds each node's centre x plus internal entries for the bends of long edges.
    public var orderHint: [String: Double] {
        var hint = bendHints
        for (id, node) in nodes { hint[id] = node.rect.midX }
        return hint
    }

    /// Number of crossings between the drawn edge paths, counted with `CrossingCounter` on the
    /// flattened paths (see there): the crossings a reader sees, not an abstract layer count.
    public func crossingCount() -> Int {
        let placed = edges.filter { nodes[$0.from] != nil && nodes[$0.to] != nil }
        return CrossingCounter.count(
            paths: placed.map(\.path),
            endpoints: placed.map { ($0.from, $0.to) },
            nodeRects: nodes.mapValues(\.rect),
            nearNode: rankSeparation / 2)
    }
}
