import Foundation
import RegioSupport

/// What ran again in a build and why, for ``BuildOptions/explain`` (`REGIOPORTAAL_EXPLAIN=1`):
/// what the watcher saw change, which route the rebuild took (the text-edit rebuild or the full
/// pipeline, and what ruled out the shorter one), how many files were parsed again, and per
/// template and reason the pages rendered again. The lines are for developers, in English.
struct Explanation {
    private(set) var lines: [String] = []
    /// Pages named per reason; the rest are counted.
    static let examples = 5

    mutating func changed(_ paths: [String]?, displayBase: URL) {
        guard let paths else { return lines.append("changed: not known (every file is compared)") }
        let shown = paths.sorted().prefix(Self.examples).map { RelativePath.display(URL(fileURLWithPath: $0), from: displayBase) }
        lines.append("changed: " + shown.joined(separator: ", ") + (paths.count > shown.count ? " and \(paths.count - shown.count) more" : ""))
    }

    mutating func route(_ text: String) {
        lines.append("route: " + text)
    }

    mutating func parsed(again: Int, of total: Int) {
        lines.append("parsed again: \(again) of \(total) content files")
    }

    /// `reasons` maps "template: reason" to the pages it applies to.
    mutating func rendered(_ reasons: [String: [String]], pages: Int, previousBuild: Bool) {
        let count = reasons.values.reduce(0) { $0 + $1.count }
        guard previousBuild else { return lines.append("rendered: all \(pages) pages (no previous build in this output folder)") }
        lines.append("rendered again: \(count) of \(pages) pages")
        for (reason, paths) in reasons.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
            let shown = paths.sorted().prefix(Self.examples)
            lines.append("  \(reason): \(paths.count) (\(shown.joined(separator: ", "))\(paths.count > shown.count ? ", …" : ""))")
        }
    }
}
