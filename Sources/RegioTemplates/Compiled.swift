/// The compiled form of a template: parsed once, immutable, shared by every render.
/// Node boundaries mirror swift-mustache's tokens exactly, because partial indentation is
/// decided per token (see `Renderer`).
enum Node: Sendable {
    case text([UInt8])
    /// `{{x}}` (escaped) or `{{{x}}}` / `{{&x}}`. `site` indexes `TemplateLibrary.sites`, for problems.
    case variable(Ref, escaped: Bool, site: Int)
    case section(Ref, Body)
    case inverted(Ref, Body)
    /// `{{$name}}default{{/name}}` outside a parent tag: the override if one is inherited, else the default.
    case block(name: String, default: Body, indentation: [UInt8])
    /// `{{>name}}` (overrides nil) or `{{<name}}…{{/name}}` (overrides set). `indentation` nil
    /// for a partial that is not alone on its line.
    case partial(index: Int, indentation: [UInt8]?, overrides: [String: Body]?)
    /// `{{$name}}…{{/name}}` directly inside a parent tag; collected by the parser, never rendered.
    case blockDefinition(name: String, Body)
}

/// A node list plus its raw source text (what a lambda section receives).
final class Body: Sendable {
    let nodes: [Node]
    let raw: String

    init(nodes: [Node], raw: String) {
        self.nodes = nodes
        self.raw = raw
    }
}

/// A name as resolved at render time, pre-split so rendering never parses.
struct Ref: Sendable {
    enum Path: Sendable {
        /// `{{.}}` (and the degenerate `{{}}`): the top frame.
        case current
        /// `{{first()}}` etc.: the position in the innermost list section.
        case sequence
        /// `{{.a.b}}`: only the top frame, no climbing.
        case top([String])
        /// `{{a.b}}`: `a` looked up the stack, `b` inside it.
        case stack(first: String, rest: [String])
    }

    let path: Path
    /// In application order (innermost first): `lowercased(reversed(x))` is `[.reversed, .lowercased]`.
    let functions: [Function]
}

