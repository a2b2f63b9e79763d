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
    public static func baseProblem(_ text: String) -> Text? {
        guard isValid(text) else { return Phrase.baseNotHTTPS() }
        let afterScheme = text[text.range(of: "://")!.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") { return Phrase.baseUser() }
        if text.contains("?") { return Phrase.baseQuery() }
        if text.contains("#") { return Phrase.baseAnchor() }
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
                diagnostics.error(.frontMatterEmpty, spec.fields.filter(\.required).map(\.name).joined(separator: ", "), at: location)
            } else {
                diagnostics.error(.notAMapping, value.kindDescription, at: value.location)
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
                diagnostics.error(.unknownKey, pair.key, at: pair.keyLocation,
                                  hint: Suggest.didYouMean(pair.key, in: known) ?? Hint.allowedKeys(known.joined(separator: ", ")))
                continue
            }
            if case .null = pair.value {
                if field.required {
                    diagnostics.error(.keyWithoutValue, pair.key, field.description.lowercasedFirst, at: pair.keyLocation)
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
            diagnostics.error(.missingKey, field.name, field.description.lowercasedFirst, at: location)
        }
        for group in spec.exactlyOneOf {
            let given = group.filter(present.contains)
            if given.isEmpty {
                diagnostics.error(.oneOfRequired, Text.joined(group.map { Text(verbatim: "\"\($0)\"") }, separator: Phrase.or()), at: location)
            } else if given.count > 1 {
                diagnostics.error(.onlyOneOf, Text.joined(group.map { Text(verbatim: "\"\($0)\"") }, separator: Phrase.or()), at: location)
            }
        }
        return Record(fields: fields, location: location)
    }

    private func decodeValue(_ value: YAMLValue, as type: FieldType, key: String,
                             diagnostics: inout Diagnostics) -> FieldValue? {
        switch type {
        case .list(let element, let minItems):
            guard case .sequence(let items, let location) = value else {
                diagnostics.error(.notAList, key, value.kindDescription, at: value.location)
                return nil
            }
            if items.count < minItems {
                diagnostics.error(.tooFewItems, key, minItems, at: location)
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
                diagnostics.error(.notAMappingValue, key, value.kindDescription, at: value.location)
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
                diagnostics.error(.wrongType, key, type.noun, value.kindDescription, at: value.location)
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
    static func booleanHint(_ text: String) -> Text {
        switch text.lowercased() {
        case "ja", "waar", "yes", "y", "on", "aan", "j": return Hint.booleanTrue(text)
        case "nee", "onwaar", "no", "n", "off", "uit": return Hint.booleanFalse(text)
        case "true", "false": return Hint.booleanLowercase()
        default: return Hint.booleanPlain()
        }
    }

    private func decodeScalar(_ text: String, quoted: Bool, location: SourceLocation, as type: FieldType, key: String,
                              diagnostics: inout Diagnostics) -> FieldValue? {
        let trimmed = Self.trimmed(text)
        switch type {
        case .text:
            guard !trimmed.isEmpty else {
                diagnostics.error(.emptyText, key, at: location)
                return nil
            }
            return .text(trimmed)
        case .date:
            if let day = Day(trimmed) {
                guard day.isPlausible else {
                    diagnostics.error(.implausibleYear, day.year, trimmed,
                                      Phrase.yearsTo(Day.plausibleYears.lowerBound, Day.plausibleYears.upperBound), at: location,
                                      hint: Day.suggestedYear(for: day.year).map { Hint.meantYear($0, "\($0)\(trimmed.dropFirst(4))") } ?? Hint.checkYear())
                    return nil
                }
                return .date(day)
            }
            let quotedText = Excerpt.quoted(trimmed)
            if let meant = Day.meant(by: trimmed), meant.isPlausible {
                diagnostics.error(.dateNotISO, quotedText, "\(meant)", at: location)
            } else if Day.looksLikeDate(trimmed) {
                diagnostics.error(.dateDoesNotExist, quotedText, at: location)
            } else {
                diagnostics.error(.notADate, quotedText, at: location)
            }
            return nil
        case .integer(let minimum, let maximum):
            let range = Phrase.fromTo(Dutch.number(minimum), Dutch.number(maximum))
            // Digits beyond what an Int holds are out of range, not "not a number".
            let isDigits = !trimmed.isEmpty && trimmed.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard !quoted, let n = Int(trimmed), (minimum...maximum).contains(n) else {
                if !quoted, isDigits || Int(trimmed) != nil {
                    diagnostics.error(.numberOutOfRange, key, range, Excerpt.quoted(trimmed), at: location)
                } else {
                    diagnostics.error(.notANumber, key, Excerpt.quoted(trimmed), range, at: location)
                }
                return nil
            }
            return .integer(n)
        case .boolean:
            switch trimmed {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default:
                diagnostics.error(.notABoolean, key, Excerpt.quoted(trimmed), at: location,
                                  hint: Self.booleanHint(trimmed))
                return nil
            }
        case .url:
            guard WebAddress.isValid(trimmed) else {
                diagnostics.error(.notHTTPS, key, trimmed, at: location)
                return nil
            }
            return .url(trimmed)
        case .reference(let target):
            guard SlugRules.isValid(trimmed) else {
                diagnostics.error(.invalidSlug, trimmed, target.noun, SlugRules.suggestion(for: trimmed), at: location)
                return nil
            }
            return .reference(trimmed)
        case .choice(let choice):
            guard choice.values.contains(trimmed) else {
                let allowed = choice.values.map { "\"\($0)\"" }.joined(separator: ", ")
                let suggestion = Suggest.didYouMean(trimmed, in: choice.values).map { $0 + Text(verbatim: " ") } ?? Text(verbatim: "")
                diagnostics.error(.invalidChoice, choice.name, trimmed, at: location, hint: Hint.allowedValues(suggestion, allowed))
                return nil
            }
            return .choice(trimmed)
        case .list, .object, .valueOrObject, .oneOrMore:
            return nil
        }
    }
}

extension FieldType {
    var noun: Text {
        switch self {
        case .text: return Phrase.text()
        case .date: return Phrase.date()
        case .integer: return Phrase.wholeNumber()
        case .boolean: return Phrase.trueOrFalse()
        case .url: return Phrase.webAddress()
        case .reference(let target): return Phrase.slugOf(target.noun)
        case .choice(let choice): return Phrase.oneOf(choice.values.joined(separator: ", "))
        case .list: return Phrase.list()
        case .object: return Phrase.mapping()
        case .valueOrObject(let bare, _): return Phrase.orMapping(bare.noun)
        case .oneOrMore(let element): return Phrase.orListOfThem(element.noun)
        }
    }
}

extension String {
    package var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
