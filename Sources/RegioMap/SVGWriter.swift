import Foundation

/// Options for `SVGWriter`.
public struct SVGOptions: Sendable {
    /// Accessible name of the drawing (`<title>`).
    public var title: String
    /// Accessible description (`<desc>`), e.g. a one-sentence summary of the map.
    public var description: String
    /// Link target per node id; nil leaves the node unlinked.
    public var href: @Sendable (String) -> String?
    /// Extra CSS classes per node id, drawn as `styles` says.
    public var nodeClasses: [String: [String]]
    /// Extra CSS classes per edge (matched on `from` and `to`), drawn as `edgeStyles` says.
    public var edgeClasses: [MapEdge: [String]]
    /// Presentation per node class. The default draws "emphasis" with a thick border, "dim" as a
    /// grey box and "new" with a dashed border; add to it rather than replace it to keep those.
    public var styles: [String: Presentation]
    /// Presentation per edge class (kept apart from the nodes', so one class name such as
    /// "example" can mean the same on both and still be drawn as suits each).
    public var edgeStyles: [String: Presentation]
    /// Drawn below the graph; nil draws none.
    public var legend: Legend?
    /// Prefix of every `id` in the SVG, so several maps can share one page.
    public var idPrefix: String
    /// Font stack; the width table in the layout assumes Helvetica/Arial metrics.
    public var fontFamily: String
    /// Font size of annotation markers, when they should be drawn larger than their text (glyphs
    /// such as ◑ come from fallback fonts and are hard to tell apart at 12 px). The layout measured
    /// them at the annotation size: keep the increase within the box padding.
    public var markerFontSize: Double?

    public static let defaultStyles: [String: Presentation] = [
        "dim": Presentation(fill: Palette.dimFill, stroke: Palette.dimStroke),
        "emphasis": Presentation(stroke: Palette.emphasis, strokeWidth: 3),
        "new": Presentation(dashArray: "6 3"),
    ]

    public init(
        title: String = "",
        description: String = "",
        href: @escaping @Sendable (String) -> String? = { _ in nil },
        nodeClasses: [String: [String]] = [:],
        edgeClasses: [MapEdge: [String]] = [:],
        styles: [String: Presentation] = SVGOptions.defaultStyles,
        edgeStyles: [String: Presentation] = [:],
        legend: Legend? = nil,
        idPrefix: String = "regiomap-",
        fontFamily: String = "Helvetica, Arial, 'Liberation Sans', sans-serif",
        markerFontSize: Double? = nil
    ) {
        self.title = title
        self.description = description
        self.href = href
        self.nodeClasses = nodeClasses
        self.edgeClasses = edgeClasses
        self.styles = styles
        self.edgeStyles = edgeStyles
        self.legend = legend
        self.idPrefix = idPrefix
        self.fontFamily = fontFamily
        self.markerFontSize = markerFontSize
    }
}

/// Colours with at least 7:1 contrast for text on its background, and print-friendly light fills.
enum Palette {
    static let text = "#111111"
    static let annotation = "#333333"
    static let marker = "#1d3557"
    static let nodeFill = "#ffffff"
    static let nodeStroke = "#1d3557"
    static let edge = "#4a5866"
    static let clusterFill = "#eef2f7"
    static let clusterStroke = "#c9d3de"
    static let clusterText = "#1d3557"
    static let dimFill = "#f2f2f2"
    static let dimStroke = "#9aa3ad"
    static let emphasis = "#9e1b32"
    static let tagBand = "#e3e7ec"
    static let rule = "#c9d3de"
}

/// Writes a `MapLayout` as a standalone SVG document (also fine inline in HTML).
///
/// Markup contract read by other tools: root `svg` with `role="graphics-document"` (not `img`: an image role may not contain links) and `aria-labelledby` pointing at
/// the first children `title` and `desc`; `g.cluster[data-cluster]` backgrounds first; then
/// `path.edge[data-from][data-to]` in the original edge direction with absolute M/L/C commands
/// (plus the edge's classes); then `g.node[data-id]` (plus the node's classes, and `data-cluster`
/// when the node has one, for theme styling), optionally wrapping an `a[href]` around its `rect`,
/// a `path.tag-band` and `text.tag` when the node has a tag, and its `text` lines; last, when
/// asked for, `g.legend` below all of these (its samples are not `.edge` or `.node`). Numbers
/// have at most one decimal and no locale, so the output is byte-identical for identical input.
public enum SVGWriter {
    /// `graph` is the graph that was laid out; it supplies each node's cluster.
    public static func svg(_ layout: MapLayout, graph: MapGraph, options: SVGOptions) -> String {
        let p = options.idPrefix
        var clusterOf = [String: String]()
        for node in graph.nodes where clusterOf[node.id] == nil { clusterOf[node.id] = node.cluster }
        let legend = options.legend.map { LegendLayout($0, top: layout.height, width: layout.width) }
        let margin = options.legend?.margin ?? 0
        let width = max(layout.width, legend.map { $0.bounds.maxX + margin } ?? 0)
        let height = legend.map { $0.bounds.maxY + margin } ?? layout.height
        let edgeStyles = layout.edges.map { presentation(options.edgeClasses[MapEdge(from: $0.from, to: $0.to)] ?? [], base: edgeBase, options.edgeStyles) }
        var heads = Set(edgeStyles.compactMap(\.arrowHead))
        for item in legend?.items ?? [] {
            if case .edge(let classes) = item.symbol, let head = presentation(classes, base: edgeBase, options.edgeStyles).arrowHead { heads.insert(head) }
        }

        var out = ""
        out.reserveCapacity(256 * (layout.nodes.count + layout.edges.count) + 1024)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(width)) \(num(height))\""
        out += " width=\"\(num(width))\" height=\"\(num(height))\" role=\"graphics-document\""
        out += " aria-labelledby=\"\(attr(p))title \(attr(p))desc\" class=\"regiomap\""
        out += " font-family=\"\(attr(options.fontFamily))\">\n"
        out += "<title id=\"\(attr(p))title\">\(text(options.title))</title>\n"
        out += "<desc id=\"\(attr(p))desc\">\(text(options.description))</desc>\n"
        out += "<defs>"
        for head in ArrowHead.allCases where head == .filled || heads.contains(head) { out += markerDef(head, prefix: p) }
        out += "</defs>\n"

        for (name, rect) in layout.clusters.sorted(by: { ($0.value.x, $0.key) < ($1.value.x, $1.key) }) {
            out += "<g class=\"cluster\" data-cluster=\"\(attr(name))\">"
            out += "<rect x=\"\(num(rect.x))\" y=\"\(num(rect.y))\" width=\"\(num(rect.width))\" height=\"\(num(rect.height))\""
            out += " rx=\"6\" fill=\"\(Palette.clusterFill)\" stroke=\"\(Palette.clusterStroke)\"/>"
            if let style = graph.clusterStyles[name] {
                // A band across the top, inside the rounded corners, and the icon centred above the title.
                out += "<rect class=\"cluster-band\" x=\"\(num(rect.x + 3))\" y=\"\(num(rect.y + 1))\" width=\"\(num(rect.width - 6))\" height=\"5\" rx=\"2\" fill=\"\(attr(style.colour))\"/>"
                if let icon = style.icon {
                    let size = LayeredLayout.clusterIconSize
                    let x = rect.midX - size / 2, y = rect.y + 10
                    // The scale is an exact binary fraction (20/16), so its description is stable.
                    out += "<path class=\"cluster-icon\" aria-hidden=\"true\" transform=\"translate(\(num(x)) \(num(y))) scale(\(size / 16))\""
                    out += " d=\"\(attr(icon))\" fill=\"none\" stroke=\"\(attr(style.colour))\" stroke-width=\"1.6\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
                }
            }
            out += textElement(layout.clusterTexts[name] ?? [], className: "cluster-title", fill: Palette.clusterText, bold: true)
            out += "</g>\n"
        }

        for (edge, style) in zip(layout.edges, edgeStyles) {
            let extra = options.edgeClasses[MapEdge(from: edge.from, to: edge.to)] ?? []
            out += "<path class=\"\(classList("edge", extra))\" data-from=\"\(attr(edge.from))\" data-to=\"\(attr(edge.to))\""
            out += " d=\"\(pathData(edge.path))\"\(edgeAttributes(style, prefix: p))/>\n"
        }

        for node in layout.orderedNodes {
            let extra = options.nodeClasses[node.id] ?? []
            out += "<g class=\"\(classList("node", extra))\" data-id=\"\(attr(node.id))\""
            if let cluster = clusterOf[node.id] { out += " data-cluster=\"\(attr(cluster))\"" }
            out += ">"
            let link = options.href(node.id)
            if let link { out += "<a href=\"\(attr(link))\">" }
            out += box(node.rect, presentation(extra, base: nodeBase, options.styles), tagBand: node.tagBandHeight)
            out += tagText(node.texts.first { $0.kind == .tag })
            out += textElement(node.texts.filter { $0.kind == .label }, className: "label", fill: Palette.text, bold: false)
            for line in node.texts where line.kind == .annotation {
                out += "<text class=\"annotation\" x=\"\(num(line.x))\" y=\"\(num(line.y))\" font-size=\"\(num(line.fontSize))\""
                out += " fill=\"\(Palette.annotation)\">"
                if !line.marker.isEmpty {
                    // A no-break space survives whitespace collapsing at the tspan boundary.
                    let marker = text(line.marker).replacingOccurrences(of: " ", with: "\u{00A0}")
                    let size = options.markerFontSize.map { " font-size=\"\(num($0))\"" } ?? ""
                    out += "<tspan class=\"marker\" aria-hidden=\"true\" fill=\"\(Palette.marker)\"\(size)>\(marker)</tspan>"
                }
                out += "\(text(line.text))</text>"
            }
            if link != nil { out += "</a>" }
            out += "</g>\n"
        }
        if let legend, let fontSize = options.legend?.fontSize { out += legendElement(legend, width: width, fontSize: fontSize, options: options) }
        out += "</svg>\n"
        return out
    }

    private static let nodeBase = Presentation(fill: Palette.nodeFill, stroke: Palette.nodeStroke, strokeWidth: 1.5)
    private static let edgeBase = Presentation(fill: "none", stroke: Palette.edge, strokeWidth: 1.5, arrowHead: .filled)

    /// `base` with the presentation of each class applied in order.
    private static func presentation(_ classes: [String], base: Presentation, _ styles: [String: Presentation]) -> Presentation {
        classes.reduce(base) { result, name in styles[name].map(result.applying) ?? result }
    }

    private static func classList(_ kind: String, _ extra: [String]) -> String {
        ([kind] + extra).map(attr).joined(separator: " ")
    }

    private static func edgeAttributes(_ style: Presentation, prefix: String) -> String {
        var s = " fill=\"none\" stroke=\"\(attr(style.stroke ?? Palette.edge))\" stroke-width=\"\(num(style.strokeWidth ?? 1.5))\""
        if let dash = style.dashArray { s += " stroke-dasharray=\"\(attr(dash))\"" }
        return s + " marker-end=\"url(#\(attr(markerID(style.arrowHead ?? .filled, prefix: prefix))))\""
    }

    private static func markerID(_ head: ArrowHead, prefix: String) -> String {
        head == .filled ? prefix + "arrow" : prefix + "arrow-" + head.rawValue
    }

    /// Arrow heads in the edge colour; the open and hollow ones a little larger so their shape reads.
    private static func markerDef(_ head: ArrowHead, prefix: String) -> String {
        let size = head == .filled ? "7" : "9"
        var s = "<marker id=\"\(attr(markerID(head, prefix: prefix)))\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"\(size)\""
        s += " markerHeight=\"\(size)\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
        switch head {
        case .filled: s += "<path d=\"M 0 0 L 10 5 L 0 10 Z\" fill=\"\(Palette.edge)\"/>"
        case .open: s += "<path d=\"M 1 1 L 9 5 L 1 9\" fill=\"none\" stroke=\"\(Palette.edge)\" stroke-width=\"1.8\"/>"
        case .hollow: s += "<path d=\"M 1 1 L 9.5 5 L 1 9 Z\" fill=\"#ffffff\" stroke=\"\(Palette.edge)\" stroke-width=\"1.5\"/>"
        }
        return s + "</marker>"
    }

    /// A node's box, and the band its tag sits in (inside the border, so the border stays whole).
    private static func box(_ r: Rect, _ style: Presentation, tagBand: Double) -> String {
        let strokeWidth = style.strokeWidth ?? 1.5
        var s = "<rect x=\"\(num(r.x))\" y=\"\(num(r.y))\" width=\"\(num(r.width))\" height=\"\(num(r.height))\" rx=\"4\""
        s += " fill=\"\(attr(style.fill ?? Palette.nodeFill))\" stroke=\"\(attr(style.stroke ?? Palette.nodeStroke))\" stroke-width=\"\(num(strokeWidth))\""
        if let dash = style.dashArray { s += " stroke-dasharray=\"\(attr(dash))\"" }
        s += "/>"
        guard tagBand > 0 else { return s }
        let i = strokeWidth / 2, rx = max(0, 4 - i)
        let left = r.x + i, right = r.maxX - i, top = r.y + i, bottom = r.y + tagBand
        s += "<path class=\"tag-band\" d=\"M \(num(left)) \(num(bottom)) V \(num(top + rx)) A \(num(rx)) \(num(rx)) 0 0 1 \(num(left + rx)) \(num(top))"
        s += " H \(num(right - rx)) A \(num(rx)) \(num(rx)) 0 0 1 \(num(right)) \(num(top + rx)) V \(num(bottom)) Z\" fill=\"\(Palette.tagBand)\"/>"
        return s
    }

    private static func tagText(_ line: PlacedText?) -> String {
        guard let line else { return "" }
        return "<text class=\"tag\" x=\"\(num(line.x))\" y=\"\(num(line.y))\" font-size=\"\(num(line.fontSize))\" font-weight=\"bold\""
            + " fill=\"\(Palette.text)\">\(text(line.text))</text>"
    }

    /// The legend: a rule, a title, each entry's sample drawn like what it explains, its text, and notes.
    private static func legendElement(_ legend: LegendLayout, width: Double, fontSize: Double, options: SVGOptions) -> String {
        let b = legend.bounds
        var out = "<g class=\"legend\">"
        out += "<path class=\"legend-rule\" d=\"M \(num(b.x)) \(num(b.y)) L \(num(width - b.x)) \(num(b.y))\" stroke=\"\(Palette.rule)\" stroke-width=\"1\"/>"
        out += textElement([legend.title], className: "legend-title", fill: Palette.text, bold: true)
        for item in legend.items {
            let r = item.sample
            switch item.symbol {
            case .edge(let classes):
                let style = presentation(classes, base: edgeBase, options.edgeStyles)
                out += "<path class=\"\(classList("legend-sample", classes))\" d=\"M \(num(r.x)) \(num(r.midY)) L \(num(r.maxX)) \(num(r.midY))\""
                out += "\(edgeAttributes(style, prefix: options.idPrefix))/>"
            case .node(let classes, let tag):
                let band = (tag?.isEmpty ?? true) ? 0 : LegendLayout.tagBandHeight
                out += "<g class=\"\(classList("legend-sample", classes))\">"
                out += box(r, presentation(classes, base: nodeBase, options.styles), tagBand: band)
                if let tag, band > 0 {
                    let f = LegendLayout.tagFontSize, lineHeight = f * 1.25
                    out += tagText(PlacedText(text: tag, marker: "", x: r.x + 6,
                                              y: LayeredLayout.baseline(lineTop: r.y + (band - lineHeight) / 2, lineHeight, f),
                                              width: 0, fontSize: f, anchor: .start, kind: .tag))
                }
                out += "</g>"
            case .glyph(let glyph):
                out += "<text class=\"legend-sample\" x=\"\(num(r.x))\" y=\"\(num(r.y + 0.8 * fontSize))\" font-size=\"\(num(fontSize))\""
                out += " fill=\"\(Palette.marker)\" aria-hidden=\"true\">\(text(glyph))</text>"
            }
            out += textElement(item.lines, className: "legend-text", fill: Palette.text, bold: false)
        }
        out += textElement(legend.notes, className: "legend-note", fill: Palette.annotation, bold: false)
        return out + "</g>\n"
    }

    /// One `<text>` with a `<tspan>` per line (all lines share font size and anchor).
    private static func textElement(_ lines: [PlacedText], className: String, fill: String, bold: Bool) -> String {
        guard let first = lines.first else { return "" }
        var s = "<text class=\"\(className)\" x=\"\(num(first.x))\" y=\"\(num(first.y))\" font-size=\"\(num(first.fontSize))\""
        if first.anchor == .middle { s += " text-anchor=\"middle\"" }
        if bold { s += " font-weight=\"bold\"" }
        s += " fill=\"\(fill)\">"
        // A space between the lines: without it, the text a screen reader reads (the link's name)
        // glues the last word of one line to the first of the next ("allevervoerswijzen").
        s += lines.map { "<tspan x=\"\(num($0.x))\" y=\"\(num($0.y))\">\(text($0.text))</tspan>" }.joined(separator: " ")
        return s + "</text>"
    }

    /// SVG path data with absolute commands only.
    static func pathData(_ path: [PathSegment]) -> String {
        var parts: [String] = []
        for segment in path {
            switch segment {
            case .moveTo(let p): parts.append("M \(num(p.x)) \(num(p.y))")
            case .lineTo(let p): parts.append("L \(num(p.x)) \(num(p.y))")
            case .cubicTo(let a, let b, let p):
                parts.append("C \(num(a.x)) \(num(a.y)) \(num(b.x)) \(num(b.y)) \(num(p.x)) \(num(p.y))")
            }
        }
        return parts.joined(separator: " ")
    }

    /// At most one decimal, no exponent, no locale, no "-0".
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let magnitude = tenths.magnitude
        let body = magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)"
        return tenths < 0 ? "-" + body : body
    }

    /// Escapes character data; drops characters XML 1.0 does not allow.
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func attr(_ s: String) -> String { text(s) }
}
