/// A pointer to the part of a registered document (`Content/bronnen/`) a fact rests on.
public struct Citation: Sendable, Hashable {
    public var document: String
    /// Section, heading or page, as the document shows it; nil when not given.
    public var deel: String?

    public init(document: String, deel: String? = nil) {
        self.document = document
        self.deel = deel
    }
}

/// Where a fact comes from. Every entity and every disputed relation has exactly one; the
/// validator refuses content that states none.
public enum Provenance: Sendable, Hashable {
    /// Rests on these documents.
    case sources([Citation])
    /// The editors' own reading or text: not stated by a document.
    case editorial
    /// Invented for illustration: shown with the voorbeeld label wherever it goes.
    case example

    public var isExample: Bool { self == .example }
    public var isEditorial: Bool { self == .editorial }

    public var citations: [Citation] {
        if case .sources(let list) = self { return list }
        return []
    }

    /// What a value derived from this fact is grounded on.
    public var grounds: Grounds { Grounds(example: isExample, editorial: isEditorial) }
}

/// What went into a derived value (a count, a list, a map, a record): whether any example
/// data, or any editors' reading, did. Derived values are made by combining the grounds of
/// everything they read, so the label cannot fall off on the way to a page, feed or file.
public struct Grounds: Sendable, Hashable {
    public var example: Bool
    public var editorial: Bool

    public init(example: Bool = false, editorial: Bool = false) {
        self.example = example
        self.editorial = editorial
    }

    /// Only sourced facts went in.
    public static let sourced = Grounds()

    public static func | (a: Grounds, b: Grounds) -> Grounds {
        Grounds(example: a.example || b.example, editorial: a.editorial || b.editorial)
    }

    public static func |= (a: inout Grounds, b: Grounds) { a = a | b }

    /// The grounds of everything in `items`.
    public static func of<S: Sequence>(_ items: S, _ grounds: (S.Element) -> Grounds) -> Grounds {
        items.reduce(.sourced) { $0 | grounds($1) }
    }
}

/// A value together with what it was derived from. Helpers that count or list for pages,
/// maps and data files return this, so a caller cannot take the value and drop the label.
public struct Grounded<Value> {
    public var value: Value
    public var grounds: Grounds

    public init(_ value: Value, _ grounds: Grounds) {
        self.value = value
        self.grounds = grounds
    }
}

extension Grounded: Sendable where Value: Sendable {}

/// A term of the glossary (`/begrippen/`): its first use on a page links to its explanation.
public struct Begrip: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var afkorting: String?
    public var uitleg: String
    public var ook: [String]

    /// The spellings to look for in texts: the abbreviation, the term and its other forms.
    public var spellings: [String] { [afkorting].compactMap { $0 } + [titel] + ook }
}

/// A registered source document.
public struct Bron: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var auteur: String
    public var datum: Day
    public var soort: String
    public var kenmerk: String?
    public var link: String?
    public var samenvatting: String
}
