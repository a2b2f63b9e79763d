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
    /// Splits `text` at lines that are exactly `---`. Reports a missing opening or closing
    /// delimiter with the place a person would look.
    public static func split(_ file: SourceFile, diagnostics: inout Diagnostics) -> FrontMatterSplit? {
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" else {
            let hint = text.isEmpty
                ? "the file is empty; start it with front matter between two --- lines"
                : "start the file with a line --- , the front matter (titel: …), and another line ---"
            diagnostics.error("file does not start with front matter", at: file.location(line: 1, column: 1), hint: hint)
            return nil
        }
        var lineNumber = 1
        var searchStart = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        let yamlStart = searchStart
        while searchStart < text.endIndex {
            let lineEnd = text[searchStart...].firstIndex(of: "\n") ?? text.endIndex
            lineNumber += 1
            let line = text[searchStart..<lineEnd]
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return FrontMatterSplit(yaml: String(text[yamlStart..<searchStart]), yamlLineOffset: 1,
                                        body: String(text[bodyStart...]), bodyLineOffset: lineNumber)
            }
            searchStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        diagnostics.error("front matter is not closed", at: file.location(line: 1, column: 1),
                          hint: "add a line with only --- after the last front matter line")
        return nil
    }
}
