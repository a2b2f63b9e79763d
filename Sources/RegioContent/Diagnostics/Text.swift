import Foundation

/// The languages the tool speaks: Dutch for editors (the default), English for developers.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case nl, en

    /// The environment variable that picks the language when `--taal` is not given.
    public static let environmentKey = "REGIOPORTAAL_TAAL"

    /// `nl` or `en` (any case, surrounding spaces ignored); nil for anything else, so that a
    /// mistyped value is refused instead of silently falling back to Dutch.
    public init?(parsing value: String) {
        let lowered = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard let language = Language(rawValue: lowered) else { return nil }
        self = language
    }

    /// The language from `--taal` when given, else from the environment, else Dutch; an
    /// unknown value in either is an error (``MessageCode/unknownLanguage``).
    public static func choose(option: String?, environment: [String: String]) -> Result<Language, Diagnostic> {
        if let option {
            guard let language = Language(parsing: option) else {
                return .failure(.error(.unknownLanguage, "--taal", option, at: nil))
            }
            return .success(language)
        }
        if let value = environment[environmentKey], !value.isEmpty {
            guard let language = Language(parsing: value) else {
                return .failure(.error(.unknownLanguage, environmentKey, value, at: nil))
            }
            return .success(language)
        }
        return .success(.nl)
    }
}

/// A text in both languages of the tool. Made from the catalogue (``MessageCode``, ``Hint``,
/// ``Phrase``), never written at a call site.
public struct Text: Sendable, Hashable, Codable, CustomStringConvertible {
    public var nl: String
    public var en: String

    init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// A text that reads the same in both languages: a name, a path, a number.
    public init(verbatim: String) {
        nl = verbatim
        en = verbatim
    }

    /// This text with `english` as its English.
    public func withEnglish(_ english: String) -> Text { Text(nl: nl, en: english) }

    public subscript(language: Language) -> String { language == .nl ? nl : en }

    public var description: String { nl }

    public static func joined(_ parts: [Text], separator: Text) -> Text {
        Text(nl: parts.map(\.nl).joined(separator: separator.nl), en: parts.map(\.en).joined(separator: separator.en))
    }

    static func + (a: Text, b: Text) -> Text { Text(nl: a.nl + b.nl, en: a.en + b.en) }
}

/// A value filled into a catalogue text: the same in both languages (names, paths, numbers),
/// or a ``Text`` that is itself in both.
public protocol MessageArgument: Sendable {
    func text(in language: Language) -> String
}

extension String: MessageArgument {
    public func text(in language: Language) -> String { self }
}

extension Substring: MessageArgument {
    public func text(in language: Language) -> String { String(self) }
}

extension Int: MessageArgument {
    public func text(in language: Language) -> String { String(self) }
}

extension Text: MessageArgument {
    public func text(in language: Language) -> String { self[language] }
}

/// A catalogue text with `{1}`, `{2}`, … to fill in, in both languages.
struct Template: Sendable {
    var nl: String
    var en: String

    init(_ nl: String, _ en: String) {
        self.nl = nl
        self.en = en
    }

    func fill(_ arguments: [any MessageArgument]) -> Text {
        Text(nl: Self.fill(nl, arguments, .nl), en: Self.fill(en, arguments, .en))
    }

    /// The placeholders `{n}` a text uses, for the catalogue's tests.
    static func placeholders(_ text: String) -> Set<Int> {
        var found = Set<Int>()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i + 2 < scalars.count {
            if scalars[i] == "{", let digit = Int(String(scalars[i + 1])), scalars[i + 2] == "}" { found.insert(digit) }
            i += 1
        }
        return found
    }

    private static func fill(_ text: String, _ arguments: [any MessageArgument], _ language: Language) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 2 < scalars.count, scalars[i + 2] == "}", let n = Int(String(scalars[i + 1])),
               n >= 1, n <= arguments.count {
                out += arguments[n - 1].text(in: language)
                i += 3
                continue
            }
            out.unicodeScalars.append(scalars[i])
            i += 1
        }
        return out
    }
}
