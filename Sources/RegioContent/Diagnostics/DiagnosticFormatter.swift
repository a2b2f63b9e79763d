import Foundation

/// How diagnostics are printed: for people, for GitHub Actions annotations, or as JSON.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case human, github, json
}

public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, language: Language = .nl) -> String {
        switch format {
        case .human: return diagnostics.map { human($0, language: language) }.joined()
        case .github: return diagnostics.map { github($0, language: language) }.joined()
        case .json: return json(diagnostics, language: language)
        }
    }

    /// The severity as the person at the terminal reads it.
    public static func label(_ severity: Diagnostic.Severity, _ language: Language) -> String {
        switch (severity, language) {
        case (.error, .nl): return "fout"
        case (.warning, .nl): return "waarschuwing"
        case (_, .en): return severity.rawValue
        }
    }

    /// `path:line:col: fout RP0412: message`, the excerpt with a caret under the column, and the hint.
    public static func human(_ d: Diagnostic, language: Language = .nl) -> String {
        var out = ""
        if let location = d.location {
            out += location.isWholeFile ? "\(location.file): " : "\(location.file):\(location.line):\(location.column): "
        }
        out += "\(label(d.severity, language)) \(d.code.rawValue): \(d.message(in: language))\n"
        if let location = d.location, let excerpt = location.excerpt {
            let gutter = String(location.line)
            out += "  \(gutter) | \(excerpt)\n"
            // Tabs keep their width so the caret lines up in a terminal.
            let column = location.excerptColumn ?? location.column
            let prefix = excerpt.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            out += "  \(String(repeating: " ", count: gutter.count)) | \(prefix)^\n"
        }
        if let hint = d.hint(in: language) { out += "  \(language == .nl ? "tip" : "hint"): \(hint)\n" }
        return out
    }

    /// A GitHub Actions workflow command, e.g. `::error file=a.md,line=3,col=5,title=RP0412::message`.
    public static func github(_ d: Diagnostic, language: Language = .nl) -> String {
        var properties: [String] = []
        if let location = d.location {
            properties.append("file=\(escapeProperty(location.file))")
            if !location.isWholeFile {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
        }
        properties.append("title=\(d.code.rawValue)")
        var message = d.message(in: language)
        if let hint = d.hint(in: language) { message += "\n\(hint)" }
        let head = "::\(d.severity.rawValue) \(properties.joined(separator: ","))"
        return "\(head)::\(escapeData(message))\n"
    }

    public static func json(_ diagnostics: [Diagnostic], language: Language = .nl) -> String {
        struct Entry: Encodable {
            var severity: String
            var code: String
            var file: String?
            var line: Int?
            var column: Int?
            var message: String
            var hint: String?
            var excerpt: String?
        }
        let entries = diagnostics.map { d -> Entry in
            let place = d.location.flatMap { $0.isWholeFile ? nil : $0 }
            return Entry(severity: d.severity.rawValue, code: d.code.rawValue, file: d.location?.file, line: place?.line,
                         column: place?.column, message: d.message(in: language), hint: d.hint(in: language), excerpt: d.location?.excerpt)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // The escaping GitHub's runner expects for workflow commands.
    private static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// Suggests the closest known name for a misspelt one (`sliedrech` → `sliedrecht`).
///
/// Bounded: names are compared as at most ``maxLength`` Unicode scalars (a longer word gets no
/// suggestion), a candidate whose length alone rules it out is skipped, and the edit distance
/// stops as soon as it exceeds the limit. A broken link with a path of megabytes costs no more
/// than a typo.
public enum Suggest {
    public static let maxLength = 200

    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let a = Array(word.unicodeScalars.prefix(maxLength + 1))
        guard a.count <= maxLength else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let b = Array(candidate.unicodeScalars.prefix(maxLength + 1))
            guard b.count <= maxLength else { continue }
            let limit = max(2, min(a.count, b.count) / 3)
            guard abs(a.count - b.count) <= limit, let distance = distance(a, b, limit: limit) else { continue }
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> Text? {
        closest(to: word, in: candidates).map { Hint.didYouMean($0) }
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        return distance(a, b, limit: max(a.count, b.count))!
    }

    /// The edit distance of `a` and `b`, or nil as soon as it is certain to exceed `limit`.
    package static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            // Every later row is at least this row's minimum.
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
