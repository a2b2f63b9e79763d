import Foundation
import RegioContent
import RegioSupport

/// A JSON value built in code. Written with `JSONEncoder` and sorted keys, so the same value
/// always gives the same bytes (schemas, open data).
public indirect enum JSONValue: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let b):
            var container = encoder.singleValueContainer()
            try container.encode(b)
        case .int(let n):
            var container = encoder.singleValueContainer()
            try container.encode(n)
        case .double(let d):
            var container = encoder.singleValueContainer()
            try container.encode(d)
        case .string(let s):
            var container = encoder.singleValueContainer()
            try container.encode(s)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try container.encode(value, forKey: Key(key)) }
        }
    }

    /// Sorted keys, no escaped slashes, ending in a newline; pretty printed unless `compact`.
    /// The same bytes as `JSONEncoder` with those options, written directly: encoding the open
    /// data of a large site through `Encodable` took a quarter of a second. A non-integer number
    /// is formatted by `JSONEncoder` itself, whose number formatting is not repeated here.
    public func serialized(compact: Bool = false) -> String {
        var bytes: [UInt8] = []
        write(to: &bytes, compact: compact, indent: 0)
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``serialized(compact:)`` of a pretty-printed top-level array, its items written on all
    /// cores (the open data of a large site is a few arrays of thousands of records).
    func serializedInParallel() -> String {
        guard case .array(let items) = self, items.count > 1 else { return serialized() }
        return Self.prettyArray(ConcurrentMap.map(items) { $0.prettyItem() })
    }

    /// This value as an item of a pretty-printed top-level array, for ``prettyArray(_:)``.
    func prettyItem() -> [UInt8] {
        var bytes: [UInt8] = []
        write(to: &bytes, compact: false, indent: 1)
        return bytes
    }

    /// A pretty-printed top-level array of items made by ``prettyItem()``, as ``serialized(compact:)`` writes it.
    static func prettyArray(_ written: [[UInt8]]) -> String {
        String(decoding: prettyArrayBytes(written), as: UTF8.self)
    }

    /// ``prettyArray(_:)`` as UTF-8, for files of many megabytes (the open data's updates).
    static func prettyArrayBytes(_ written: [[UInt8]]) -> [UInt8] {
        guard !written.isEmpty else { return Array(JSONValue.array([]).serialized().utf8) }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(written.reduce(4) { $0 + $1.count + 4 })
        for (index, item) in written.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(0x0A)
            bytes.append(0x20)
            bytes.append(0x20)
            bytes.append(contentsOf: item)
        }
        bytes.append(0x0A)
        bytes.append(UInt8(ascii: "]"))
        bytes.append(0x0A)
        return bytes
    }

    private func write(to bytes: inout [UInt8], compact: Bool, indent: Int) {
        func newline(_ level: Int) {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: level * 2))
        }
        switch self {
        case .null: bytes += Array("null".utf8)
        case .bool(let flag): bytes += Array((flag ? "true" : "false").utf8)
        case .int(let number): bytes += Array(String(number).utf8)
        case .double: bytes += Array(encodedByFoundation(compact: true).dropLast().utf8)
        case .string(let text): JSONText.appendString(text, to: &bytes, escapingMarkup: false)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                if !compact { newline(indent + 1) }
                item.write(to: &bytes, compact: compact, indent: indent + 1)
            }
            // JSONEncoder writes an empty container over two lines, with a blank line between.
            if !compact { if items.isEmpty { bytes.append(0x0A) }; newline(indent) }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                if !compact { newline(indent + 1) }
                JSONText.appendString(key, to: &bytes, escapingMarkup: false)
                bytes += compact ? [UInt8(ascii: ":")] : Array(" : ".utf8)
                members[key]!.write(to: &bytes, compact: compact, indent: indent + 1)
            }
            if !compact { if members.isEmpty { bytes.append(0x0A) }; newline(indent) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private func encodedByFoundation(compact: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes]
                                           : [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        // Encoding a value of this type cannot fail: it holds no non-finite numbers unless a
        // caller puts them there, and then "null" is the honest output.
        let data = (try? encoder.encode(self)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `nil` becomes `null`, so every record of an export has the same keys.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    public static func optional(_ value: Day?) -> JSONValue { value.map { .string($0.description) } ?? .null }
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}

/// Turns the declared content model (``ContentSchema``) into JSON Schema (draft 2020-12):
/// one schema for the front matter of each content kind, and one for `Content/site.yml`.
/// Validation (``RecordDecoder``) reads the same declarations, so the two cannot drift apart.
///
/// Design choices, for editors first:
/// - Every object is closed (`additionalProperties: false`), so a misspelt key is flagged.
/// - A choice is an `enum` with one Dutch description per value (`enumDescriptions` and
///   `markdownEnumDescriptions`, which VS Code's YAML extension shows in completion and hover).
/// - A reference to a gemeente or partij (gemeente or partner) is an `enum` of the slugs that
///   exist: that set is small and stable, and a wrong slug is then flagged in the editor. Other
///   references (thema's, opgaven, coalities) are a slug `pattern` with the existing slugs as
///   `examples` (offered in completion, never rejected): those sets grow with the content.
/// - A key written without a value (`kenmerk:`) counts as left out; optional keys therefore
///   also allow `null`, exactly as `regioportaal check` does.
/// - A text may be any single value (YAML reads `titel: 2024` as a number; the check accepts it).
/// - What a schema cannot say (cycles, order of dates, that a reference exists for every kind,
///   the Markdown body) is listed in each schema's `description`.
public struct JSONSchemaWriter: Sendable {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"
    public static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    public static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    public static let urlPattern = "^[Hh][Tt][Tt][Pp][Ss]?://[^ \"<>]+$"
    /// The name of the schema of `Content/site.yml`; the others are named after their folder.
    public static let siteName = "site"

    /// An entity a reference may point at: its slug and its display name.
    public struct Entry: Sendable, Hashable {
        public var slug: String
        public var naam: String

        public init(slug: String, naam: String) {
            self.slug = slug
            self.naam = naam
        }
    }

    /// One schema file.
    public struct Document: Sendable {
        /// `updates`, `site`, …
        public var name: String
        public var title: String
        public var json: JSONValue
        public var fileName: String { name + ".schema.json" }
        public var text: String { json.serialized() }
    }

    /// Ends in `/`; schema ids are `<baseURL>schemas/<name>.schema.json`.
    public var baseURL: String
    /// The entities per kind that references may name, sorted by slug.
    public var known: [ContentKind: [Entry]]

    public init(baseURL: String, known: [ContentKind: [Entry]] = [:]) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.known = known.mapValues { $0.sorted { $0.slug < $1.slug } }
    }

    /// Schemas for a site: its base URL and the entities of its model.
    public init(model: SiteModel) {
        self.init(baseURL: model.settings.baseURL, known: [
            .gemeenten: model.gemeenten.map { Entry(slug: $0.info.slug, naam: $0.naam) },
            .partners: model.partners.map { Entry(slug: $0.info.slug, naam: $0.naam) },
            .themas: model.themas.map { Entry(slug: $0.info.slug, naam: $0.titel) },
            .opgaven: model.opgaven.map { Entry(slug: $0.info.slug, naam: $0.titel) },
            .coalities: model.coalities.map { Entry(slug: $0.info.slug, naam: $0.titel) },
        ])
    }

    /// Every schema, in a fixed order: the content kinds, then the site settings.
    public func documents() -> [Document] {
        ContentKind.allCases.map(document(for:)) + [siteDocument()]
    }

    public func url(of name: String) -> String { baseURL + "schemas/" + name + ".schema.json" }

    /// Schema names and titles without building the schemas, for links and the editor setup.
    public static let titles: [(name: String, title: String)] =
        ContentKind.allCases.map { ($0.rawValue, Self.describe($0).title) } + [(siteName, "Site-instellingen")]

    // MARK: Documents

    public func document(for kind: ContentKind) -> Document {
        let about = Self.describe(kind)
        var root = objectSchema(ContentSchema.specs[kind]!)
        root["$schema"] = .string(Self.draft)
        root["$id"] = .string(url(of: kind.rawValue))
        root["title"] = .string(about.title)
        root["description"] = .string(([about.intro, Self.nullRule] + [checkedElsewhere(kind)]).joined(separator: "\n\n"))
        return Document(name: kind.rawValue, title: about.title, json: .object(root))
    }

    public func siteDocument() -> Document {
        var root = objectSchema(ContentSchema.site)
        root["$schema"] = .string(Self.draft)
        root["$id"] = .string(url(of: Self.siteName))
        root["title"] = .string("Site-instellingen")
        root["description"] = .string("De instellingen van de site: het bestand Content/site.yml.\n\n" + Self.nullRule)
        return Document(name: Self.siteName, title: "Site-instellingen", json: .object(root))
    }

    static let provenanceRule = "Herkomst: elk bestand heeft precies één van bron (een brondocument uit Content/bronnen/, eventueel met het deel), voorbeeld: true (verzonnen gegevens ter illustratie) of redactie: true (de eigen lezing van de redactie). Hetzelfde geldt, als het bestand zelf geen voorbeeld is, voor de samenstelling van een tafel, elke deelnemer van een coalitie, elke afhankelijkheid (afhankelijk_van) en de datums vanaf en tot van een opgave."

    static let nullRule = "Een sleutel zonder waarde (bijvoorbeeld `kenmerk:`) telt als weggelaten; optionele sleutels mogen daarom ook leeg (null) zijn."

    static func describe(_ kind: ContentKind) -> (title: String, intro: String) {
        let frontMatter = "tussen de twee regels --- bovenaan het bestand"
        switch kind {
        case .gemeenten: return ("Gemeente", "De front matter van een gemeente: een .md-bestand in Content/gemeenten/, \(frontMatter).")
        case .partners: return ("Partner", "Een partner: een .yml-bestand in Content/partners/, of de front matter van een .md-bestand daar.")
        case .themas: return ("Thema", "De front matter van een thema met zijn bestuurlijke tafel: een .md-bestand in Content/themas/, \(frontMatter).")
        case .opgaven: return ("Opgave", "De front matter van een regionale opgave: een .md-bestand in Content/opgaven/, \(frontMatter).")
        case .coalities: return ("Coalitie", "De front matter van een coalitie, project of programma: een .md-bestand in Content/coalities/, \(frontMatter).")
        case .besluiten: return ("Besluit", "De front matter van een besluit: een .md-bestand in Content/besluiten/, \(frontMatter).")
        case .updates: return ("Update", "De front matter van een bericht: een .md-bestand in Content/updates/, \(frontMatter).")
        case .paginas: return ("Pagina", "De front matter van een vrije pagina: een .md-bestand in Content/paginas/, \(frontMatter).")
        case .begrippen: return ("Begrip", "Een begrip voor de lijst /begrippen/: een .yml-bestand in Content/begrippen/, of de front matter van een .md-bestand daar.")
        case .bronnen: return ("Bron", "Een brondocument van het portaal: een .yml-bestand in Content/bronnen/, of de front matter van een .md-bestand daar.")
        }
    }

    /// The rules `regioportaal check` applies that this schema cannot express, in Dutch.
    func checkedElsewhere(_ kind: ContentKind) -> String {
        var rules = [
            "De bestandsnaam (de slug) bestaat uit kleine letters, cijfers en koppeltekens en komt binnen de soort maar één keer voor; een gemeente en een partner mogen niet dezelfde slug hebben.",
            "Een datum moet echt bestaan (2024-02-30 bestaat niet); dit schema zegt dat met \"format\": \"date\", maar niet elk programma controleert dat.",
        ]
        let targets = Self.referenceTargets(in: ContentSchema.specs[kind]!)
        if !targets.isEmpty {
            let open = targets.filter { !usesEnum($0) }.map(\.dutchPlural)
            let closed = targets.filter(usesEnum).map(\.dutchPlural)
            var text = "Elke verwijzing wijst naar een bestand dat bestaat."
            if !closed.isEmpty {
                text += " Voor \(closed.joined(separator: " en ")) noemt dit schema de toegestane slugs (de stand toen het schema werd gemaakt; draai `regioportaal schema` na een nieuwe gemeente of partner)."
            }
            if !open.isEmpty {
                text += " Voor \(open.joined(separator: " en ")) geeft het alleen voorbeelden; of de slug bestaat, ziet alleen de controle."
            }
            rules.append(text)
        }
        switch kind {
        case .themas:
            rules.append("Een partij staat maar één keer in tafel.leden; bij een lid met vanaf en tot ligt tot na vanaf.")
        case .opgaven:
            rules.append("afhankelijk_van bevat geen kring (een opgave hangt niet, ook niet via andere opgaven, van zichzelf af) en geen opgave twee keer; tot ligt na vanaf.")
        case .coalities:
            rules.append("eind ligt niet voor start. Een partij staat maar één keer bij deelnemers. Varianten staan van oud naar nieuw, overlappen niet, en elke variant na de eerste heeft een vanaf; tot ligt na vanaf.")
            rules.append("Stappen staan in procesvolgorde (\(ContentSchema.stap.values.joined(separator: " → "))) en hun datums lopen niet terug.")
            rules.append("Waarschuwing (geen fout): een coalitie zonder één deelnemer met variant volledig.")
        case .updates:
            rules.append("expiryDate ligt na publishDate.")
        case .paginas:
            rules.append("De slug is geen naam die de site zelf gebruikt: \(Routes.reserved.sorted().joined(separator: ", ")).")
        case .gemeenten, .partners, .besluiten, .bronnen, .begrippen:
            break
        }
        if kind != .bronnen { rules.append(Self.provenanceRule) }
        rules.append("In de Markdown-tekst: elke afbeelding heeft een alt-tekst, koppen beginnen bij ## en slaan geen niveau over, links naar pagina's van het portaal en hun ankers bestaan, en onveilige links (javascript:) zijn niet toegestaan.")
        return "Niet in dit schema, wel gecontroleerd door `regioportaal check`:\n" + rules.map { "- " + $0 }.joined(separator: "\n")
    }

    static func referenceTargets(in spec: ObjectSpec) -> [ReferenceTarget] {
        var found: [ReferenceTarget] = []
        func visit(_ type: FieldType) {
            switch type {
            case .reference(let target): if !found.contains(target) { found.append(target) }
            case .valueOrObject(let bare, let spec):
                visit(bare)
                spec.fields.forEach { visit($0.type) }
            case .list(let element, _), .oneOrMore(let element): visit(element)
            case .object(let spec): spec.fields.forEach { visit($0.type) }
            case .text, .date, .integer, .boolean, .url, .choice: break
            }
        }
        spec.fields.forEach { visit($0.type) }
        return found
    }

    // MARK: Types

    /// Gemeenten and partij (gemeente or partner) references are closed sets; others are open.
    func usesEnum(_ target: ReferenceTarget) -> Bool {
        switch target {
        case .kind(.gemeenten), .partij: return !entries(for: target).isEmpty
        default: return false
        }
    }

    func entries(for target: ReferenceTarget) -> [(entry: Entry, kind: ContentKind)] {
        target.kinds.flatMap { kind in (known[kind] ?? []).map { ($0, kind) } }.sorted { $0.entry.slug < $1.entry.slug }
    }

    func objectSchema(_ spec: ObjectSpec) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for field in spec.fields {
            var schema = typeSchema(field.type)
            if !field.required { schema = Self.nullable(schema) }
            schema["description"] = .string(field.description)
            properties[field.name] = .object(schema)
        }
        var object: [String: JSONValue] = [
            "type": .string("object"),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ]
        let required = spec.fields.filter(\.required).map(\.name)
        if !required.isEmpty { object["required"] = JSONValue.strings(required) }
        let groups: [JSONValue] = spec.exactlyOneOf.map { group in
            .object(["oneOf": .array(group.map { .object(["required": JSONValue.strings([$0])]) })])
        }
        if groups.count == 1, case .object(let only) = groups[0] {
            object.merge(only) { _, new in new }
        } else if groups.count > 1 {
            object["allOf"] = .array(groups)
        }
        return object
    }

    func typeSchema(_ type: FieldType) -> [String: JSONValue] {
        switch type {
        case .text:
            // Any single value that is not empty: YAML reads `titel: 2024` as a number.
            return ["type": JSONValue.strings(["string", "number", "boolean"]), "pattern": .string("\\S"),
                    "patternErrorMessage": .string("Vul een tekst in.")]
        case .date:
            return ["type": .string("string"), "pattern": .string(Self.datePattern), "format": .string("date"),
                    "patternErrorMessage": .string("Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2024-05-29.")]
        case .integer(let minimum, let maximum):
            return ["type": .string("integer"), "minimum": .int(minimum), "maximum": .int(maximum)]
        case .boolean:
            return ["type": .string("boolean")]
        case .url:
            return ["type": .string("string"), "pattern": .string(Self.urlPattern), "minLength": .int(9),
                    "patternErrorMessage": .string("Een webadres begint met https://, bijvoorbeeld https://www.dordrecht.nl.")]
        case .reference(let target):
            return referenceSchema(target)
        case .choice(let choice):
            return [
                "type": .string("string"),
                "enum": JSONValue.strings(choice.values),
                "enumDescriptions": JSONValue.strings(choice.options.map { "\($0.label): \($0.description)" }),
                "markdownEnumDescriptions": JSONValue.strings(choice.options.map { "**\($0.label)**: \($0.description)" }),
            ]
        case .list(let element, let minItems):
            var schema: [String: JSONValue] = ["type": .string("array"), "items": .object(typeSchema(element))]
            if minItems > 0 { schema["minItems"] = .int(minItems) }
            return schema
        case .object(let spec):
            return objectSchema(spec)
        case .valueOrObject(let bare, let spec):
            return ["anyOf": .array([.object(typeSchema(bare)), .object(objectSchema(spec))])]
        case .oneOrMore(let element):
            let single = typeSchema(element)
            return ["anyOf": .array([.object(single), .object(["type": .string("array"), "items": .object(single), "minItems": .int(1)])])]
        }
    }

    func referenceSchema(_ target: ReferenceTarget) -> [String: JSONValue] {
        let entries = entries(for: target)
        if usesEnum(target) {
            let kindNames: [ContentKind: String] = [.gemeenten: "gemeente", .partners: "partner"]
            let labels = entries.map { target.kinds.count > 1 ? "\($0.entry.naam) — \(kindNames[$0.kind] ?? $0.kind.rawValue)" : $0.entry.naam }
            return [
                "type": .string("string"),
                "enum": JSONValue.strings(entries.map(\.entry.slug)),
                "enumDescriptions": JSONValue.strings(labels),
                "description": .string("Slug van een \(target.dutchNoun): de bestandsnaam zonder .md of .yml."),
            ]
        }
        var schema: [String: JSONValue] = [
            "type": .string("string"),
            "pattern": .string(Self.slugPattern),
            "maxLength": .int(120),
            "patternErrorMessage": .string("Een slug bestaat uit kleine letters, cijfers en koppeltekens, bijvoorbeeld energietransitie."),
            "description": .string("Slug van een \(target.dutchNoun): de bestandsnaam zonder .md."),
        ]
        if !entries.isEmpty { schema["examples"] = JSONValue.strings(entries.map(\.entry.slug)) }
        return schema
    }

    /// Adds `null` to a schema's types (and enum), or wraps it when it has no `type`.
    static func nullable(_ schema: [String: JSONValue]) -> [String: JSONValue] {
        var schema = schema
        switch schema["type"] {
        case .string(let t)?: schema["type"] = JSONValue.strings([t, "null"])
        case .array(let ts)?: schema["type"] = .array(ts + [.string("null")])
        default: return ["anyOf": .array([.object(schema), .object(["type": .string("null")])])]
        }
        if case .array(let values)? = schema["enum"] {
            schema["enum"] = .array(values + [.null])
            for key in ["enumDescriptions", "markdownEnumDescriptions"] {
                if case .array(let descriptions)? = schema[key] {
                    schema[key] = .array(descriptions + [.string("Leeg: telt als niet ingevuld.")])
                }
            }
        }
        return schema
    }
}

extension ReferenceTarget {
    /// The noun for Dutch schema descriptions.
    var dutchNoun: String { noun.nl }

    var dutchPlural: String {
        switch self {
        case .kind(.gemeenten): return "gemeenten"
        case .kind(.partners): return "partners"
        case .kind(.themas): return "thema's"
        case .kind(.opgaven): return "opgaven"
        case .kind(.coalities): return "coalities"
        case .kind(.besluiten): return "besluiten"
        case .kind(.updates): return "updates"
        case .kind(.paginas): return "pagina's"
        case .kind(.bronnen): return "bronnen"
        case .kind(.begrippen): return "begrippen"
        case .partij: return "partijen (gemeenten en partners)"
        }
    }
}
