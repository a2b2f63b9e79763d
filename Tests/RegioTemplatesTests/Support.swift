import Foundation
import Mustache
import RegioTemplates

/// JSON (spec data) decoded straight into `TemplateValue`: ints as `.int`, other numbers as
/// `.double`, null as "missing" (dropped from objects and lists).
struct JSONValue: Decodable {
    let value: TemplateValue?

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            value = nil
        } else if let b = try? c.decode(Bool.self) {
            value = .bool(b)
        } else if let n = try? c.decode(Int.self) {
            value = .int(n)
        } else if let d = try? c.decode(Double.self) {
            value = .double(d)
        } else if let s = try? c.decode(String.self) {
            value = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            value = .list(a.compactMap(\.value))
        } else {
            value = .object(try c.decode([String: JSONValue].self).compactMapValues(\.value))
        }
    }
}

/// What the project's lambda returns today: a non-String value that swift-mustache prints with
/// `String(describing:)`.
struct Described: CustomStringConvertible {
    let description: String
}

extension TemplateValue {
    /// The `[String: Any]` form the generator used to give swift-mustache.
    var oracleValue: Any {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b
        case .int(let n): return n
        case .double(let d): return d
        case .list(let items): return items.map(\.oracleValue)
        case .object(let fields): return fields.mapValues(\.oracleValue)
        case .lambda(let lambda): return MustacheLambda { text in Described(description: lambda.apply(text)) }
        }
    }
}

enum Oracle {
    /// swift-mustache's output, or nil when it refuses the template.
    static func render(_ template: String, partials: [String: String], data: TemplateValue) -> String? {
        do {
            var library = MustacheLibrary()
            for (name, text) in partials { try library.register(text, named: name) }
            return try MustacheTemplate(string: template).render(data.oracleValue, library: library)
        } catch {
            return nil
        }
    }
}

enum Engine {
    static let main = "__template__"

    static func library(_ template: String, partials: [String: String]) throws(TemplateLibraryError) -> TemplateLibrary {
        var all = partials
        all[main] = template
        // The spec's own recursion cases (ended by the data) are allowed here; the portal refuses cycles.
        return try TemplateLibrary(templates: all, allowsRecursion: true)
    }

    static func render(_ template: String, partials: [String: String] = [:], data: TemplateValue) throws(TemplateLibraryError) -> String {
        try library(template, partials: partials).render(data, template: main)!.output
    }
}
