import Foundation
import RegioMarkdown
import RegioSupport

/// A content file after parsing: its checked front matter and its rendered body.
public struct ParsedFile: Sendable {
    public var file: LoadedFile
    public var record: Record?
    public var body: RenderedMarkdown
    public var bodyLineOffset: Int
}

/// Stage 2: front matter → YAML → checked record; Markdown body → rendered once. Files are
/// independent, so they are parsed on all cores; results keep the input order.
public struct ContentParser: Sendable {
    /// Deployment path prefix (`/` or `/portaal/`), applied to site-absolute links in Markdown.
    public var basePath: String

    public init(basePath: String) { self.basePath = basePath }

    public func parseSettings(_ file: SourceFile, baseURLOverride: String?, diagnostics: inout Diagnostics) -> SiteSettings? {
        guard let yaml = YAMLReader(file: file, lineOffset: 0).read(file.text, diagnostics: &diagnostics),
              let record = RecordDecoder(file: file).decode(yaml, as: ContentSchema.site, diagnostics: &diagnostics)
        else { return nil }
        if let baseURLOverride, let problem = WebAddress.baseProblem(baseURLOverride) {
            // Named as the option it came from: pointing into site.yml or a template would mislead.
            diagnostics.error(.baseURLOption, problem, Excerpt.quoted(baseURLOverride), at: nil)
            return nil
        }
        if baseURLOverride == nil, let field = record["base_url"], let given = record.text("base_url"),
           let problem = WebAddress.baseProblem(given) {
            diagnostics.error(.baseURLSetting, problem, at: field.location)
            return nil
        }
        if let contact = record.record("contact"), let field = record["contact"] {
            // A fact like any other: it says where it comes from, once.
            let given = ContentSchema.provenanceKeys.filter { $0 == "bron" ? !contact.list($0).isEmpty : contact.bool($0) }
            if given.count != 1 {
                if given.isEmpty {
                    diagnostics.error(.relationWithoutProvenance, "contact", "bron: { document: …, deel: … }", at: field.location)
                } else {
                    diagnostics.error(.twoProvenances, given.joined(separator: ", "), at: field.location)
                }
            }
        }
        guard let titel = record.text("titel"), let beschrijving = record.text("beschrijving"),
              var baseURL = baseURLOverride ?? record.text("base_url") else { return nil }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        return SiteSettings(titel: titel, beschrijving: beschrijving, baseURL: baseURL,
                            updatesPerPagina: record.integer("updates_per_pagina") ?? 10,
                            peildatum: record.date("peildatum")?.value, uitgever: record.text("uitgever"),
                            testversie: record.bool("testversie"),
                            veranderingenPerPagina: record.integer("veranderingen_per_pagina") ?? 1_000,
                            contact: record.record("contact").map { c in
                                Contact(naam: c.text("naam"), adres: c.text("adres"), email: c.text("email"), telefoon: c.text("telefoon"),
                                        provenance: ModelBuilder.provenance(c), location: record["contact"]?.location)
                            },
                            baseURLLocation: baseURLOverride == nil ? record["base_url"]?.location : nil)
    }

    public func parse(_ files: [LoadedFile], cache: ParseCache? = nil, diagnostics: inout Diagnostics) -> [ParsedFile] {
        let basePath = self.basePath
        let results = ConcurrentMap.map(files) { file -> (ParsedFile, Diagnostics) in
            // A hit was parsed from equal text, perhaps read by another build: it is handed out
            // with this build's file, so the model refers to the files this build loaded.
            if var hit = cache?.lookup(file, basePath: basePath) {
                hit.0.file = file
                return hit
            }
            var local = Diagnostics()
            let parsed = parse(file, diagnostics: &local)
            cache?.store(file, basePath: basePath, result: (parsed, local))
            return (parsed, local)
        }
        cache?.retain(files)
        for (_, found) in results { diagnostics.append(contentsOf: found) }
        return results.map(\.0)
    }

    public func parse(_ file: LoadedFile, diagnostics: inout Diagnostics) -> ParsedFile {
        let spec = ContentSchema.specs[file.kind]!
        var yamlText = file.source.text
        var yamlOffset = 0
        var body = RenderedMarkdown.empty
        var bodyOffset = 0
        if file.isMarkdown {
            guard let split = FrontMatter.split(file.source, diagnostics: &diagnostics) else {
                return ParsedFile(file: file, record: nil, body: body, bodyLineOffset: 0)
            }
            yamlText = split.yaml
            yamlOffset = split.yamlLineOffset
            FrontMatter.checkEnd(split, file: file.source, keys: Set(spec.fields.map(\.name)), diagnostics: &diagnostics)
            bodyOffset = split.bodyLineOffset
            body = Markdown.render(split.body, options: markdownOptions(lineOffset: split.bodyLineOffset))
        }
        var record: Record?
        if let yaml = YAMLReader(file: file.source, lineOffset: yamlOffset).read(yamlText, diagnostics: &diagnostics) {
            record = RecordDecoder(file: file.source).decode(yaml, as: spec, diagnostics: &diagnostics)
        }
        return ParsedFile(file: file, record: record, body: body, bodyLineOffset: bodyOffset)
    }

    func markdownOptions(lineOffset: Int) -> MarkdownOptions {
        let basePath = self.basePath
        return MarkdownOptions(lineOffset: lineOffset, rewriteDestination: { destination in
            SitePaths.resolve(destination, basePath: basePath)
        }, reservedAnchors: PageAnchors.common)
    }
}

/// Parsed files kept between builds of a long-running process (the preview server): a file
/// whose text, kind and deployment path did not change is not parsed again. Parsing is a
/// pure function of those inputs, so a build with the cache equals a clean build.
public final class ParseCache: @unchecked Sendable {
    private struct Stamp: Equatable {
        var text: String
        var kind: ContentKind
        var basePath: String
    }

    private let entries = KeyedCache<String, Stamp, (ParsedFile, Diagnostics)>()
    private let counters = Locked((hits: 0, misses: 0))
    public var hits: Int { counters.current.hits }
    public var misses: Int { counters.current.misses }

    public init() {}

    func lookup(_ file: LoadedFile, basePath: String) -> (ParsedFile, Diagnostics)? {
        let found = entries.value(for: file.source.path, stamp: Stamp(text: file.source.text, kind: file.kind, basePath: basePath))
        counters.withLock {
            if found == nil { $0.misses += 1 } else { $0.hits += 1 }
        }
        return found
    }

    package func store(_ file: LoadedFile, basePath: String, result: (ParsedFile, Diagnostics)) {
        entries.store(result, for: file.source.path, stamp: Stamp(text: file.source.text, kind: file.kind, basePath: basePath))
    }

    /// Forgets files that are gone, so renamed and deleted files do not linger.
    func retain(_ files: [LoadedFile]) {
        entries.retain(Set(files.map(\.source.path)))
    }

    public func resetCounters() {
        counters.withLock { $0 = (0, 0) }
    }
}

/// Ids every page layout has (`base.mustache` and the partials every page includes), so
/// content may link to them, and headings never get them.
package enum PageAnchors {
    package static let common: Set<String> = ["inhoud", "top", "footer-nav-titel"]
}
