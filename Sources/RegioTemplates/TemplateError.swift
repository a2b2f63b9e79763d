/// A problem found while compiling a template library. Plain values, so the portal layer can
/// turn them into its own `file:line:col` diagnostics and hints.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Unclosed or mismatched section, unfinished tag, bad set-delimiter tag, a tag that may
        /// not stand inside `{{<parent}}`, or a construct this engine does not support.
        case syntax
        /// `{{> name}}` names a template that is not in the library (`name` holds it).
        case missingPartial
        /// `{{< name}}` names a template that is not in the library (`name` holds it).
        case missingParent
        /// `{{fn(x)}}` uses a function this engine does not define (`name` holds it).
        case unknownFunction
        /// A partial or parent tag on a cycle: the template includes itself, directly or through
        /// others (`name` holds the cycle, `a → b → a`). Rendering it would never end.
        case partialCycle
    }

    /// Template name as given to the library (`base`, `partials/footer`).
    public let template: String
    /// 1-based line in the template's own text.
    public let line: Int
    /// 1-based column, counted in characters (grapheme clusters), of the tag's opening delimiter.
    public let column: Int
    public let kind: Kind
    /// Short English message, without position.
    public let message: String
    /// The referenced partial, parent or function name, for "did you mean" hints.
    public let name: String?

    public init(template: String, line: Int, column: Int, kind: Kind, message: String, name: String? = nil) {
        self.template = template
        self.line = line
        self.column = column
        self.kind = kind
        self.message = message
        self.name = name
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }
}

/// Every problem of a library that failed to compile, sorted by template, line and column.
public struct TemplateLibraryError: Error, Sendable, CustomStringConvertible {
    public let errors: [TemplateError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// An interpolation whose name resolved nowhere while rendering (it rendered as nothing, as
/// Mustache requires). Reported so staff see typos such as `{{titl}}`.
public struct RenderProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The tag's name resolved nowhere.
        case missingName
        /// Partials and blocks nested deeper than ``TemplateLibrary/maxDepth``; `template` is the
        /// partial that was not entered (line 1, column 1), or the rendered template for a block.
        case tooDeep
    }

    public var kind: Kind = .missingName
    /// The template that contains the tag (a partial or parent, not necessarily the rendered one).
    public let template: String
    public let line: Int
    public let column: Int
    /// The tag's name as written, e.g. `page.titl` or `lowercased(label)`.
    public let name: String

    public init(template: String, line: Int, column: Int, name: String) {
        self.template = template
        self.line = line
        self.column = column
        self.name = name
    }

    public var description: String {
        kind == .tooDeep ? "\(template):\(line):\(column): nested more than \(TemplateLibrary.maxDepth) levels deep"
            : "\(template):\(line):\(column): \"\(name)\" is not in the data"
    }
}

/// What `TemplateLibrary.render` produces.
public struct RenderResult: Sendable {
    /// The rendered text as UTF-8 (always valid: templates and values are Swift strings).
    public let bytes: [UInt8]
    public var output: String { String(decoding: bytes, as: UTF8.self) }
    /// Unresolved interpolations, each tag once, in the order first met.
    public let problems: [RenderProblem]
}
