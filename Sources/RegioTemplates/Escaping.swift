import RegioSupport

/// Writing values as bytes: HTML escaping on UTF-8 (the shared loop of RegioSupport) and the
/// text swift-mustache prints for each kind of value (`String(describing:)`).
extension [UInt8] {
    /// Appends `text` with exactly `< > & " '` replaced, as swift-mustache's HTML content type does.
    mutating func appendEscaped(_ text: String) {
        HTML.appendEscaped(text, to: &self)
    }

    mutating func appendRaw(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}

extension TemplateValue {
    /// What `{{x}}` prints for a non-string value, as swift-mustache's `String(describing:)`
    /// does for the `[String: Any]` form: `true`, `42`, `1.5`, `1e+20`, `["a", 1]`.
    /// Deviation: objects list their keys sorted (swift-mustache: hash order, which changes
    /// from run to run); a lambda inside a list prints `(lambda name)`.
    var renderedDescription: String {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(describing: n)
        case .double(let d): return String(describing: d)
        case .list, .object, .lambda: return debugText
        }
    }

    /// The element form inside a collection's description (strings quoted).
    private var debugText: String {
        switch self {
        case .string(let s): return s.debugDescription
        case .bool, .int, .double: return renderedDescription
        case .list(let items): return "[" + items.map(\.debugText).joined(separator: ", ") + "]"
        case .object(let fields):
            if fields.isEmpty { return "[:]" }
            return "[" + fields.keys.sorted().map { "\($0.debugDescription): \(fields[$0]!.debugText)" }.joined(separator: ", ") + "]"
        case .lambda(let lambda): return "(lambda \(lambda.name))"
        }
    }
}
