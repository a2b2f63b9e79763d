/// A value that passed the declared shape, with where it was written.
public indirect enum FieldValue: Sendable {
    case text(String)
    case date(Day)
    case integer(Int)
    case boolean(Bool)
    case url(String)
    case reference(String)
    case choice(String)
    case list([Located<FieldValue>])
    case record(Record)
}

public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, _ location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A mapping checked against an ``ObjectSpec``. Fields that were missing or malformed are
/// absent (their errors are already reported), so accessors simply return nil.
public struct Record: Sendable {
    public var fields: [String: Located<FieldValue>]
    public var location: SourceLocation

    public subscript(_ key: String) -> Located<FieldValue>? { fields[key] }

    public func text(_ key: String) -> String? {
        if case .text(let s)? = fields[key]?.value { return s }
        if case .url(let s)? = fields[key]?.value { return s }
        return nil
    }

    public func date(_ key: String) -> Located<Day>? {
        guard let field = fields[key], case .date(let d) = field.value else { return nil }
        return Located(d, field.location)
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let n)? = fields[key]?.value { return n }
        return nil
    }

    public func bool(_ key: String) -> Bool {
        if case .boolean(let b)? = fields[key]?.value { return b }
        return false
    }

    public func choice(_ key: String) -> Located<String>? {
        guard let field = fields[key], case .choice(let c) = field.value else { return nil }
        return Located(c, field.location)
    }

    public func reference(_ key: String) -> Located<String>? {
        guard let field = fields[key], case .reference(let r) = field.value else { return nil }
        return Located(r, field.location)
    }

    public func references(_ key: String) -> [Located<String>] {
        list(key).compactMap { item in
            if case .reference(let r) = item.value { return Located(r, item.location) }
            return nil
        }
    }

    public func records(_ key: String) -> [Record] {
        list(key).compactMap { item in
            if case .record(let r) = item.value { return r }
            return nil
        }
    }

    public func record(_ key: String) -> Record? {
        if case .record(let r)? = fields[key]?.value { return r }
        return nil
    }

    public func list(_ key: String) -> [Located<FieldValue>] {
        if case .list(let items)? = fields[key]?.value { return items }
        return []
    }
}

/// Checks a YAML mapping against a declared shape: unknown keys (with a suggestion),
/// missing required keys, wrong types, invalid enum values, impossible dates.
/// The one rule for web addresses, in content (`link`, `base_url`) and in `--base-url`.
public enum WebAddress {
    public static func isValid(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 8
            && !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline })
    }

    /// Whether `text` is an address for examples only (`https://regioportaal.example.nl/`, any
    /// host with a label `example`): a site built for it links to nowhere.
    public static func isPlaceholder(_ text: String) -> Bool {
        guard let scheme = text.range(of: "://") else { return false }
        let authority = text[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? $0 } ?? authority
        return host.lowercased().split(separator: ".").contains("example")
    }

    /// Why `text` cannot be the address the site is built for (`base_url`, `--base-url`), or nil.
    /// Every page address is this plus a path, so a name and password (`user:pw@`, which would
    /// be published in every link), a `?query` or a `#fragment` would break or leak.
    public static func baseProblem(_ text: String) -> String? {
        guard isValid(text) else { return "must be a web address starting with https://" }
        let afterScheme = text[text.range(of: "://")!.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") { return "mag geen gebruikersnaam of wachtwoord bevatten (user:pw@)" }
        if text.contains("?") { return "mag geen ?zoekvraag bevatten" }
        if text.contains("#") { return "mag geen #anker bevatten" }
        return nil
    }
}

public struct RecordDecoder {
    /// Where to point "missing key" errors when the mapping itself has no useful place.
    let file: SourceFile

    public init(file: SourceFile) { self.file = file }

    public func decode(_ value: YAMLValue, as spec: ObjectSpec, diagnostics: inout Diagnostics) -> Record? {
        guard case .mapping(let pairs, let location) = value else {
            if case .null(let location) = value {
                diagnostics.error("front matter is empty", at: location,
                                  hint: "add the required keys: \(spec.fields.filter(\.required).map(\.name).joined(separator: ", "))")
            } else {
                diagnostics.error("expected a mapping of keys and values, found \(value.kindDescription)", at: value.location)
            }
            return nil
        }
        return decodeMapping(pairs, location: location, spec: spec, diagnostics: &diagnostics)
    }

    private func decodeMapping(_ pairs: [YAMLPair], location: SourceLocation, spec: ObjectSpec,
                               diagnostics: inout Diagnostics) -> Record {
        var fields: [String: Located<FieldValue>] = [:]
        var present = Set<String>()
        for pair in pairs {
            guard let field = spec.field(pair.key) else {
                let known = spec.fields.map(\.name)
                diagnostics.error("unknown key \"\(pair.key)\"", at: pair.keyLocation,
                                  hint: Suggest.didYouMean(pair.key, in: known) ?? "allowed keys: \(known.joined(separator: ", "))")
                continue
            }
            if case .null = pair.value {
                if field.required {
                    diagnostics.error("\"\(pair.key)\" has no value", at: pair.keyLocation, hint: "fill in \(field.description.lowercasedFirst)")
                }
                present.insert(pair.key)
                continue
            }
            present.insert(pair.key)
            if let value = decodeValue(pair.value, as: field.type, key: pair.key, diagnostics: &diagnostics) {
                fields[pair.key] = Located(value, pair.value.location)
            }
        }
        for field in spec.fields where field.required && !present.contains(field.name) {
            diagnostics.error("missing required key \"\(field.name)\"", at: location,
                              hint: "add \(field.name): … (\(field.description.lowercasedFirst))")
        }
        for group in spec.exactlyOneOf {
            let given = group.filter(present.contains)
            if given.isEmpty {
                diagnostics.error("one of \(group.map { "\"\($0)\"" }.joined(separator: " or ")) is required", at: location)
            } else if given.count > 1 {
                diagnostics.error("give either \(group.map { "\"\($0)\"" }.joined(separator: " or ")), not both", at: location)
            }
        }
        return Record(fields: fields, location: location)
    }

    private func decodeValue(_ value: YAMLValue, as type: FieldType, key: String,
                             diagnostics: inout Diagnostics) -> FieldValue? {
        switch type {
        case .list(let element, let minItems):
            guard case .sequence(let items, let location) = value else {
                diagnostics.error("\"\(key)\" must be a list, found \(value.kindDescription)", at: value.location,
                                  hint: "write a list as [a, b] or as lines starting with \"- \"")
                return nil
            }
            if items.count < minItems {
                diagnostics.error("\"\(key)\" needs at least \(minItems) item\(minItems == 1 ? "" : "s")", at: location)
            }
            var decoded: [Located<FieldValue>] = []
            for item in items {
                if let v = decodeValue(item, as: element, key: key, diagnostics: &diagnostics) {
                    decoded.append(Located(v, item.location))
                }
            }
            return .list(decoded)
        case .object(let spec):
            guard case .mapping(let pairs, let location) = value else {
                diagnostics.error("\"\(key)\" must be a mapping (key: value), found \(value.kindDescription)", at: value.location)
                return nil
            }
            return .record(decodeMapping(pairs, location: location, spec: spec, diagnostics: &diagnostics))
        case .valueOrObject(let bare, let spec):
            if case .mapping = value { return decodeValue(value, as: .object(spec), key: key, diagnostics: &diagnostics) }
            return decodeValue(value, as: bare, key: key, diagnostics: &diagnostics)
        case .oneOrMore(let element):
            if case .sequence = value { return decodeValue(value, as: .list(element, minItems: 1), key: key, diagnostics: &diagnostics) }
            return decodeValue(value, as: element, key: key, diagnostics: &diagnostics).map { .list([Located($0, value.location)]) }
        default:
            guard case .scalar(let text, let location, let quoted) = value else {
                diagnostics.error("\"\(key)\" must be \(type.noun), found \(value.kindDescription)", at: value.location)
                return nil
            }
            return decodeScalar(text, quoted: quoted, location: location, as: type, key: key, diagnostics: &diagnostics)
        }
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when the ends are plain
    /// ASCII (nearly always): Foundation's trimming was the largest cost of decoding records.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if isPlain(first) && isPlain(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Editors write yes and no in words (`ja`, `nee`): say which of the two that word means.
    static func booleanHint(_ text: String) -> String {
        switch text.lowercased() {
        case "ja", "waar", "yes", "y", "on", "aan", "j": return "schrijf true of false; voor \"\(text)\" schrijft u true"
        case "nee", "onwaar", "no", "n", "off", "uit": return "schrijf true of false; voor \"\(text)\" schrijft u false"
        case "true", "false": return "schrijf true of false met kleine letters en zonder aanhalingstekens"
        default: return "schrijf true of false: true voor ja, false voor nee"
        }
    }

    private func decodeScalar(_ text: String, quoted: Bool, location: SourceLocation, as type: FieldType, key: String,
                              diagnostics: inout Diagnostics) -> FieldValue? {
        let trimmed = Self.trimmed(text)
        switch type {
        case .text:
            guard !trimmed.isEmpty else {
                diagnostics.error("\"\(key)\" is empty", at: location)
                return nil
            }
            return .text(trimmed)
        case .date:
            if let day = Day(trimmed) {
                guard day.isPlausible else {
                    let range = "\(Day.plausibleYears.lowerBound) tot en met \(Day.plausibleYears.upperBound)"
                    diagnostics.error("het jaar \(day.year) in \"\(trimmed)\" kan niet kloppen: jaren lopen \(range)", at: location,
                                      hint: Day.suggestedYear(for: day.year).map { "Bedoelt u \($0)? Schrijf dan \($0)\(trimmed.dropFirst(4))." }
                                        ?? "controleer het jaar; datums schrijft u als JJJJ-MM-DD, bijvoorbeeld 2024-05-29")
                    return nil
                }
                return .date(day)
            }
            let quotedText = Excerpt.quoted(trimmed)
            if let meant = Day.meant(by: trimmed), meant.isPlausible {
                diagnostics.error("\"\(quotedText)\" is niet geschreven als JJJJ-MM-DD (jaar-maand-dag)", at: location,
                                  hint: "schrijf datums als JJJJ-MM-DD, dus \(meant)")
            } else if Day.looksLikeDate(trimmed) {
                diagnostics.error("\"\(quotedText)\" is geen datum die bestaat", at: location,
                                  hint: "kijk de dag en de maand na; schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-05-29")
            } else {
                diagnostics.error("\"\(quotedText)\" is geen datum", at: location,
                                  hint: "schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-05-29")
            }
            return nil
        case .integer(let minimum, let maximum):
            let range = "van \(Dutch.number(minimum)) tot en met \(Dutch.number(maximum))"
            // Digits beyond what an Int holds are out of range, not "not a number".
            let isDigits = !trimmed.isEmpty && trimmed.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard !quoted, let n = Int(trimmed), (minimum...maximum).contains(n) else {
                if !quoted, isDigits || Int(trimmed) != nil {
                    diagnostics.error("\"\(key)\" moet een heel getal \(range) zijn, gevonden: \(Excerpt.quoted(trimmed))", at: location,
                                      hint: "deze grens beschermt de bouw van de site; kies een getal \(range)")
                } else {
                    diagnostics.error("\"\(key)\" must be a whole number, found \"\(Excerpt.quoted(trimmed))\"", at: location,
                                      hint: "write a whole number \(range), without quotes")
                }
                return nil
            }
            return .integer(n)
        case .boolean:
            switch trimmed {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default:
                diagnostics.error("bij \"\(key)\" hoort true of false, gevonden: \"\(Excerpt.quoted(trimmed))\"", at: location,
                                  hint: Self.booleanHint(trimmed))
                return nil
            }
        case .url:
            guard WebAddress.isValid(trimmed) else {
                diagnostics.error("\"\(key)\" must be a web address starting with https://, found \"\(trimmed)\"", at: location)
                return nil
            }
            return .url(trimmed)
        case .reference(let target):
            guard SlugRules.isValid(trimmed) else {
                diagnostics.error("\"\(trimmed)\" is not a valid \(target.noun) slug", at: location,
                                  hint: "a slug is the file name without .md: lowercase letters, digits and hyphens, e.g. \"\(SlugRules.suggestion(for: trimmed))\"")
                return nil
            }
            return .reference(trimmed)
        case .choice(let choice):
            guard choice.values.contains(trimmed) else {
                let allowed = choice.values.map { "\"\($0)\"" }.joined(separator: ", ")
                var hint = "allowed values: \(allowed)"
                if let suggestion = Suggest.closest(to: trimmed, in: choice.values) { hint = "did you mean \"\(suggestion)\"? " + hint }
                diagnostics.error("invalid \(choice.name) \"\(trimmed)\"", at: location, hint: hint)
                return nil
            }
            return .choice(trimmed)
        case .list, .object, .valueOrObject, .oneOrMore:
            return nil
        }
    }
}

extension FieldType {
    var noun: String {
        switch self {
        case .text: return "a text"
        case .date: return "a date (YYYY-MM-DD)"
        case .integer: return "a whole number"
        case .boolean: return "true or false"
        case .url: return "a web address"
        case .reference(let target): return "a \(target.noun) slug"
        case .choice(let choice): return "one of \(choice.values.joined(separator: ", "))"
        case .list: return "a list"
        case .object: return "a mapping"
        case .valueOrObject(let bare, _): return "\(bare.noun) or a mapping"
        case .oneOrMore(let element): return "\(element.noun), or a list of them"
        }
    }
}

extension String {
    package var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
