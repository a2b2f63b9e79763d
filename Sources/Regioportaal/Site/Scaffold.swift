import Foundation
import RegioContent
import RegioMarkdown

/// `regioportaal new`: a new content file with valid front matter, never overwriting.
public enum Scaffold {
    public enum Kind: String, Sendable, CaseIterable {
        case update, coalitie, besluit, opgave, pagina

        /// Whether the file name starts with the date, as updates and besluiten do.
        var isDated: Bool { self == .update || self == .besluit }

        var folder: ContentKind {
            switch self {
            case .update: return .updates
            case .coalitie: return .coalities
            case .besluit: return .besluiten
            case .opgave: return .opgaven
            case .pagina: return .paginas
            }
        }
    }

    /// Writes the file and returns its URL. Throws a ``Diagnostic`` when the title gives no
    /// usable slug or the file exists. The front matter starts with a comment naming its JSON
    /// Schema (`schemas` defaults to the folder `schemas` beside the content folder), which
    /// editors with the YAML language server use for completion and checks.
    public static func create(_ kind: Kind, title: String, on day: Day, in content: URL, schemas: URL? = nil) throws -> URL {
        // What `check` would refuse is not written: a line break or other control character
        // in the title, or a title longer than a page title can sensibly be.
        if let bad = title.unicodeScalars.first(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw Diagnostic.error(.titleInvisibleCharacter, "U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))", at: nil)
        }
        guard title.count <= Scaffold.maxTitleLength else {
            throw Diagnostic.error(.titleTooLong, Scaffold.maxTitleLength, at: nil)
        }
        let slug = Slug.make(title)
        guard SlugRules.isValid(slug) else {
            throw Diagnostic.error(.titleWithoutName, Excerpt.quoted(title), at: nil)
        }
        // Updates and besluiten start with their date, like the others in their folders, so a
        // folder lists them in the order they happened.
        let name = (kind.isDated ? "\(day)-" : "") + slug + ".md"
        let folder = content.appendingPathComponent(kind.folder.rawValue)
        let file = folder.appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw Diagnostic.error(.fileExists, "\(kind.folder.rawValue)/\(name)", at: nil)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schemaFolder = schemas ?? content.deletingLastPathComponent().appendingPathComponent("schemas")
        let schema = relativePath(from: folder, to: schemaFolder.appendingPathComponent(kind.folder.rawValue + ".schema.json"))
        // A YAML comment: the front matter parses and reports positions as before.
        let text = "---\n# yaml-language-server: $schema=\(schema)\n"
            + frontMatter(kind, title: title, day: day, names: knownNames(for: kind, in: content)) + Self.provenance
            + "---\n" + body(kind)
        // `.withoutOverwriting` closes the race between the check above and the write.
        try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        return file
    }

    /// `target` as seen from the folder `base`, e.g. `../../schemas/updates.schema.json`.
    static func relativePath(from base: URL, to target: URL) -> String {
        let from = base.standardizedFileURL.pathComponents
        let to = target.standardizedFileURL.pathComponents
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A new file is the editors' own text until they name the document it rests on.
    static let provenance = """
        # Waar komt dit vandaan? Rust het op een document, schrijf dan bron: <naam uit Content/bronnen/>
        # in plaats van redactie: true. Zijn de gegevens verzonnen, schrijf dan voorbeeld: true.
        redactie: true

        """

    /// The lists a new file of `kind` refers from, in the order its front matter has them.
    static func referenceFolders(_ kind: Kind) -> [ContentKind] {
        switch kind {
        case .update, .besluit: return [.themas, .coalities, .gemeenten]
        case .coalitie: return [.themas, .opgaven, .gemeenten]
        case .opgave: return [.themas, .opgaven]
        case .pagina: return []
        }
    }

    /// Most names a comment line lists; the folder has the rest.
    static let maxNamesPerLine = 20

    /// YAML comments with the names (slugs) the new file's lists may hold, one line per folder,
    /// from the files now in `content`: an editor need not look them up.
    static func knownNames(for kind: Kind, in content: URL) -> String {
        var lines: [String] = []
        for folder in referenceFolders(kind) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(folder.rawValue).path)) ?? []
            let names = Set(files.compactMap { file -> String? in
                guard file.hasSuffix(".md") || file.hasSuffix(".yml") else { return nil }
                let name = String(file[..<file.lastIndex(of: ".")!])
                return SlugRules.isValid(name) ? name : nil
            }).sorted()
            guard !names.isEmpty else { continue }
            let more = names.count > maxNamesPerLine ? ", … (de rest staat in Content/\(folder.rawValue)/)" : ""
            lines.append("# \(folder.rawValue): " + names.prefix(maxNamesPerLine).joined(separator: ", ") + more)
        }
        guard !lines.isEmpty else { return "" }
        return "# Namen die u in de lijsten hieronder kunt gebruiken:\n" + lines.joined(separator: "\n") + "\n"
    }

    static func frontMatter(_ kind: Kind, title: String, day: Day, names: String = "") -> String {
        let titel = "titel: \(quoted(title))\n"
        switch kind {
        case .update:
            return titel + """
            datum: \(day)
            auteur: Redactie Regioportaal
            samenvatting: "Vat het bericht samen in één of twee zinnen."
            \(names)themas: []
            coalities: []
            gemeenten: []
            draft: true

            """
        case .coalitie:
            return titel + """
            samenvatting: "Vat het doel van de coalitie samen in één of twee zinnen."
            \(names)themas: []
            opgaven: []
            status: verkenning
            start: \(day)
            deelnemers: []
            stappen: []

            """
        case .besluit:
            return titel + """
            datum: \(day)
            orgaan: ""
            kenmerk: ""
            uitkomst: ""
            \(names)themas: []
            coalities: []
            gemeenten: []

            """
        case .opgave:
            return titel + """
            samenvatting: "Beschrijf de opgave in één of twee zinnen."
            \(names)themas: []
            afhankelijk_van: []
            vanaf: { datum: \(day), redactie: true }

            """
        case .pagina:
            return titel + """
            samenvatting: "Beschrijf de pagina in één zin."

            """
        }
    }

    static func body(_ kind: Kind) -> String {
        switch kind {
        case .update: return "\nSchrijf hier het bericht.\n"
        case .coalitie: return "\n## Doel\n\nSchrijf hier wat de coalitie wil bereiken.\n"
        case .besluit: return "\nSchrijf hier wat er besloten is en waarom.\n"
        case .opgave: return "\nSchrijf hier waarom deze opgave regionaal is.\n"
        case .pagina: return "\nSchrijf hier de tekst van de pagina.\n"
        }
    }
}

extension Scaffold {
    /// Longest title `new` writes.
    public static let maxTitleLength = 300
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
