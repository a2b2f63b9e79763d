import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A heading found in a Markdown document, with the anchor id it was rendered with.
public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    /// 1-based line in the source given to ``Markdown/render(_:options:)``, shifted by `lineOffset`.
    public var line: Int
    public var column: Int
}

/// A link or image destination as the author wrote it, with its position.
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    /// For images, the alt text (the image's inline content as plain text); for links, the link text.
    public var text: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}

/// The result of parsing and rendering one Markdown document.
public struct RenderedMarkdown: Sendable, Hashable {
    /// HTML fragment, rendered with cmark's safe defaults: raw HTML is omitted and
    /// `javascript:`, `vbscript:`, `file:` and most `data:` URLs are emptied.
    public var html: String
    public var headings: [MarkdownHeading]
    public var links: [MarkdownLink]
    /// The document's text without markup, for search indexes and descriptions.
    public var plainText: String

    public var images: [MarkdownLink] { links.filter(\.isImage) }

    public init(html: String, headings: [MarkdownHeading], links: [MarkdownLink], plainText: String) {
        self.html = html
        self.headings = headings
        self.links = links
        self.plainText = plainText
    }

    /// A document with no content (for data files without prose).
    public static let empty = RenderedMarkdown(html: "", headings: [], links: [], plainText: "")
}

public struct MarkdownOptions: Sendable {
    /// Typographic quotes and dashes.
    public var smartPunctuation = true
    /// Added to every reported line, so positions point into the whole file when the
    /// Markdown body follows front matter.
    public var lineOffset = 0
    /// Applied to every link and image destination before rendering (for example to
    /// prefix a deployment sub-path). The original destination is still reported.
    public var rewriteDestination: (@Sendable (String) -> String)?
    /// Ids the page around the document already uses (`inhoud` of `<main id="inhoud">`): a
    /// heading never gets one of them, but the next free one (`inhoud-2`).
    public var reservedAnchors: Set<String> = []

    public init(smartPunctuation: Bool = true, lineOffset: Int = 0,
                rewriteDestination: (@Sendable (String) -> String)? = nil, reservedAnchors: Set<String> = []) {
        self.smartPunctuation = smartPunctuation
        self.lineOffset = lineOffset
        self.rewriteDestination = rewriteDestination
        self.reservedAnchors = reservedAnchors
    }
}

public enum Markdown {
    /// Parses `source` once, walks the tree to collect headings, links and images, gives
    /// every heading a stable id, and renders HTML. All cmark memory is released before
    /// returning.
    public static func render(_ source: String, options: MarkdownOptions = .init()) -> RenderedMarkdown {
        render(source, options: options, memory: nil)
    }

    /// `memory` replaces cmark's allocator for everything this call allocates; tests pass a
    /// counting allocator to prove that every allocation is released.
    static func render(_ source: String, options: MarkdownOptions, memory: UnsafeMutablePointer<cmark_mem>?) -> RenderedMarkdown {
        var cmarkOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }

        guard let parser = memory.map({ cmark_parser_new_with_mem(cmarkOptions, $0) }) ?? cmark_parser_new(cmarkOptions) else {
            return .empty
        }
        // The whole text, by its length: a C string would end at the first NUL byte and drop
        // the rest of the page without a word (cmark itself turns NUL into U+FFFD).
        var text = source
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let document else { return .empty }
        defer { cmark_node_free(document) }

        var collector = Collector(options: options, memory: memory)
        collector.walk(document)
        collector.replaceHeadings()

        // SOURCEPOS only served the walk; the rendered HTML must not carry data-sourcepos.
        let renderOptions = options.smartPunctuation ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT
        guard let rendered = cmark_render_html(document, renderOptions) else {
            return RenderedMarkdown(html: "", headings: collector.headings, links: collector.links,
                                    plainText: collector.plainText)
        }
        // The HTML is allocated with the document's allocator; release it with the same one.
        defer { if let memory { memory.pointee.free(rendered) } else { free(rendered) } }
        return RenderedMarkdown(
            html: String(cString: rendered),
            headings: collector.headings,
            links: collector.links,
            plainText: collector.plainText
        )
    }
}

/// One iterative pass over the tree (no recursion, so 10,000-deep nesting cannot
/// exhaust the stack).
private struct Collector {
    let options: MarkdownOptions
    let memory: UnsafeMutablePointer<cmark_mem>?
    var headings: [MarkdownHeading] = []
    var links: [MarkdownLink] = []
    var plainText = ""
    private var headingNodes: [OpaquePointer] = []
    private var anchors = AnchorSet()

    init(options: MarkdownOptions, memory: UnsafeMutablePointer<cmark_mem>?) {
        self.options = options
        self.memory = memory
        anchors = AnchorSet(reserved: options.reservedAnchors)
    }

    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_HEADING where entering:
                let text = Self.text(of: node)
                headings.append(MarkdownHeading(
                    level: Int(cmark_node_get_heading_level(node)),
                    text: text,
                    id: anchors.claim(Slug.anchor(text)),
                    line: Int(cmark_node_get_start_line(node)) + options.lineOffset,
                    column: Int(cmark_node_get_start_column(node))
                ))
                headingNodes.append(node)
            case CMARK_NODE_LINK where entering, CMARK_NODE_IMAGE where entering:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(MarkdownLink(
                    destination: destination,
                    text: Self.text(of: node),
                    isImage: type == CMARK_NODE_IMAGE,
                    line: Int(cmark_node_get_start_line(node)) + options.lineOffset,
                    column: Int(cmark_node_get_start_column(node))
                ))
                if let rewrite = options.rewriteDestination {
                    let rewritten = rewrite(destination)
                    if rewritten != destination { _ = cmark_node_set_url(node, rewritten) }
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { plainText += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                plainText += " "
            case CMARK_NODE_PARAGRAPH where !entering, CMARK_NODE_HEADING where !entering,
                 CMARK_NODE_ITEM where !entering, CMARK_NODE_CODE_BLOCK:
                if type == CMARK_NODE_CODE_BLOCK, let literal = cmark_node_get_literal(node) {
                    plainText += String(cString: literal)
                }
                if !plainText.isEmpty, plainText.last != "\n" { plainText += "\n" }
            default:
                break
            }
        }
    }

    /// cmark renders headings without ids; a custom block that wraps the heading's inline
    /// children renders the same markup with the anchor. Done after the walk so the
    /// iterator never sees a mutated tree.
    mutating func replaceHeadings() {
        for (node, heading) in zip(headingNodes, headings) {
            let made = memory.map { cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, $0) } ?? cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            guard let wrapper = made else { continue }
            _ = cmark_node_set_on_enter(wrapper, "<h\(heading.level) id=\"\(heading.id)\">")
            _ = cmark_node_set_on_exit(wrapper, "</h\(heading.level)>")
            while let child = cmark_node_first_child(node) {
                _ = cmark_node_append_child(wrapper, child)
            }
            _ = cmark_node_insert_before(node, wrapper)
            cmark_node_free(node)
        }
        headingNodes.removeAll()
    }

    /// The plain text of a node's inline content.
    static func text(of node: OpaquePointer) -> String {
        var result = ""
        guard let iterator = cmark_iter_new(node) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { result += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                result += " "
            default:
                break
            }
        }
        return result
    }
}

/// Hands out unique anchors within one document: `doel`, `doel-2`, `doel-3`.
struct AnchorSet {
    private var used: [String: Int] = [:]

    init(reserved: Set<String> = []) {
        for id in reserved { used[id] = 1 }
    }

    mutating func claim(_ base: String) -> String {
        let base = base.isEmpty ? "sectie" : base
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var next = count + 1
        while used["\(base)-\(next)"] != nil { next += 1 }
        used[base] = next
        used["\(base)-\(next)"] = 1
        return "\(base)-\(next)"
    }
}
