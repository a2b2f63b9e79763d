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
            let hint = text.isEmpty
                ? "the file is empty; start it with front matter between two --- lines"
                : "start the file with a line --- , the front matter (titel: …), and another line ---"
            diagnostics.error("file does not start with front matter", at: file.location(line: 1, column: 1), hint: hint)
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
        diagnostics.error("front matter is not closed", at: file.location(line: 1, column: 1),
                          hint: "add a line with only --- after the last front matter line")
        return nil
    }

    /// `---` (or `...` to close), allowing trailing spaces and tabs: editors leave them, and
    /// they are invisible, so refusing them would point at a line that looks right.
    static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        var bare = line.utf8[...]
        while let last = bare.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bare = bare.dropLast() }
        return bare.elementsEqual("---".utf8) || (closing && bare.elementsEqual("...".utf8))
    }
}
