import Foundation
import RegioContent
import RegioMarkdown
import RegioSupport

/// The site's machine-readable files: Atom feeds, sitemap, robots.txt and the search index.
/// Built from the published model only, so nothing unpublished can leak through them, and
/// dated from content, never from the clock, so rebuilds are byte-identical.
package struct MachineOutputs: Sendable {
    let model: SiteModel
    let relations: Relations
    let baseURL: String

    package init(model: SiteModel, relations: Relations) {
        self.model = model
        self.relations = relations
        baseURL = model.settings.baseURL
    }

    func absolute(_ path: String) -> String { baseURL + path.dropFirst() }

    // MARK: Feeds

    /// A feed to publish and link from pages.
    package struct Feed: Sendable {
        package var path: String
        var titel: String
        var pagePath: String
        package var updates: [Int]
    }

    /// Entries per feed: the newest updates.
    package static let feedLength = 50

    static func feedPath(thema slug: String) -> String { "/feeds/themas/\(slug).xml" }
    static func feedPath(gemeente slug: String) -> String { "/feeds/gemeenten/\(slug).xml" }
    static let allUpdatesFeed = "/feeds/updates.xml"

    /// Updates that concern a gemeente: named directly or through a coalition it is part of.
    static func updates(forGemeente slug: String, relations: Relations, model: SiteModel) -> [Int] {
        let viaCoalities = (relations.coalitiesByPartij[slug] ?? []).flatMap { relations.updatesByCoalitie[model.coalities[$0].info.slug] ?? [] }
        return Array(Set((relations.updatesByGemeente[slug] ?? []) + viaCoalities)).sorted()
    }

    package var feeds: [Feed] {
        var feeds = [Feed(path: Self.allUpdatesFeed, titel: "\(model.settings.titel): alle updates", pagePath: Page.updates(page: 1).path,
                          updates: Array(model.updates.indices))]
        feeds += model.themas.map {
            Feed(path: Self.feedPath(thema: $0.info.slug), titel: "\(model.settings.titel): updates over \($0.titel)",
                 pagePath: Page.thema($0.info.slug).path, updates: relations.updatesByThema[$0.info.slug] ?? [])
        }
        feeds += model.gemeenten.map {
            Feed(path: Self.feedPath(gemeente: $0.info.slug), titel: "\(model.settings.titel): updates voor \($0.naam)",
                 pagePath: Page.gemeente($0.info.slug).path, updates: Self.updates(forGemeente: $0.info.slug, relations: relations, model: model))
        }
        return feeds
    }

    /// Atom 1.0 (RFC 4287). Entry ids are tag URIs from the host, the update's date and
    /// slug: they never change when the site moves to another path or is rebuilt.
    package func atom(_ feed: Feed) -> String {
        let host = URL(string: baseURL)?.host ?? "regioportaal"
        let entries = feed.updates.prefix(Self.feedLength).map { model.updates[$0] }
        let updated = entries.map(\.datum).max() ?? Day(year: 2000, month: 1, day: 1)!
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
          <title>\(XML.escape(feed.titel))</title>
          <subtitle>\(XML.escape(model.settings.beschrijving))</subtitle>
          <id>\(XML.escape(absolute(feed.path)))</id>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(absolute(feed.path)))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(absolute(feed.pagePath)))"/>
          <updated>\(updated.rfc3339)</updated>
          <author><name>\(XML.escape(model.settings.titel))</name></author>

        """
        for u in entries {
            let url = absolute(Page.update(u.info.slug).path)
            xml += """
              <entry>
                <title>\(u.info.voorbeeld ? "[Voorbeeld] " : "")\(XML.escape(u.titel))</title>
                <id>tag:\(XML.escape(host)),\(u.datum):updates/\(u.info.slug)</id>
                <link rel="alternate" type="text/html" href="\(XML.escape(url))"/>
                <published>\(u.datum.rfc3339)</published>
                <updated>\(u.datum.rfc3339)</updated>
                <author><name>\(XML.escape(u.auteur))</name></author>
                <summary>\(u.info.voorbeeld ? Self.feedExampleNote : "")\(XML.escape(u.samenvatting))</summary>
                <content type="html">\(XML.escape(u.info.body.html))</content>
            \(u.themas.compactMap { model.thema($0.value) }.map { "    <category term=\"\(XML.escape($0.info.slug))\" label=\"\(XML.escape($0.titel))\"/>\n" }.joined())\(u.info.voorbeeld ? "    <category term=\"voorbeeld\" label=\"Voorbeeldgegevens\"/>\n" : "")  </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }

    /// Before the summary of an example update: a feed reader shows no page notice.
    static let feedExampleNote = "Voorbeeldgegevens, geen feiten: "

    // MARK: Sitemap and robots

    func sitemap(pages: [Page], extraPaths: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let updateDates = PageContextBuilder.index(model.updates.map(\.info.slug)).mapValues { model.updates[$0].datum }
        let besluitDates = PageContextBuilder.index(model.besluiten.map(\.info.slug)).mapValues { model.besluiten[$0].datum }
        for page in pages where page != .notFound {
            xml += "  <url><loc>\(XML.escape(absolute(page.path)))</loc>\(lastModified(page, updateDates, besluitDates).map { "<lastmod>\($0)</lastmod>" } ?? "")</url>\n"
        }
        for path in extraPaths { xml += "  <url><loc>\(XML.escape(absolute(path)))</loc></url>\n" }
        return xml + "</urlset>\n"
    }

    /// Looked up by slug: a linear search per page made the sitemap O(updates²).
    private func lastModified(_ page: Page, _ updateDates: [String: Day], _ besluitDates: [String: Day]) -> Day? {
        switch page {
        case .update(let slug): return updateDates[slug]
        case .besluit(let slug): return besluitDates[slug]
        default: return nil
        }
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(absolute("/sitemap.xml"))\n"
    }

    /// Where ``printAddresses()`` is written; the head links it for print.
    package static let printAddressesPath = "css/print-adressen.css"

    /// On paper a link is useless as a path: this print rule writes the site's scheme and host
    /// before every site-relative link (hrefs already carry the base path). A file, not an
    /// inline style, because the pages' Content-Security-Policy allows only the site's own
    /// stylesheets; loaded after print.css, so it overrides its rule for these links.
    func printAddresses() -> String {
        let base = model.settings.baseURL
        var origin = base
        if let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") { origin = String(base[..<slash]) }
        let quoted = origin.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "")
        return "/* Made by the build from base_url: printed links show their full address. */\n"
            + "a[href^=\"/\"]::after { content: \" (\(quoted)\" attr(href) \")\"; }\n"
    }

    // MARK: Search

    /// One serialised record of the search index and the page it finds.
    package struct SearchEntry: Sendable {
        package var path: String
        package var json: [UInt8]
    }

    /// One record per page. `t` is the folded text searched (case and diacritics removed,
    /// so `coordinatie` finds `coördinatie`); the other fields are shown in results.
    /// Body text is capped so the index grows linearly with the number of pages.
    ///
    /// The records of the search index in index order: thema's, gemeenten, coalities, opgaven,
    /// besluiten, updates, pagina's.
    func searchEntries(basePath: String, sources: SourceKeys? = nil, cache: EntryCache? = nil) -> [SearchEntry] {
        var entries: [SearchEntry] = []
        func add(_ page: Page, _ json: [UInt8]) { entries.append(SearchEntry(path: page.path, json: json)) }
        for t in model.themas { add(.thema(t.info.slug), searchEntry(t, basePath: basePath)) }
        for g in model.gemeenten { add(.gemeente(g.info.slug), searchEntry(g, basePath: basePath)) }
        for c in model.coalities { add(.coalitie(c.info.slug), searchEntry(c, basePath: basePath)) }
        for o in model.opgaven { add(.opgave(o.info.slug), searchEntry(o, basePath: basePath)) }
        for b in model.besluiten { add(.besluit(b.info.slug), searchEntry(b, basePath: basePath)) }
        for b in model.verwachteBesluiten { add(.besluit(b.info.slug), searchEntry(b, basePath: basePath)) }
        // The bulk of the index; folding the text is independent per update, so on all cores.
        // An update's entry is a function of its own file and of the names it refers to (in
        // `sources.rest`), so a rebuild reuses the entries of unchanged updates.
        let updates = ConcurrentMap.map(model.updates) { u in
            let make = { searchEntry(u, basePath: basePath) }
            guard let cache, let sources, let own = sources.updates[u.info.slug] else { return make() }
            var hasher = Hasher()
            hasher.combine(sources.rest)
            hasher.combine(own)
            hasher.combine(basePath)
            return cache.value(for: u.info.slug, stamp: hasher.finalize(), orMake: make)
        }
        cache?.retain(Set(model.updates.map(\.info.slug)))
        for (u, json) in zip(model.updates, updates) { add(.update(u.info.slug), json) }
        for p in model.paginas { add(.pagina(p.info.slug), searchEntry(p, basePath: basePath)) }
        return entries
    }

    /// The search record of the entity of `kind` and `slug`, if it is published and has one.
    package func searchEntry(kind: ContentKind, slug: String, basePath: String) -> [UInt8]? {
        switch kind {
        case .themas: return model.thema(slug).map { searchEntry($0, basePath: basePath) }
        case .gemeenten: return model.gemeente(slug).map { searchEntry($0, basePath: basePath) }
        case .coalities: return model.coalitie(slug).map { searchEntry($0, basePath: basePath) }
        case .opgaven: return model.opgave(slug).map { searchEntry($0, basePath: basePath) }
        case .besluiten: return (model.besluiten.first { $0.info.slug == slug } ?? model.verwachteBesluiten.first { $0.info.slug == slug })
            .map { searchEntry($0, basePath: basePath) }
        case .updates: return model.updates.first { $0.info.slug == slug }.map { searchEntry($0, basePath: basePath) }
        case .paginas: return model.paginas.first { $0.info.slug == slug }.map { searchEntry($0, basePath: basePath) }
        case .partners, .bronnen, .begrippen: return nil
        }
    }

    func searchEntry(_ t: Thema, basePath: String) -> [UInt8] {
        Self.entry(.thema(t.info.slug), t.info.provenance.grounds, "Thema", t.titel, t.samenvatting, t.info.body.plainText, [t.tafel.naam], basePath: basePath)
    }

    func searchEntry(_ g: Gemeente, basePath: String) -> [UInt8] {
        Self.entry(.gemeente(g.info.slug), g.info.provenance.grounds, "Gemeente", g.naam, "Wat de regio doet voor \(g.naam)", g.info.body.plainText, [], basePath: basePath)
    }

    func searchEntry(_ c: Coalitie, basePath: String) -> [UInt8] {
        let names = c.deelnemers.compactMap { model.partijNaam($0.partij.value) }
        return Self.entry(.coalitie(c.info.slug), c.info.provenance.grounds | Grounds.of(c.deelnemers) { $0.grounds }, "Coalitie", c.titel, c.samenvatting, c.info.body.plainText,
                          names + c.themas.compactMap { model.thema($0.value)?.titel }, basePath: basePath)
    }

    func searchEntry(_ o: Opgave, basePath: String) -> [UInt8] {
        Self.entry(.opgave(o.info.slug), o.info.provenance.grounds, "Opgave", o.titel, o.samenvatting, o.info.body.plainText,
                   o.themas.compactMap { model.thema($0.value)?.titel }, basePath: basePath)
    }

    func searchEntry(_ p: Pagina, basePath: String) -> [UInt8] {
        Self.entry(.pagina(p.info.slug), p.info.provenance.grounds, "Pagina", p.titel, p.samenvatting, p.info.body.plainText, [], basePath: basePath)
    }

    func searchEntry(_ u: Update, basePath: String) -> [UInt8] {
        Self.entry(.update(u.info.slug), u.info.provenance.grounds, "Update", u.titel, u.samenvatting, u.info.body.plainText,
                   [Vocabulary.date(u.datum)] + u.gemeenten.compactMap { model.gemeente($0.value)?.naam }
                       + u.themas.compactMap { model.thema($0.value)?.titel }, basePath: basePath)
    }

    func searchEntry(_ b: Besluit, basePath: String) -> [UInt8] {
        Self.entry(.besluit(b.info.slug), b.info.provenance.grounds, b.isTaken ? "Besluit" : "Verwacht besluit", b.titel,
                   "\(b.orgaan), \(b.isTaken ? "" : b.uiterlijk ? "uiterlijk " : "verwacht ")\(b.periode ?? Vocabulary.date(b.datum)): \(b.uitkomst)",
                   b.info.body.plainText, [b.kenmerk ?? ""] + b.gemeenten.compactMap { model.gemeente($0.value)?.naam }, basePath: basePath)
    }

    /// One JSON object, keys in sorted order; made where the entry is made, so the bulk of
    /// the index is serialised on all cores.
    /// `r` and `v` are present only for records with the editors' reading or example data in them.
    static func entry(_ page: Page, _ grounds: Grounds, _ kind: String, _ titel: String, _ summary: String, _ body: String, _ extra: [String],
                      basePath: String) -> [UInt8] {
        let text = ([titel, summary] + extra + [String(body.prefix(bodyLimit))]).joined(separator: " ")
        var json: [UInt8] = []
        json.reserveCapacity(text.utf8.count * 2 + 128)
        var fields = [("k", kind)]
        if grounds.editorial { fields.append(("r", "1")) }
        fields += [("s", summary), ("t", fold(text)), ("titel", titel), ("u", SitePaths.resolve(page.path, basePath: basePath))]
        if grounds.example { fields.append(("v", "1")) }
        for (index, (key, value)) in fields.enumerated() {
            json.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            JSONText.appendString(key, to: &json)
            json.append(UInt8(ascii: ":"))
            JSONText.appendString(value, to: &json)
        }
        json.append(UInt8(ascii: "}"))
        return json
    }

    /// The index is split into parts of this many records, in index order. A text edit in the
    /// preview rewrites the one part that holds its record (at most about 1.4 MB) instead of
    /// the whole index (15 MB at 10,000 updates), and browsers fetch the parts side by side.
    package static let searchIndexPartSize = 1_000

    /// The number of records in the index of `model`: one per page of a thema, gemeente,
    /// coalitie, opgave, besluit, update or pagina (the order of `searchEntries`).
    static func searchRecordCount(_ model: SiteModel) -> Int {
        model.themas.count + model.gemeenten.count + model.coalities.count + model.opgaven.count
            + model.besluiten.count + model.verwachteBesluiten.count + model.updates.count + model.paginas.count
    }

    /// The paths of the index parts for `count` records: `zoeken/index-1.json` and on; one part
    /// even for an empty index, so the search page always has something to load.
    static func searchIndexPaths(count: Int) -> [String] {
        (0..<searchIndexPartCount(count)).map(searchIndexPath(part:))
    }

    static func searchIndexPartCount(_ count: Int) -> Int { max(1, (count + searchIndexPartSize - 1) / searchIndexPartSize) }

    static func searchIndexPath(part: Int) -> String { "zoeken/index-\(part + 1).json" }

    package static func isSearchIndexPart(_ path: String) -> Bool { path.hasPrefix("zoeken/index-") && path.hasSuffix(".json") }

    /// The parts of the index, each a JSON array of its records.
    static func searchIndexFiles(_ entries: [SearchEntry]) -> [OutputFile] {
        (0..<searchIndexPartCount(entries.count)).map { searchIndexPart($0, of: entries) }
    }

    /// The bytes of all parts, without joining them.
    package static func searchIndexSize(_ entries: [SearchEntry]) -> Int {
        (0..<searchIndexPartCount(entries.count)).reduce(0) { $0 + joinedSize(partRecords($1, of: entries)) }
    }

    /// Part `part` (from 0) of the index.
    package static func searchIndexPart(_ part: Int, of entries: [SearchEntry]) -> OutputFile {
        OutputFile(path: searchIndexPath(part: part), contents: join(partRecords(part, of: entries)))
    }

    private static func partRecords(_ part: Int, of entries: [SearchEntry]) -> ArraySlice<SearchEntry> {
        let start = min(part * searchIndexPartSize, entries.count)
        return entries[start..<min(start + searchIndexPartSize, entries.count)]
    }

    /// "[", the entries with commas between them, "]".
    private static func joinedSize(_ entries: ArraySlice<SearchEntry>) -> Int {
        entries.reduce(max(2, entries.count + 1)) { $0 + $1.json.count }
    }

    /// A JSON array of the entries.
    static func join(_ entries: ArraySlice<SearchEntry>) -> Data {
        // One copy per entry into a buffer of the final size: appending them to a `Data` one by
        // one took three times as long.
        var json = Data(count: joinedSize(entries))
        json.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            buffer[0] = UInt8(ascii: "[")
            var offset = 1
            for (index, entry) in entries.enumerated() {
                if index > 0 { buffer[offset] = UInt8(ascii: ","); offset += 1 }
                entry.json.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]).copyMemory(from: $0) }
                offset += entry.json.count
            }
            buffer[offset] = UInt8(ascii: "]")
        }
        return json
    }

    static let bodyLimit = 1_500

    /// Case and diacritics folded, whitespace collapsed: the same folding the search
    /// script applies to the query.
    static func fold(_ text: String) -> String {
        Slug.foldCollapsingWhitespace(text)
    }
}

/// Serialised pieces of machine outputs (search index entries, open data records) per update
/// slug, kept between the builds of a long-running process, stamped with the hash of their inputs.
package typealias EntryCache = KeyedCache<String, Int, [UInt8]>
