import Foundation

/// Options for `SVGWriter`.
public struct SVGOptions: Sendable {
    /// Accessible name of the drawing (`<title>`).
    public var title: String
    /// Accessible description (`<desc>`), e.g. a one-sentence summary of the map.
    public var description: String
    /// Link target per node id; nil leaves the node unlinked.
    public var href: @Sendable (String) -> String?
    /// Extra CSS classes per node id. "emphasis", "dim" and "new" also get default presentation
    /// attributes (thick border, grey box, dashed border) that a stylesheet may override.
    public var nodeClasses: [String: [String]]
    /// Prefix of every `id` in the SVG, so several maps can share one page.
    public var idPrefix: String
    /// Font stack; the width table in the layout assumes Helvetica/Arial metrics.
    public var fontFamily: String

    public init(
        title: String = "",
        description: String = "",
        href: @escaping @Sendable (String) -> String? = { _ in nil },
        nodeClasses: [String: [String]] = [:],
        idPrefix: String = "regiomap-",
        fontFamily: String = "Helvetica, Arial, 'Liberation Sans', sans-serif"
    ) {
        self.title = title
        self.description = description
        self.href = href
        self.nodeClasses = nodeClasses
        self.idPrefix = idPrefix
        self.fontFamily = fontFamily
    }
}

/// Writes a `MapLayout` as a standalone SVG document (also fine inline in HTML).
///
/// Markup contract read by other tools: root `svg` with `role="graphics-document"` (not `img`: an image role may not contain links) and `aria-labelledby` pointing at
/// the first children `title` and `desc`; `g.cluster[data-cluster]` backgrounds first; then
/// `path.edge[data-from][data-to]` in the original edge direction with absolute M/L/C commands; then
/// `g.node[data-id]` (plus `data-cluster` when the node has one, for theme styling), optionally
/// wrapping an `a[href]` around its `rect` and `text` lines. Numbers have at most one decimal and no
/// locale, so the output is byte-identical for identical input.
public enum SVGWriter {
    /// `graph` is the graph that was laid out; it supplies each node's cluster.
    public static func svg(_ layout: MapLayout, graph: MapGraph, options: SVGOptions) -> String {
        let p = options.idPrefix
        var clusterOf = [String: String]()
        for node in graph.nodes where clusterOf[node.id] == nil { clusterOf[node.id] = node.cluster }
        var out = ""
        out.reserveCapacity(256 * (layout.nodes.count + layout.edges.count) + 1024)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(layout.width)) \(num(layout.height))\""
        out += " width=\"\(num(layout.width))\" height=\"\(num(layout.height))\" role=\"graphics-document\""
        out += " aria-labelledby=\"\(attr(p))title \(attr(p))desc\" class=\"regiomap\""
        out += " font-family=\"\(attr(options.fontFamily))\">\n"
        out += "<title id=\"\(attr(p))title\">\(text(options.title))</title>\n"
        out += "<desc id=\"\(attr(p))desc\">\(text(options.description))</desc>\n"
        out += "<defs><marker id=\"\(attr(p))arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
        out += " markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
        out += "<path d=\"M 0 0 L 10 5 L 0 10 Z\" fill=\"\(Palette.edge)\"/></marker></defs>\n"

        for (name, rect) in layout.clusters.sorted(by: { ($0.value.x, $0.key) < ($1.value.x, $1.key) }) {
            out += "<g class=\"cluster\" data-cluster=\"\(attr(name))\">"
            out += "<rect x=\"\(num(rect.x))\" y=\"\(num(rect.y))\" width=\"\(num(rect.width))\" height=\"\(num(rect.height))\""
            out += " rx=\"6\" fill=\"\(Palette.clusterFill)\" stroke=\"\(Palette.clusterStroke)\"/>"
            out += textElement(layout.clusterTexts[name] ?? [], className: "cluster-title", fill: Palette.clusterText, bold: true)
            out += "</g>\n"
        }

        for edge in layout.edges {
            out += "<path class=\"edge\" data-from=\"\(attr(edge.from))\" data-to=\"\(attr(edge.to))\" d=\"\(pathData(edge.path))\""
            out += " fill=\"none\" stroke=\"\(Palette.edge)\" stroke-width=\"1.5\" marker-end=\"url(#\(attr(p))arrow)\"/>\n"
        }

        for node in layout.orderedNodes {
            let extra = options.nodeClasses[node.id] ?? []
            let classes = (["node"] + extra).map(attr).joined(separator: " ")
            out += "<g class=\"\(classes)\" data-id=\"\(attr(node.id))\""
            if let cluster = clusterOf[node.id] { out += " data-cluster=\"\(attr(cluster))\"" }
            out += ">"
            let link = options.href(node.id)
            if let link { out += "<a href=\"\(attr(link))\">" }
            var fill = Palette.nodeFill
            var stroke = Palette.nodeStroke
            var strokeWidth = "1.5"
            var dash = ""
            if extra.contains("dim") {
                fill = Palette.dimFill
                stroke = Palette.dimStroke
            }
            if extra.contains("emphasis") {
                stroke = Palette.emphasis
                strokeWidth = "3"
            }
            if extra.contains("new") { dash = " stroke-dasharray=\"6 3\"" }
            let r = node.rect
            out += "<rect x=\"\(num(r.x))\" y=\"\(num(r.y))\" width=\"\(num(r.width))\" height=\"\(num(r.height))\" rx=\"4\""
            out += " fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(strokeWidth)\"\(dash)/>"
            out += textElement(node.texts.filter { $0.kind == .label }, className: "label", fill: Palette.text, bold: false)
            for line in node.texts where line.kind == .annotation {
                out += "<text class=\"annotation\" x=\"\(num(line.x))\" y=\"\(num(line.y))\" font-size=\"\(num(line.fontSize))\""
                out += " fill=\"\(Palette.annotation)\">"
                if !line.marker.isEmpty {
                    // A no-break space survives whitespace collapsing at the tspan boundary.
                    let marker = text(line.marker).replacingOccurrences(of: " ", with: "\u{00A0}")
                    out += "<tspan class=\"marker\" aria-hidden=\"true\" fill=\"\(Palette.marker)\">\(marker)</tspan>"
                }
                out += "\(text(line.text))</text>"
            }
            if link != nil { out += "</a>" }
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// Colours with at least 7:1 contrast for text on its background, and print-friendly light fills.
    private enum Palette {
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
    }

    /// One `<text>` with a `<tspan>` per line (all lines share font size and anchor).
    private static func textElement(_ lines: [PlacedText], className: String, fill: String, bold: Bool) -> String {
        guard let first = lines.first else { return "" }
        var s = "<text class=\"\(className)\" x=\"\(num(first.x))\" y=\"\(num(first.y))\" font-size=\"\(num(first.fontSize))\""
        if first.anchor == .middle { s += " text-anchor=\"middle\"" }
        if bold { s += " font-weight=\"bold\"" }
        s += " fill=\"\(fill)\">"
        for line in lines { s += "<tspan x=\"\(num(line.x))\" y=\"\(num(line.y))\">\(text(line.text))</tspan>" }
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
