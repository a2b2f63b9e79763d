import Foundation

/// How diagnostics are printed: for people, for GitHub Actions annotations, or as JSON.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case human, github, json
}

public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .human: return diagnostics.map(human).joined()
        case .github: return diagnostics.map(github).joined()
        case .json: return json(diagnostics)
        }
    }

    /// `path:line:col: error: message`, the excerpt with a caret under the column, and the hint.
    public static func human(_ d: Diagnostic) -> String {
        var out = ""
        if let location = d.location {
            out += "\(location.file):\(location.line):\(location.column): "
        }
        out += "\(d.severity.rawValue): \(d.message)\n"
        if let location = d.location, let excerpt = location.excerpt {
            let gutter = String(location.line)
            out += "  \(gutter) | \(excerpt)\n"
            // Tabs keep their width so the caret lines up in a terminal.
            let prefix = excerpt.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            out += "  \(String(repeating: " ", count: gutter.count)) | \(prefix)^\n"
        }
        if let hint = d.hint { out += "  hint: \(hint)\n" }
        return out
    }

    /// A GitHub Actions workflow command, e.g. `::error file=a.md,line=3,col=5,title=…::message`.
    public static func github(_ d: Diagnostic) -> String {
        var properties: [String] = []
        if let location = d.location {
            properties.append("file=\(escapeProperty(location.file))")
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        var message = d.message
        if let hint = d.hint { message += "\n\(hint)" }
        let head = properties.isEmpty ? "::\(d.severity.rawValue)" : "::\(d.severity.rawValue) \(properties.joined(separator: ","))"
        return "\(head)::\(escapeData(message))\n"
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            var severity: String
            var file: String?
            var line: Int?
            var column: Int?
            var message: String
            var hint: String?
            var excerpt: String?
        }
        let entries = diagnostics.map {
            Entry(severity: $0.severity.rawValue, file: $0.location?.file, line: $0.location?.line,
                  column: $0.location?.column, message: $0.message, hint: $0.hint, excerpt: $0.location?.excerpt)
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
public enum Suggest {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = levenshtein(word, candidate)
            let limit = max(2, min(word.count, candidate.count) / 3)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean \"\($0)\"?" }
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
