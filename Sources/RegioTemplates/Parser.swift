/// Turns one template's text into `Node`s. A line-by-line port of swift-mustache 2.1.1's
/// `Template+Parser.swift` (same token boundaries, same standalone and whitespace decisions,
/// same quirks), except that it collects every problem with its position instead of throwing
/// at the first, checks partial/parent/function names against the library, and treats a lone
/// start-delimiter character at the very end of a template as text (swift-mustache fails there).
struct TemplateParser {
    let name: String
    private let chars: [Character]
    private var pos = 0
    private let templateIndex: [String: Int]
    private let lineStarts: [Int]
    private(set) var errors: [TemplateError] = []
    /// The problem each interpolation of this template reports when its name resolves nowhere;
    /// `siteBase` makes their indices library-wide.
    private(set) var sites: [RenderProblem] = []
    private let siteBase: Int
    /// Every partial and parent tag that names an existing template, with its position: the
    /// library looks for cycles among them.
    private(set) var references: [(target: Int, line: Int, column: Int)] = []

    /// Unwinds the parse after a problem it cannot recover from.
    private struct Stop: Error {}

    init(name: String, text: String, templateIndex: [String: Int], siteBase: Int) {
        self.name = name
        self.chars = Array(text)
        self.templateIndex = templateIndex
        self.siteBase = siteBase
        var starts = [0]
        for (i, c) in chars.enumerated() where c == "\n" || c == "\r\n" { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// Parses the whole template; problems end up in `errors`.
    mutating func parse() -> Body {
        do {
            return try parseBody(ParseState(), openedAt: nil).body
        } catch {
            return Body(nodes: [], raw: "")
        }
    }

    // MARK: State

    private struct ParseState {
        var sectionName: String?
        var sectionFunctions: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool, functions: [String] = []) -> ParseState {
            var s = self
            s.sectionName = name
            s.sectionFunctions = functions
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func withInheritancePartial(_ name: String) -> ParseState {
            var s = self
            s.sectionName = name
            s.sectionFunctions = []
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }

        func withDelimiters(start: [Character], end: [Character]) -> ParseState {
            var s = self
            s.start = start
            s.end = end
            s.isPartialDefinitionTopLevel = false
            return s
        }
    }

    // MARK: Body

    private struct Parsed {
        var body: Body
        /// True when the body ended at its closing tag (false only for the top level).
        var closed: Bool
    }

    private mutating func parseBody(_ initial: ParseState, openedAt: Int?) throws(Stop) -> Parsed {
        var nodes: [Node] = []
        var state = initial
        var whiteSpaceBefore: ArraySlice<Character> = []
        let bodyStart = pos

        func appendText(_ text: [Character], to nodes: inout [Node]) {
            guard !text.isEmpty else { return }
            let bytes = Array(String(text).utf8)
            // Merging is safe only when the earlier text does not end a line: partial
            // indentation is decided at node boundaries that follow a newline.
            if case .text(let previous)? = nodes.last, previous.last != 0x0A {
                nodes[nodes.count - 1] = .text(previous + bytes)
            } else {
                nodes.append(.text(bytes))
            }
        }

        while pos < chars.count {
            if state.newLine {
                let wsStart = pos
                while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" { pos += 1 }
                let whiteSpace = chars[wsStart..<pos]
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent)
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let (text, tagStart) = readUntilDelimiterOrNewline(state)
            if current.isNewline {
                appendText(Array(whiteSpaceBefore) + Array(text) + [current], to: &nodes)
                state.newLine = true
                pos += 1
                continue
            }
            if !text.isEmpty {
                appendText(Array(whiteSpaceBefore) + Array(text), to: &nodes)
                whiteSpaceBefore = []
                state.newLine = false
            }
            guard let tagStart else { break }
            if pos >= chars.count {
                fail(at: tagStart, "a tag is not finished")
                break
            }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    appendText(Array(whiteSpaceBefore), to: &nodes)
                    whiteSpaceBefore = []
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                pos += 1
                guard let (name, functions) = try parseName(state, tagStart: tagStart) else { continue }
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let inner = try parseBody(state.withSectionName(name, newLine: setNewLine, functions: functions), openedAt: tagStart)
                let ref = makeRef(name, functions)
                nodes.append(inverted ? .inverted(ref, inner.body) : .section(ref, inner.body))

            case "/":
                // swift-mustache takes the section's raw text up to two characters before the
                // "/", which is the start of the tag for two-character delimiters.
                let rawEnd = max(bodyStart, pos - 2)
                pos += 1
                // Functions are checked at the opening tag only, so a typo is reported once.
                guard let (name, functions) = try parseName(state, tagStart: tagStart, checkFunctions: false) else { continue }
                if let open = state.sectionName {
                    if name != open || functions != state.sectionFunctions {
                        let opened = openedAt.map { " (opened on line \(position(of: $0).line))" } ?? ""
                        fail(at: tagStart, "a section is closed with the wrong name: {{/\(display(name, functions))}} closes {{#\(display(open, state.sectionFunctions))}}\(opened)")
                    }
                } else {
                    fail(at: tagStart, "{{/\(display(name, functions))}} closes a section that was never opened")
                    continue
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return Parsed(body: Body(nodes: nodes, raw: String(chars[bodyStart..<rawEnd])), closed: true)

            case "!":
                pos += 1
                try skipComment(state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                pos += 1
                guard let (name, functions) = try parseName(state, tagStart: tagStart) else { continue }
                if triple {
                    guard current == "}" else {
                        fail(at: tagStart, "a tag is not finished: {{{ needs }}}")
                        try recover(state)
                        continue
                    }
                    pos += 1
                }
                nodes.append(.variable(makeRef(name, functions), escaped: false, site: site(tagStart, display(name, functions))))

            case ">":
                pos += 1
                while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
                if current == "*" {
                    fail(at: tagStart, "dynamic partial names ({{>*name}}) are not supported")
                    try recover(state)
                    continue
                }
                guard let partialName = try parsePartialName(state, tagStart: tagStart) else { continue }
                let ws = whiteSpaceBefore
                flushWhiteSpace()
                let indentation: [UInt8]? = isStandalone(state) ? Array(String(ws).utf8) : nil
                if indentation != nil { setNewLine = true }
                nodes.append(.partial(index: resolve(partialName, kind: .missingPartial, at: tagStart), indentation: indentation, overrides: nil))
                whiteSpaceBefore = []

            case "<":
                pos += 1
                while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
                guard let sectionName = try parsePartialName(state, tagStart: tagStart) else { continue }
                if sectionName.first == "*" {
                    fail(at: tagStart, "dynamic parent names ({{<*name}}) are not supported")
                }
                let indentation = Array(String(whiteSpaceBefore).utf8)
                flushWhiteSpace()
                if isStandalone(state) { setNewLine = true }
                let inner = try parseBody(state.withInheritancePartial(sectionName), openedAt: tagStart)
                var overrides: [String: Body] = [:]
                for node in inner.body.nodes {
                    switch node {
                    case .blockDefinition(let blockName, let body): overrides[blockName] = body
                    case .text: break
                    default: break  // reported where the tag was parsed
                    }
                }
                nodes.append(.partial(index: resolve(sectionName, kind: .missingParent, at: tagStart), indentation: indentation, overrides: overrides))
                whiteSpaceBefore = []

            case "$":
                pos += 1
                guard let (name, functions) = try parseName(state, tagStart: tagStart) else { continue }
                if !functions.isEmpty {
                    fail(at: tagStart, "a function cannot be applied to an inheritance block")
                }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parseBody(state.withSectionName(name, newLine: setNewLine), openedAt: tagStart)
                    nodes.append(.blockDefinition(name: name, inner.body))
                } else {
                    let indentation = Array(String(whiteSpaceBefore).utf8)
                    flushWhiteSpace()
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parseBody(state.withSectionName(name, newLine: setNewLine), openedAt: tagStart)
                    nodes.append(.block(name: name, default: inner.body, indentation: indentation))
                    whiteSpaceBefore = []
                }

            case "=":
                pos += 1
                state = try parseSetDelimiter(state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case "%":
                fail(at: tagStart, "pragmas ({{%…}}) are not supported")
                try recover(state)
                continue

            default:
                flushWhiteSpace()
                guard let (name, functions) = try parseName(state, tagStart: tagStart) else { continue }
                nodes.append(.variable(makeRef(name, functions), escaped: true, site: site(tagStart, display(name, functions))))
            }
            // Inside `{{<parent}}` only block definitions count; text is ignored (as in swift-mustache).
            if initial.isPartialDefinitionTopLevel, let last = nodes.last {
                switch last {
                case .blockDefinition, .text: break
                default:
                    fail(at: tagStart, "only {{$block}} sections may stand inside {{<parent}}")
                    nodes.removeLast()
                }
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName, let openedAt {
            let tag = state.isPartialDefinitionTopLevel ? "{{<\(open)}}" : "{{#\(display(open, state.sectionFunctions))}}"
            fail(at: openedAt, "a section is not closed: \(tag) has no {{/\(open)}}")
        }
        return Parsed(body: Body(nodes: nodes, raw: String(chars[bodyStart..<pos])), closed: false)
    }

    // MARK: Pieces

    private var current: Character { pos < chars.count ? chars[pos] : "\0" }

    private func matches(_ s: [Character], at p: Int) -> Bool {
        guard p + s.count <= chars.count else { return false }
        for i in 0..<s.count where chars[p + i] != s[i] { return false }
        return true
    }

    /// Reads text up to a newline (not consumed) or a start delimiter (consumed; its position returned).
    private mutating func readUntilDelimiterOrNewline(_ state: ParseState) -> (ArraySlice<Character>, Int?) {
        let start = pos
        guard let first = state.start.first else { return ([], nil) }
        while pos < chars.count {
            let c = chars[pos]
            if c == "\n" || c == "\r\n" { return (chars[start..<pos], nil) }
            if c == first, matches(state.start, at: pos) {
                let text = chars[start..<pos]
                pos += state.start.count
                return (text, pos - state.start.count)
            }
            pos += 1
        }
        return (chars[start..<pos], nil)
    }

    private static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let nameCharsWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// A tag name and its functions (outermost first, as written); nil after a reported problem.
    private mutating func parseName(_ state: ParseState, tagStart: Int, checkFunctions: Bool = true) throws(Stop) -> (String, [String])? {
        guard let text = try tagText(state, tagStart: tagStart, allowed: Self.nameChars).map({ Array($0) }) else { return nil }
        var i = 0
        func readPlain() -> String {
            let s = i
            while i < text.count, Self.nameCharsWithoutBrackets.contains(text[i]) { i += 1 }
            return String(text[s..<i])
        }
        let head = readPlain()
        if i == text.count { return (head, []) }
        var functions = [head]
        var valid = text[i] == "("
        var argument = ""
        if valid {
            i += 1
            while true {
                let inner = readPlain()
                if i < text.count, text[i] == ")" {
                    i += 1
                    var closers = 0
                    while i < text.count, text[i] == ")" { i += 1; closers += 1 }
                    valid = closers + 1 == functions.count && i == text.count
                    argument = inner
                    break
                } else if i < text.count, text[i] == "(" {
                    i += 1
                    functions.append(inner)
                } else {
                    valid = false
                    break
                }
            }
        }
        guard valid else {
            fail(at: tagStart, "a tag is not finished: \"\(String(text))\" is not a name or a function call")
            return nil
        }
        for function in functions where checkFunctions && Function(rawValue: function) == nil {
            fail(at: tagStart, "unknown function \"\(function)\"", kind: .unknownFunction, name: function)
        }
        return (argument, functions)
    }

    private mutating func parsePartialName(_ state: ParseState, tagStart: Int) throws(Stop) -> String? {
        try tagText(state, tagStart: tagStart, allowed: Self.partialNameChars)
    }

    /// The characters of `allowed` up to the closing delimiter, blanks around them skipped;
    /// nil after a reported problem.
    private mutating func tagText(_ state: ParseState, tagStart: Int, allowed: Set<Character>) throws(Stop) -> String? {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
        let nameStart = pos
        while pos < chars.count, allowed.contains(chars[pos]) { pos += 1 }
        let text = String(chars[nameStart..<pos])
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
        guard matches(state.end, at: pos) else {
            fail(at: tagStart, "a tag is not finished: expected \(String(state.end)) after \"\(text)\"")
            try recover(state)
            return nil
        }
        pos += state.end.count
        return text
    }

    /// Same search as swift-mustache's `read(untilString:)` (which restarts without re-testing
    /// the character that broke a partial match).
    private mutating func skipComment(_ state: ParseState, tagStart: Int) throws(Stop) {
        var k = 0
        while pos < chars.count {
            if chars[pos] == state.end[k] {
                k += 1
                if k == state.end.count { pos += 1; return }
            } else {
                k = 0
            }
            pos += 1
        }
        fail(at: tagStart, "a comment is not closed with \(String(state.end))")
        throw Stop()
    }

    private mutating func parseSetDelimiter(_ state: ParseState, tagStart: Int) throws(Stop) -> ParseState {
        func skipWhite() { while pos < chars.count, chars[pos].isWhitespace { pos += 1 } }
        skipWhite()
        let s0 = pos
        while pos < chars.count, !chars[pos].isWhitespace { pos += 1 }
        let start = Array(chars[s0..<pos])
        var ok = pos < chars.count
        skipWhite()
        let e0 = pos
        while pos < chars.count, chars[pos] != "=", !chars[pos].isWhitespace { pos += 1 }
        let end = Array(chars[e0..<pos])
        ok = ok && pos < chars.count
        skipWhite()
        ok = ok && current == "="
        if ok { pos += 1 }
        ok = ok && matches(state.end, at: pos)
        if ok { pos += state.end.count }
        guard ok, !start.isEmpty, !end.isEmpty else {
            fail(at: tagStart, "invalid set-delimiter tag: write {{=<% %>=}}")
            throw Stop()
        }
        return state.withDelimiters(start: start, end: end)
    }

    private mutating func isStandalone(_ state: ParseState) -> Bool {
        guard state.newLine else { return false }
        if pos >= chars.count { return true }
        var p = pos
        while p < chars.count, chars[p] == " " || chars[p] == "\t" { p += 1 }
        if p < chars.count, chars[p].isNewline {
            pos = p + 1
            return true
        }
        return false
    }

    /// After a broken tag: continue after the next end delimiter, or stop if there is none.
    private mutating func recover(_ state: ParseState) throws(Stop) {
        while pos < chars.count {
            if matches(state.end, at: pos) { pos += state.end.count; return }
            pos += 1
        }
        throw Stop()
    }

    // MARK: Results

    private func makeRef(_ name: String, _ functions: [String]) -> Ref {
        let fns = functions.reversed().compactMap(Function.init(rawValue:))
        let path: Ref.Path
        if name == "." {
            path = .current
        } else if name.isEmpty, !functions.isEmpty {
            path = .sequence
        } else if name.first == "." {
            let parts = name.split(separator: ".").map(String.init)
            path = parts.isEmpty ? .current : .top(parts)
        } else {
            let parts = name.split(separator: ".").map(String.init)
            path = parts.isEmpty ? .current : .stack(first: parts[0], rest: Array(parts.dropFirst()))
        }
        return Ref(path: path, functions: fns)
    }

    private func display(_ name: String, _ functions: [String]) -> String {
        functions.reduce(into: "") { $0 += $1 + "(" } + name + String(repeating: ")", count: functions.count)
    }

    private mutating func site(_ tagStart: Int, _ name: String) -> Int {
        let (line, column) = position(of: tagStart)
        sites.append(RenderProblem(template: self.name, line: line, column: column, name: name))
        return siteBase + sites.count - 1
    }

    private mutating func resolve(_ target: String, kind: TemplateError.Kind, at tagStart: Int) -> Int {
        if let index = templateIndex[target] {
            let (line, column) = position(of: tagStart)
            references.append((index, line, column))
            return index
        }
        let what = kind == .missingParent ? "parent template" : "partial"
        fail(at: tagStart, "\(what) \"\(target)\" does not exist", kind: kind, name: target)
        return -1
    }

    private func position(of index: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, index - lineStarts[lo] + 1)
    }

    private mutating func fail(at index: Int, _ message: String, kind: TemplateError.Kind = .syntax, name: String? = nil) {
        let (line, column) = position(of: index)
        errors.append(TemplateError(template: self.name, line: line, column: column, kind: kind, message: message, name: name))
    }
}
