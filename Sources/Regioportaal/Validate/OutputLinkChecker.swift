import Foundation

/// Checks every internal link and `#anchor` of the rendered site against the files the build
/// is about to write, so broken links in templates are found before anything is published.
/// Links written in Markdown were already checked with their exact position by ``Validator``;
/// this catches what templates add.
struct OutputLinkChecker {
    let basePath: String
    let templates: TemplateSet
    let severity: Diagnostic.Severity

    struct Page {
        var path: String
        var template: String
        var html: String
    }

    func check(_ pages: [Page], otherFiles: Set<String>) -> [Diagnostic] {
        // Scanning the pages is independent per page and runs on all cores; the reports are
        // then collected in page order, so the diagnostics are the same as from one thread.
        var ids: [String: Set<String>] = [:]
        for (page, found) in zip(pages, ConcurrentMap.map(pages) { Self.attributeValues("id", in: $0.html) }) { ids[page.path] = found }
        let files = Set(pages.map(\.path)).union(otherFiles)
        let found = ConcurrentMap.map(pages) { [ids] page -> [(link: String, problem: String)] in
            Self.attributeValues("href", in: page.html).union(Self.attributeValues("src", in: page.html)).sorted().compactMap { link in
                problem(link, from: page, files: files, ids: ids).map { (link, $0) }
            }
        }
        var reported = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (page, problems) in zip(pages, found) {
            for (link, problem) in problems {
                let location = templates.location(ofLink: link, basePath: basePath, fallback: page.template)
                // One report per broken link in a template, not one per page that shows it.
                let key = "\(location?.file ?? page.template):\(location?.line ?? 0):\(location?.column ?? 0)|\(link)"
                guard reported.insert(key).inserted else { continue }
                diagnostics.append(Diagnostic(severity, "\(problem) (on \(page.path))", at: location,
                                              hint: "fix the link in the template, or the page it points to"))
            }
        }
        return diagnostics
    }

    private func problem(_ link: String, from page: Page, files: Set<String>, ids: [String: Set<String>]) -> String? {
        let lower = link.lowercased()
        if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("data:") {
            return nil
        }
        var target = link
        var fragment: String?
        // Searched as UTF-8 bytes: Character search breaks graphemes and was the main cost here.
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(target[target.utf8.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.utf8.firstIndex(of: UInt8(ascii: "?")) { target = String(target[..<query]) }
        let file: String
        if target.isEmpty {
            file = page.path
        } else {
            guard target.hasPrefix(basePath) else { return "link \(link) is outside the site path \(basePath)" }
            let relative = String(target.dropFirst(basePath.count))
            if relative.isEmpty || relative.hasSuffix("/") {
                file = relative + "index.html"
            } else if files.contains(relative) {
                file = relative
            } else {
                file = relative + "/index.html"
            }
        }
        guard files.contains(file) else { return "broken link \(link)" }
        if let fragment, !fragment.isEmpty, fragment != "top", let known = ids[file], !known.contains(fragment) {
            return "link to missing anchor \(link)"
        }
        return nil
    }

    /// Values of an attribute in generated HTML (quoted with "), with `&amp;` decoded. Scans
    /// UTF-8 bytes: this runs over every page of every build, so it must stay cheap.
    static func attributeValues(_ name: String, in html: String) -> Set<String> {
        var values = Set<String>()
        let needle = Array(" \(name)=\"".utf8)
        let bytes = Array(html.utf8)
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            var matched = true
            for k in 0..<needle.count where bytes[i + k] != needle[k] {
                matched = false
                break
            }
            guard matched else {
                i += 1
                continue
            }
            let start = i + needle.count
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            guard end < bytes.count else { break }
            var value = String(decoding: bytes[start..<end], as: UTF8.self)
            if bytes[start..<end].contains(UInt8(ascii: "&")), value.contains("&amp;") { value = value.replacingOccurrences(of: "&amp;", with: "&") }
            values.insert(value)
            i = end + 1
        }
        return values
    }
}

extension TemplateSet {
    /// Where a template writes a link: the first template line containing the link's path
    /// (without the deployment prefix), else the first line of the page's template.
    func location(ofLink link: String, basePath: String, fallback: String) -> SourceLocation? {
        var needle = link.hasPrefix(basePath) ? String(link.dropFirst(basePath.count)) : link
        if let hash = needle.firstIndex(of: "#"), hash == needle.startIndex { needle = String(needle.dropFirst()) }
        if !needle.isEmpty {
            for name in sources.keys.sorted() {
                let source = sources[name]!
                if source.text.contains(needle) { return source.location(of: needle) }
            }
        }
        return sources[fallback]?.location(line: 1, column: 1)
    }
}
