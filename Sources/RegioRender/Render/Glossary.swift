import RegioContent
import RegioSupport

/// Marks the first use of each glossary term in a rendered body: an abbreviation becomes
/// `<a class="begrip" href="…/begrippen/#begrip-slug"><abbr title="…">SOK</abbr></a>`, a word a
/// link with the explanation as its title. Text inside links, headings, code and existing
/// abbreviations is left alone. Works on the UTF-8 bytes of cmark's safe HTML.
struct Glossary: Sendable {
    struct Entry: Sendable {
        var text: String
        var spelling: [UInt8]
        var isAbbreviation: Bool
        var slug: String
        var title: String
    }

    /// Longest spelling first, so "Samenwerkingsovereenkomst" wins over a shorter term inside it.
    let entries: [Entry]
    let pageURL: String

    init(_ begrippen: [Begrip], pageURL: String) {
        var entries: [Entry] = []
        for b in begrippen {
            let title = b.afkorting == nil ? b.uitleg : "\(b.titel): \(b.uitleg)"
            if let afkorting = b.afkorting { entries.append(Entry(text: afkorting, spelling: Array(afkorting.utf8), isAbbreviation: true, slug: b.info.slug, title: title)) }
            for spelling in [b.titel] + b.ook {
                entries.append(Entry(text: spelling, spelling: Array(spelling.utf8), isAbbreviation: false, slug: b.info.slug, title: title))
            }
        }
        self.entries = entries.filter { !$0.spelling.isEmpty }.sorted { ($1.spelling.count, $0.slug) < ($0.spelling.count, $1.slug) }
        self.pageURL = pageURL
    }

    private static let skipped: Set<String> = ["a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"]

    func mark(_ html: String) -> String {
        // Most bodies name no term: only those that occur are looked for.
        let present = entries.filter { html.contains($0.text) }
        guard !present.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var done = Set<String>()
        var skipDepth = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                // Copy the tag; keep count of the elements whose text is not marked.
                let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1
                let tag = bytes[(i + 1)..<end]
                let closing = tag.first == UInt8(ascii: "/")
                let name = String(decoding: tag.drop { $0 == UInt8(ascii: "/") }.prefix { $0 != 0x20 && $0 != UInt8(ascii: "/") }, as: UTF8.self)
                if Self.skipped.contains(name.lowercased()) { skipDepth += closing ? -1 : 1 }
                out.append(contentsOf: bytes[i...end])
                i = end + 1
                continue
            }
            if skipDepth == 0, let entry = present.first(where: { !done.contains($0.slug) && matches($0.spelling, in: bytes, at: i) }) {
                done.insert(entry.slug)
                out.append(contentsOf: Array(markup(entry, original: bytes[i..<(i + entry.spelling.count)]).utf8))
                i += entry.spelling.count
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `spelling` at `i`, as a whole word.
    private func matches(_ spelling: [UInt8], in bytes: [UInt8], at i: Int) -> Bool {
        guard i + spelling.count <= bytes.count, bytes[i] == spelling[0],
              bytes[i..<(i + spelling.count)].elementsEqual(spelling) else { return false }
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
        }
        if i > 0, isWordByte(bytes[i - 1]) { return false }
        if i + spelling.count < bytes.count, isWordByte(bytes[i + spelling.count]) { return false }
        return true
    }

    private func markup(_ entry: Entry, original: ArraySlice<UInt8>) -> String {
        var title: [UInt8] = []
        HTML.appendEscaped(entry.title, to: &title)
        let text = String(decoding: original, as: UTF8.self)
        let href = "\(pageURL)#begrip-\(entry.slug)"
        let titleText = String(decoding: title, as: UTF8.self)
        return entry.isAbbreviation
            ? "<a class=\"begrip\" href=\"\(href)\"><abbr title=\"\(titleText)\">\(text)</abbr></a>"
            : "<a class=\"begrip\" href=\"\(href)\" title=\"\(titleText)\">\(text)</a>"
    }
}
