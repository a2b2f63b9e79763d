/// The content model's shape, declared once. Validation of front matter and data files and
/// the published JSON Schema both derive from these declarations, so they cannot drift.
public struct FieldSpec: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    /// Dutch, for editors (shown in the JSON Schema and in editor completion).
    public var description: String

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ description: String) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
    }
}

public indirect enum FieldType: Sendable {
    case text
    case date
    /// A whole number in `minimum...maximum`: every number is bounded, so none can overflow
    /// the arithmetic that uses it.
    case integer(minimum: Int, maximum: Int)
    case boolean
    /// An absolute `https://` or `http://` address.
    case url
    case reference(ReferenceTarget)
    case choice(Choice)
    case list(FieldType, minItems: Int)
    case object(ObjectSpec)
    /// A single value written bare (a slug, a date), or an object with more detail.
    case valueOrObject(FieldType, ObjectSpec)
    /// One value, or a list of them; decoded as a list either way.
    case oneOrMore(FieldType)

    /// A reference written as a bare slug, or an object with more detail.
    public static func referenceOrObject(_ target: ReferenceTarget, _ spec: ObjectSpec) -> FieldType {
        .valueOrObject(.reference(target), spec)
    }
}

/// What a reference may point at.
public enum ReferenceTarget: Sendable, Hashable {
    case kind(ContentKind)
    /// A gemeente or a partner.
    case partij

    public var kinds: [ContentKind] {
        switch self {
        case .kind(let kind): return [kind]
        case .partij: return [.gemeenten, .partners]
        }
    }

    package var noun: Text {
        switch self {
        case .kind(let kind): return Text(verbatim: kind.singular)
        case .partij: return Phrase.partij()
        }
    }
}

extension ContentKind {
    /// One of a kind, as the content names it (the same in both languages).
    package var singular: String {
        switch self {
        case .gemeenten: return "gemeente"
        case .partners: return "partner"
        case .themas: return "thema"
        case .opgaven: return "opgave"
        case .coalities: return "coalitie"
        case .besluiten: return "besluit"
        case .updates: return "update"
        case .paginas: return "pagina"
        case .bronnen: return "bron"
        case .begrippen: return "begrip"
        }
    }
}

/// A closed set of values, each with a Dutch label and description.
public struct Choice: Sendable {
    public struct Option: Sendable {
        public var value: String
        public var label: String
        public var description: String
    }

    public var name: String
    public var options: [Option]

    public var values: [String] { options.map(\.value) }

    public func option(_ value: String) -> Option? { options.first { $0.value == value } }
}

public struct ObjectSpec: Sendable {
    public var fields: [FieldSpec]
    /// Groups of keys of which exactly one must be present.
    public var exactlyOneOf: [[String]]

    public init(_ fields: [FieldSpec], exactlyOneOf: [[String]] = []) {
        self.fields = fields
        self.exactlyOneOf = exactlyOneOf
    }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}
