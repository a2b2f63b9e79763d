/// A place in a source file: 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    /// The source line, for showing the problem in context; a long line is clipped around the
    /// column (see ``Excerpt``).
    public var excerpt: String?
    /// The column within `excerpt` when it is clipped (it then starts with "…").
    public var excerptColumn: Int?

    public init(file: String, line: Int, column: Int, excerpt: String? = nil, excerptColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.excerptColumn = excerptColumn
    }

    /// The file as a whole (line 0): for the summary of the diagnostics left out of a file.
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    public var isWholeFile: Bool { line == 0 }
}

/// The one error type of the generator: a message about a place in a file, with a hint on
/// how to fix it. Every stage reports through it, so that all problems of a build can be
/// printed together and annotated by CI.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// What is wrong, in both languages, with its stable code and hint.
    public var content: Message
    public var location: SourceLocation?

    public var code: MessageCode { content.code }
    /// The message in Dutch, as editors see it.
    public var message: String { content.text.nl }
    /// The hint in Dutch.
    public var hint: String? { content.hint?.nl }

    public func message(in language: Language) -> String { content.text[language] }
    public func hint(in language: Language) -> String? { content.hint?[language] }

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation?) {
        self.severity = severity
        self.content = message
        self.location = location
    }

    /// `code`'s message filled with `arguments`; `hint` replaces the code's default hint.
    public init(_ severity: Severity, _ code: MessageCode, _ arguments: [any MessageArgument], at location: SourceLocation?, hint: Text? = nil) {
        self.init(severity, code.message(arguments, hint: hint), at: location)
    }

    public static func error(_ code: MessageCode, _ arguments: any MessageArgument..., at location: SourceLocation?, hint: Text? = nil) -> Diagnostic {
        Diagnostic(.error, code, arguments, at: location, hint: hint)
    }

    public static func warning(_ code: MessageCode, _ arguments: any MessageArgument..., at location: SourceLocation?, hint: Text? = nil) -> Diagnostic {
        Diagnostic(.warning, code, arguments, at: location, hint: hint)
    }
}

/// Thrown when a run ends with errors; carries every diagnostic of the run.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Collects diagnostics from all stages. Sorted on output, so the report does not depend
/// on the order in which concurrent work finished.
///
/// Bounded in memory: at most ``perFile`` diagnostics are kept per file and ``maxKept`` in all;
/// the rest are only counted, and reported as one summary per file ("… en nog 1.950 meldingen in
/// dit bestand"). One hostile file can then not fill memory or the terminal. Producers that can
/// find very many problems in one file ask ``accepts(file:)`` before making a location.
public struct Diagnostics: Sendable {
    public static let perFile = 50
    public static let maxKept = 5_000

    /// The diagnostics kept, in the order they were added.
    public private(set) var all: [Diagnostic] = []
    private var kept: [String: Int] = [:]
    private var omitted: [String: Omitted] = [:]

    struct Omitted: Sendable {
        var errors = 0, warnings = 0
        var total: Int { errors + warnings }
        mutating func add(_ severity: Diagnostic.Severity, _ n: Int = 1) {
            if severity == .error { errors += n } else { warnings += n }
        }
    }

    public init() {}

    /// Every diagnostic added, kept or only counted.
    public var count: Int { all.count + omitted.values.reduce(0) { $0 + $1.total } }

    /// Whether a diagnostic about `file` (its display path; "" for none) would still be kept.
    public func accepts(file: String) -> Bool {
        all.count < Self.maxKept && kept[file, default: 0] < Self.perFile
    }

    /// Counts a diagnostic about `file` without making or keeping it.
    public mutating func omit(_ severity: Diagnostic.Severity, in file: String, count: Int = 1) {
        omitted[file, default: Omitted()].add(severity, count)
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        let file = diagnostic.location?.file ?? ""
        guard accepts(file: file) else { return omit(diagnostic.severity, in: file) }
        kept[file, default: 0] += 1
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    /// Another collection's diagnostics, and what it only counted.
    public mutating func append(contentsOf other: Diagnostics) {
        append(contentsOf: other.all)
        for (file, counted) in other.omitted {
            omit(.error, in: file, count: counted.errors)
            omit(.warning, in: file, count: counted.warnings)
        }
    }

    public mutating func error(_ code: MessageCode, _ arguments: any MessageArgument..., at location: SourceLocation?, hint: Text? = nil) {
        append(Diagnostic(.error, code, arguments, at: location, hint: hint))
    }

    public mutating func warning(_ code: MessageCode, _ arguments: any MessageArgument..., at location: SourceLocation?, hint: Text? = nil) {
        append(Diagnostic(.warning, code, arguments, at: location, hint: hint))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } || omitted.values.contains { $0.errors > 0 } }
    public var errors: [Diagnostic] { sorted.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { sorted.filter { $0.severity == .warning } }

    /// Stable order: by file, line, column, then message; a file's summary of what was left
    /// out comes after its diagnostics.
    public var sorted: [Diagnostic] {
        var list = all
        for (file, counted) in omitted where counted.total > 0 {
            list.append(Diagnostic(counted.errors > 0 ? .error : .warning, .summaryOmitted,
                                   [Dutch.number(counted.total), Phrase.plural(counted.total, .message, .messages)],
                                   at: file.isEmpty ? nil : .wholeFile(file)))
        }
        return list.sorted { a, b in
            let la = a.location, lb = b.location
            if la?.file != lb?.file { return (la?.file ?? "") < (lb?.file ?? "") }
            // Line 0 is the file as a whole: its summary goes last.
            let lineA = la.map { $0.isWholeFile ? Int.max : $0.line } ?? 0
            let lineB = lb.map { $0.isWholeFile ? Int.max : $0.line } ?? 0
            if lineA != lineB { return lineA < lineB }
            if la?.column != lb?.column { return (la?.column ?? 0) < (lb?.column ?? 0) }
            if a.severity != b.severity { return a.severity > b.severity }
            return a.message < b.message
        }
    }
}

/// Numbers as Dutch readers write them: 1.950, 12.345.
public enum Dutch {
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return n < 0 ? "-" + out : out
    }
}
