/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable {
    public var yaml: String
    /// Lines before the YAML starts (the opening `---`).
    public var yamlLineOffset: Int
    public var body: String
    /// Lines before the body starts, for shifting Markdown positions.
    public var bodyLineOffset: Int
}

public enum FrontMatter {
    /// Splits `text` at lines that are `---` (trailing blanks allowed). Reports a missing opening or closing
    /// delimiter with the place a person would look.
    ///
    /// Lines are found in the UTF-8 view: a Character search segments graphemes, which made
    /// this split cost as much as the YAML it hands on.
    public static func split(_ file: SourceFile, diagnostics: inout Diagnostics) -> FrontMatterSplit? {
        let text = file.text
        let newline = UInt8(ascii: "\n")
        let firstLineEnd = text.utf8.firstIndex(of: newline) ?? text.endIndex
        guard isDelimiter(text[..<firstLineEnd], closing: false) else {
            diagnostics.error(.noFrontMatter, at: file.location(line: 1, column: 1), hint: text.isEmpty ? Hint.fileEmpty() : nil)
            return nil
        }
        var lineNumber = 1
        var searchStart = firstLineEnd < text.endIndex ? text.utf8.index(after: firstLineEnd) : firstLineEnd
        let yamlStart = searchStart
        while searchStart < text.endIndex {
            let lineEnd = text.utf8[searchStart...].firstIndex(of: newline) ?? text.endIndex
            lineNumber += 1
            let line = text[searchStart..<lineEnd]
            if isDelimiter(line, closing: true) {
                let bodyStart = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : lineEnd
                return FrontMatterSplit(yaml: String(text[yamlStart..<searchStart]), yamlLineOffset: 1,
                                        body: String(text[bodyStart...]), bodyLineOffset: lineNumber)
            }
            searchStart = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : lineEnd
        }
        diagnostics.error(.frontMatterNotClosed, at: file.location(line: 1, column: 1))
        return nil
    }

    /// Reports a front matter that ended too early: at a `---` line its writer meant as text
    /// inside a block scalar (`samenvatting: |`), so that the rest of the front matter became
    /// body text. YAML itself cannot see this (a `---` at the start of a line always ends the
    /// document), so two signs are looked for: the body goes on with lines indented like the
    /// open block scalar's text, or it starts with a key of the front matter (`themas: …`).
    public static func checkEnd(_ split: FrontMatterSplit, file: SourceFile, keys: Set<String>, diagnostics: inout Diagnostics) {
        func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }
        // The block scalar open at the end of the YAML, with its key's indentation and line.
        var open: (key: String, indent: Int, line: Int)?
        var number = split.yamlLineOffset
        for line in split.yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = indentation(line)
            if let current = open, indent > current.indent { continue }
            open = nil
            var content = trimmed[...]
            if content.hasPrefix("- ") { content = content.dropFirst(2) }
            if let colon = content.firstIndex(of: ":") {
                let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                let indicator = value.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? value
                if let first = indicator.first, first == "|" || first == ">",
                   indicator.dropFirst().allSatisfy({ $0 == "-" || $0 == "+" || $0.isNumber }) {
                    open = (String(content[..<colon]), indent, number)
                }
            }
        }
        let delimiter = split.bodyLineOffset
        // The body's first line that is not blank (only it is looked at: the body may be long).
        var rest = split.body[...], first = 0
        func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
        while let end = rest.firstIndex(of: "\n"), isBlank(rest[..<end]) { rest = rest[rest.index(after: end)...]; first += 1 }
        let firstLine = rest.prefix { $0 != "\n" }
        guard !isBlank(firstLine) else { return }
        if let open, indentation(firstLine) > open.indent {
            diagnostics.error(.frontMatterEndsInText, Excerpt.quoted(open.key), open.line, at: file.location(line: delimiter, column: 1))
            return
        }
        if indentation(firstLine) == 0, let colon = firstLine.firstIndex(of: ":"), keys.contains(String(firstLine[..<colon])) {
            diagnostics.error(.frontMatterEndsEarly, delimiter + first + 1, firstLine[..<colon], at: file.location(line: delimiter, column: 1))
        }
    }

    /// `---` (or `...` to close), allowing trailing spaces and tabs: editors leave them, and
    /// they are invisible, so refusing them would point at a line that looks right.
    static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        var bare = line.utf8[...]
        while let last = bare.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bare = bare.dropLast() }
        return bare.elementsEqual("---".utf8) || (closing && bare.elementsEqual("...".utf8))
    }
}
