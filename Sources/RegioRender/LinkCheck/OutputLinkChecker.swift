import Foundation
import RegioContent
import RegioSupport

/// Checks every internal link and `#anchor` of the rendered site against the files the build
/// is about to write, so broken links in templates are found before anything is published.
/// Links written in Markdown were already checked with their exact position by ``Validator``;
/// this catches what templates add.
package struct OutputLinkChecker {
    let basePath: String
    let templates: TemplateSet
    let severity: Diagnostic.Severity

    package init(basePath: String, templates: TemplateSet, severity: Diagnostic.Severity) {
        (self.basePath, self.templates, self.severity) = (basePath, templates, severity)
    }

    /// A rendered page as the checker needs it: where it is and what it links to.
    struct Page {
        var path: String
        var template: String
        var ids: Set<String>
        var links: Set<String>
        /// The page's problems from the previous build, when the page did not change.
        var previousProblems: [Problem]?
    }

    /// Pages per unit of work at most (and per memo of link results).
    static let run = 256

    package struct Problem: Sendable, Equatable {
        var link: String
        var problem: Fault
    }

    /// What is wrong with a link of the output.
    package enum Fault: Sendable, Equatable {
        case outsideSite, broken, missingAnchor
    }

    /// What links can point at: every file of the site and the ids on each page.
    package struct Targets: Sendable, Equatable {
        /// Fixed at `init`: ``resolvable`` is made from it.
        let files: Set<String>
        var ids: [String: Set<String>]
        /// Every link without `#` or `?` that resolves, as written (with the deployment prefix):
        /// one lookup instead of building the file name, for the tens of thousands of links
        /// that lists of updates and changes hold. Made from `files`, so not compared.
        let resolvable: Set<String>
        /// The pages' paths in order, to see cheaply that a later check has the same pages.
        let pagePaths: [String]

        init(files: Set<String>, ids: [String: Set<String>], basePath: String, pagePaths: [String]) {
            self.files = files
            self.ids = ids
            self.pagePaths = pagePaths
            var resolvable = Set<String>()
            resolvable.reserveCapacity(files.count * 3)
            for file in files {
                resolvable.insert(basePath + file)
                guard file.hasSuffix("index.html") else { continue }
                let folder = file.dropLast("index.html".count)
                if folder.isEmpty || folder.hasSuffix("/") { resolvable.insert(basePath + folder) }
                if folder.hasSuffix("/") { resolvable.insert(basePath + folder.dropLast()) }
            }
            self.resolvable = resolvable
            resolvableHasMarks = resolvable.contains(where: Self.hasMarks)
        }

        /// Whether a resolving link has a `#` or `?` (only if a file name has one): when none
        /// has, a link found in ``resolvable`` needs no scan for them.
        let resolvableHasMarks: Bool

        static func hasMarks(_ link: String) -> Bool {
            var link = link
            return link.withUTF8 { $0.contains(UInt8(ascii: "#")) || $0.contains(UInt8(ascii: "?")) }
        }

        package static func == (lhs: Targets, rhs: Targets) -> Bool { lhs.files == rhs.files && lhs.ids == rhs.ids }
    }

    /// Checks every page's links. A page's previous problems are reused when the page is
    /// unchanged and so is everything its links could point at (`previousTargets`).
    func check(_ pages: [Page], otherFiles: Set<String>, previousTargets: OutputLinkChecker.Targets? = nil)
        -> (diagnostics: [Diagnostic], problems: [[Problem]], targets: Targets) {
        let (targets, reuse) = targets(of: pages, otherFiles: otherFiles, previous: previousTargets)
        // Independent per page, so on all cores, in runs of pages; the reports are then
        // collected in page order, so the diagnostics are the same as from one thread. Every
        // page repeats the navigation's links, so a run remembers what it found for each link
        // that means the same from every page (all but `#…` and `?…`). Runs are cut by their
        // number of links as well: the change pages hold tens of thousands each, and as one run
        // they kept one core busy alone at the end.
        let toCheck = reuse ? pages.indices.filter { pages[$0].previousProblems == nil } : Array(pages.indices)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let linkBudget = max(1, toCheck.reduce(0) { $0 + pages[$1].links.count } / (workers * 8))
        var runs: [ArraySlice<Int>] = []
        var runStart = 0, links = 0
        for (k, index) in toCheck.enumerated() {
            links += pages[index].links.count
            if links >= linkBudget || k + 1 - runStart == Self.run {
                runs.append(toCheck[runStart...k])
                (runStart, links) = (k + 1, 0)
            }
        }
        if runStart < toCheck.count { runs.append(toCheck[runStart...]) }
        let checkedRuns = ConcurrentMap.map(runs, granularity: 1) { run -> [[Problem]] in
            var known: [String: Fault?] = [:]
            return run.map { index -> [Problem] in
                let page = pages[index]
                var problems: [Problem] = []
                for link in page.links where !Self.resolves(link, in: targets) {
                    let first = link.utf8.first
                    let shared = first != nil && first != UInt8(ascii: "#") && first != UInt8(ascii: "?")
                    let result: Fault?
                    if shared, let memo = known[link] {
                        result = memo
                    } else {
                        result = problem(link, from: page.path, targets: targets)
                        if shared { known[link] = .some(result) }
                    }
                    if let result { problems.append(Problem(link: link, problem: result)) }
                }
                return problems.sorted { $0.link < $1.link }
            }
        }
        var found = pages.map { reuse ? $0.previousProblems ?? [] : [] }
        for (index, problems) in zip(toCheck, checkedRuns.joined()) { found[index] = problems }
        var reported = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (page, problems) in zip(pages, found) {
            for found in problems {
                let link = found.link
                let location = templates.location(ofLink: link, basePath: basePath, fallback: page.template)
                // One report per broken link in a template, not one per page that shows it.
                let key = "\(location?.file ?? page.template):\(location?.line ?? 0):\(location?.column ?? 0)|\(link)"
                guard reported.insert(key).inserted else { continue }
                let message: Message
                switch found.problem {
                case .outsideSite: message = MessageCode.outputLinkOutsideSite(link, basePath, page.path)
                case .broken: message = MessageCode.outputBrokenLink(link, page.path)
                case .missingAnchor: message = MessageCode.outputMissingAnchor(link, page.path)
                }
                diagnostics.append(Diagnostic(severity, message, at: location))
            }
        }
        return (diagnostics, found, targets)
    }

    /// The targets of `pages`, and whether they equal `previous`. When the pages are the ones
    /// of `previous` and the other files are its files (a preview edit that rendered a few
    /// pages), only the rendered pages can have changed the targets: comparing those is far
    /// cheaper than building and comparing the sets of every page.
    func targets(of pages: [Page], otherFiles: Set<String>, previous: Targets?) -> (Targets, same: Bool) {
        let paths = pages.map(\.path)
        if let previous, otherFiles == previous.files, paths == previous.pagePaths {
            var ids = previous.ids
            var same = true
            for page in pages where page.previousProblems == nil && ids[page.path] != page.ids {
                ids[page.path] = page.ids
                same = false
            }
            var targets = previous
            targets.ids = ids
            return (targets, same)
        }
        var ids: [String: Set<String>] = [:]
        ids.reserveCapacity(pages.count)
        for page in pages { ids[page.path] = page.ids }
        let targets = Targets(files: Set(paths).union(otherFiles), ids: ids, basePath: basePath, pagePaths: paths)
        return (targets, previous == targets)
    }

    /// A site link without `#` or `?` that resolves: most links, settled with one lookup.
    static func resolves(_ link: String, in targets: Targets) -> Bool {
        link.utf8.first == UInt8(ascii: "/") && targets.resolvable.contains(link)
            && !(targets.resolvableHasMarks && Targets.hasMarks(link))
    }

    package func problem(_ link: String, from pagePath: String, targets: Targets) -> Fault? {
        if Self.resolves(link, in: targets) { return nil }
        let (files, ids) = (targets.files, targets.ids)
        // A scheme needs a ":" before any "/", so site paths skip the lowercased copy.
        if link.utf8.first != UInt8(ascii: "/") {
            let lower = link.lowercased()
            if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("data:") {
                return nil
            }
        }
        let (target, fragment) = SitePaths.splitLink(link)
        let file: String
        if target.isEmpty {
            file = pagePath
        } else {
            guard target.hasPrefix(basePath) else { return .outsideSite }
            let relative = String(target.dropFirst(basePath.count))
            if relative.isEmpty || relative.hasSuffix("/") {
                file = relative + "index.html"
            } else if files.contains(relative) {
                file = relative
            } else {
                file = relative + "/index.html"
            }
        }
        guard files.contains(file) else { return .broken }
        if let fragment, !fragment.isEmpty, fragment != "top", let known = ids[file], !known.contains(fragment) {
            return .missingAnchor
        }
        return nil
    }

    /// The `id` values and the link targets (`href` and `src`) of generated HTML (attributes
    /// quoted with "), with `&amp;` decoded. One pass over the UTF-8 bytes, without copying
    /// them: this runs over every page of every build, so it must stay cheap.
    package static func scan(_ html: [UInt8]) -> (ids: Set<String>, links: Set<String>) {
        html.withUnsafeBufferPointer { bytes in
            var ids = Set<String>(), links = Set<String>()
            let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), space = UInt8(ascii: " ")
            func named(_ name: StaticString, endingAt end: Int) -> Bool {
                let count = name.utf8CodeUnitCount
                guard end - count - 1 >= 0, bytes[end - count - 1] == space else { return false }
                for k in 0..<count where bytes[end - count + k] != name.utf8Start[k] { return false }
                return true
            }
            var i = 1
            while i < bytes.count - 1 {
                guard bytes[i] == equals, bytes[i + 1] == quote else { i += 1; continue }
                let isID = named("id", endingAt: i)
                guard isID || named("href", endingAt: i) || named("src", endingAt: i) else { i += 2; continue }
                let start = i + 2
                var end = start
                while end < bytes.count, bytes[end] != quote { end += 1 }
                guard end < bytes.count else { break }
                var value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if value.utf8.contains(UInt8(ascii: "&")) { value = value.replacingOccurrences(of: "&amp;", with: "&") }
                if isID { ids.insert(value) } else { links.insert(value) }
                i = end + 1
            }
            return (ids, links)
        }
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
