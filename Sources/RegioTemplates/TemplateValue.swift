/// The data a template renders against: a typed tree made once per page, so that rendering
/// looks values up by key and switches on cases instead of casting `Any` at every tag.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A section lambda (`{{#asset}}css/site.css{{/asset}}`): gets the section's raw text.
    case lambda(TemplateLambda)
}

/// A function staff call as a section. Compared and hashed by `name`: a lambda's behaviour
/// must be fixed by what the page key already covers (for `asset`, the manifest and base path).
public struct TemplateLambda: Sendable, Hashable {
    public let name: String
    /// Returns the text to write. As a section (`{{#asset}}raw{{/asset}}`) it gets the raw section
    /// text and its result is written as it is (not parsed as a template, not escaped); as
    /// `{{asset}}` it gets "" and the result is HTML-escaped (`{{{asset}}}`: not escaped). These are
    /// the bytes swift-mustache writes for a lambda returning a non-String value (such as the
    /// portal's `AssetURL`); swift-mustache would parse a returned `String` as a template.
    public let apply: @Sendable (String) -> String

    public init(name: String, _ apply: @escaping @Sendable (String) -> String) {
        self.name = name
        self.apply = apply
    }

    public static func == (lhs: TemplateLambda, rhs: TemplateLambda) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue {
    /// The value under `key` of an object; nil for every other case.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}
