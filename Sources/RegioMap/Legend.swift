// Class presentation and the legend block of `SVGWriter`. RegioMap knows no meanings: callers
// decide which classes their nodes and edges carry, how each is drawn, and what the legend says.

/// The shape at the end of an edge.
public enum ArrowHead: String, Sendable, Hashable, CaseIterable {
    /// A filled triangle (the default).
    case filled
    /// An open chevron: two strokes, no fill.
    case open
    /// A triangle outline with a white inside.
    case hollow
}

/// How nodes or edges of one CSS class are drawn, as presentation attributes (a stylesheet may
/// override them inline; a downloaded file keeps them). Nil leaves the value as it was.
/// A node or edge with several classes applies their presentations in the order of its classes.
public struct Presentation: Sendable, Hashable {
    public var fill: String?
    public var stroke: String?
    public var strokeWidth: Double?
    /// `stroke-dasharray`, e.g. "6 3".
    public var dashArray: String?
    /// Edges only.
    public var arrowHead: ArrowHead?

    public init(fill: String? = nil, stroke: String? = nil, strokeWidth: Double? = nil, dashArray: String? = nil,
                arrowHead: ArrowHead? = nil) {
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dashArray = dashArray
        self.arrowHead = arrowHead
    }

    /// `other`'s values where it has them, else these.
    func applying(_ other: Presentation) -> Presentation {
        Presentation(fill: other.fill ?? fill, stroke: other.stroke ?? stroke, strokeWidth: other.strokeWidth ?? strokeWidth,
                     dashArray: other.dashArray ?? dashArray, arrowHead: other.arrowHead ?? arrowHead)
    }
}

/// One line of a legend: a sample drawn exactly like the thing it explains, and its text.
public struct LegendEntry: Sendable, Hashable {
    public enum Symbol: Sendable, Hashable {
        /// A short arrow drawn like an edge with these classes.
        case edge(classes: [String])
        /// A small box drawn like a node with these classes, with the tag band when `tag` is given.
        case node(classes: [String], tag: String?)
        /// A glyph as drawn before annotations (e.g. "◆").
        case glyph(String)
    }

    public var symbol: Symbol
    public var text: String

    public init(_ symbol: Symbol, _ text: String) {
        self.symbol = symbol
        self.text = text
    }
}

/// A legend drawn inside the SVG, below the graph (never over it), so a file on its own
/// explains its signs. Entries flow into as many columns as the drawing's width allows.
public struct Legend: Sendable, Hashable {
    public var title: String
    public var entries: [LegendEntry]
    /// Paragraphs under the entries, full width.
    public var notes: [String]
    /// Of the title, entries and notes (samples' tags use the annotation size, 12).
    public var fontSize: Double
    /// Entry text wraps at this width.
    public var maxTextWidth: Double
    /// Left and right margin, and the space below the legend.
    public var margin: Double

    public init(title: String, entries: [LegendEntry], notes: [String] = [], fontSize: Double = 14,
                maxTextWidth: Double = 250, margin: Double = 16) {
        self.title = title
        self.entries = entries
        self.notes = notes
        self.fontSize = fontSize
        self.maxTextWidth = maxTextWidth
        self.margin = margin
    }
}

/// The legend's geometry: positions of samples and text lines, computed before drawing so the
/// SVG's size can include it.
struct LegendLayout {
    struct Item {
        var symbol: LegendEntry.Symbol
        /// The sample's box.
        var sample: Rect
        var lines: [PlacedText]
    }

    static let tagFontSize = 12.0
    static let sampleGap = 10.0
    static let columnGap = 24.0
    static let rowGap = 8.0

    var title: PlacedText
    var items: [Item]
    var notes: [PlacedText]
    /// The top rule, and the whole legend's extent.
    var bounds: Rect

    /// Laid out under a drawing `width` wide whose content ends at `top`.
    init(_ legend: Legend, top: Double, width: Double) {
        let f = legend.fontSize, lineHeight = f * 1.25
        let samples = legend.entries.map { Self.sampleSize($0.symbol, fontSize: f) }
        let sampleWidth = samples.map(\.width).max() ?? 0
        let wrapped = legend.entries.map { TextMetrics.wrap($0.text, fontSize: f, maxWidth: legend.maxTextWidth) }
        let textWidth = wrapped.flatMap { $0 }.map { TextMetrics.width($0, fontSize: f) }.max() ?? 0
        let columnWidth = (sampleWidth + Self.sampleGap + textWidth).rounded(.up)
        let available = max(width - 2 * legend.margin, columnWidth)
        let columns = max(1, min(legend.entries.count, Int((available + Self.columnGap) / (columnWidth + Self.columnGap))))
        let x0 = legend.margin

        let titleBold = TextMetrics.width(legend.title, fontSize: f, bold: true)
        var y = top + Self.rowGap
        title = PlacedText(text: legend.title, marker: "", x: x0, y: LayeredLayout.baseline(lineTop: y, lineHeight, f),
                           width: titleBold, fontSize: f, anchor: .start, kind: .label)
        y += lineHeight + Self.rowGap
        var items: [Item] = []
        var i = 0
        while i < legend.entries.count {
            let row = i..<min(i + columns, legend.entries.count)
            let rowHeight = row.map { max(samples[$0].height, Double(wrapped[$0].count) * lineHeight) }.max() ?? 0
            for (column, k) in row.enumerated() {
                let left = x0 + Double(column) * (columnWidth + Self.columnGap)
                let sample = Rect(x: left + (sampleWidth - samples[k].width) / 2, y: y + (rowHeight - samples[k].height) / 2,
                                  width: samples[k].width, height: samples[k].height)
                var lineTop = y + (rowHeight - Double(wrapped[k].count) * lineHeight) / 2
                var lines: [PlacedText] = []
                for line in wrapped[k] {
                    lines.append(PlacedText(text: line, marker: "", x: left + sampleWidth + Self.sampleGap,
                                            y: LayeredLayout.baseline(lineTop: lineTop, lineHeight, f),
                                            width: TextMetrics.width(line, fontSize: f), fontSize: f, anchor: .start, kind: .label))
                    lineTop += lineHeight
                }
                items.append(Item(symbol: legend.entries[k].symbol, sample: sample, lines: lines))
            }
            y += rowHeight + Self.rowGap
            i = row.upperBound
        }
        let gridWidth = Double(columns) * columnWidth + Double(columns - 1) * Self.columnGap
        let noteWidth = max(available, gridWidth)
        var notes: [PlacedText] = []
        for note in legend.notes {
            for line in TextMetrics.wrap(note, fontSize: f, maxWidth: noteWidth) {
                notes.append(PlacedText(text: line, marker: "", x: x0, y: LayeredLayout.baseline(lineTop: y, lineHeight, f),
                                        width: TextMetrics.width(line, fontSize: f), fontSize: f, anchor: .start, kind: .label))
                y += lineHeight
            }
            y += Self.rowGap / 2
        }
        self.items = items
        self.notes = notes
        let contentWidth = max(gridWidth, titleBold, notes.map(\.width).max() ?? 0)
        bounds = Rect(x: x0, y: top, width: contentWidth.rounded(.up), height: (y - top).rounded(.up))
    }

    /// The size a sample takes; nodes as small boxes, edges as a short arrow.
    static func sampleSize(_ symbol: LegendEntry.Symbol, fontSize: Double) -> (width: Double, height: Double) {
        switch symbol {
        case .edge: return (56, 12)
        case .node(_, let tag):
            guard let tag, !tag.isEmpty else { return (44, 24) }
            let band = tagBandHeight
            return (max(44, (TextMetrics.width(tag, fontSize: tagFontSize, bold: true) + 12).rounded(.up)), band + 14)
        case .glyph(let glyph): return (TextMetrics.width(glyph, fontSize: fontSize).rounded(.up), fontSize * 1.05)
        }
    }

    /// The same band height as `LayeredLayout.measure` gives a tag at the default options.
    static let tagBandHeight = (tagFontSize * 1.25 + 4).rounded(.up)
}
