import Foundation
import Testing
@testable import Regioportaal

/// Issue 29: inputs within the documented limits that used to cost unbounded memory, output or
/// time, crash, or give silently wrong output. Each test asserts sizes and counts, never time.
@Suite struct BoundedInputTests {
    func page(_ body: String) -> String { "---\ntitel: Over\nsamenvatting: S\n---\n\(body)\n" }

    // MARK: Item 2: diagnostics bounded per file, excerpts clipped

    @Test func thousandsOfBrokenLinksOnOneLineGiveBoundedOutput() throws {
        let line = String(repeating: "[zie](/nergens/) ", count: 2_000)
        let site = try TestSite(["Content/paginas/over.md": page(line)], withTemplates: false)
        defer { site.cleanUp() }
        let found = site.check().filter { $0.location?.file == "Content/paginas/over.md" }
        #expect(found.count == Diagnostics.perFile + 1)
        let summary = try #require(found.last)
        #expect(summary.message == "… en nog 1.950 meldingen in dit bestand")
        #expect(summary.severity == .error)
        #expect(summary.location?.isWholeFile == true)
        for d in found.dropLast() {
            let excerpt = try #require(d.location?.excerpt)
            #expect(excerpt.count <= 2 * Excerpt.context + 2)
            #expect(excerpt.hasPrefix("…") || d.location?.column ?? 0 <= Excerpt.context + 1)
        }
        let printed = DiagnosticFormatter.format(found, as: .human)
        #expect(printed.utf8.count < 30_000)
        #expect(printed.contains("Content/paginas/over.md: error: … en nog 1.950 meldingen in dit bestand"))
    }

    @Test func theCaretOfAClippedExcerptPointsAtTheColumn() throws {
        let text = String(repeating: "é", count: 3_000) + "X" + String(repeating: "ü", count: 3_000)
        let file = SourceFile(url: URL(fileURLWithPath: "/x.md"), displayPath: "x.md", text: "kop\n" + text + "\n")
        let location = file.location(line: 2, column: 3_001)
        let excerpt = try #require(location.excerpt)
        let caret = try #require(location.excerptColumn)
        #expect(Array(excerpt)[caret - 1] == "X")
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
        #expect(excerpt.count == 2 * Excerpt.context + 2)
        // A short line stays whole.
        #expect(file.location(line: 1, column: 2).excerpt == "kop")
        #expect(file.location(line: 1, column: 2).excerptColumn == nil)
    }

    @Test func hugeLinesOfBrokenImagesCheckInBoundedDiagnostics() throws {
        // The worst case of issue 29 at test size: one line of `![](x)` (no alt text and a
        // relative link, two findings each), 117 KB.
        let line = String(repeating: "![](x) ", count: 117 * 1024 / 7)
        let site = try TestSite(["Content/paginas/over.md": page(line)], withTemplates: false)
        defer { site.cleanUp() }
        let found = site.check().filter { $0.location?.file == "Content/paginas/over.md" }
        #expect(found.count == Diagnostics.perFile + 1)
        #expect(found.last?.message.hasPrefix("… en nog ") == true)
        #expect(found.map { $0.message.utf8.count + ($0.hint?.utf8.count ?? 0) + ($0.location?.excerpt?.utf8.count ?? 0) }.max()! < 400)
    }

    @Test func diagnosticsOfARunAreBoundedInMemory() {
        var diagnostics = Diagnostics()
        for file in 0..<300 {
            for line in 1...100 {
                diagnostics.error("fout", at: SourceLocation(file: "f\(file).md", line: line, column: 1))
            }
        }
        #expect(diagnostics.all.count == Diagnostics.maxKept)
        #expect(diagnostics.count == 30_000)
        #expect(diagnostics.hasErrors)
        let sorted = diagnostics.sorted
        #expect(sorted.count == Diagnostics.maxKept + 300)
        #expect(sorted.last { $0.location?.file == "f299.md" }?.message == "… en nog 100 meldingen in dit bestand")
        #expect(sorted.last { $0.location?.file == "f0.md" }?.message == "… en nog 50 meldingen in dit bestand")
    }

    // MARK: Item 10: suggestions bounded

    @Test func aMegabytePathGetsNoSuggestionAndCostsLittle() {
        let path = "/" + String(repeating: "a", count: 1_900_000)
        let candidates = (0..<2_000).map { "/themas/thema-\($0)/" }
        #expect(Suggest.closest(to: path, in: candidates) == nil)
        #expect(Suggest.closest(to: "/tehmas/thema-1999/", in: candidates) == "/themas/thema-1999/")
        #expect(Suggest.closest(to: "sliedrech", in: ["sliedrecht", "dordrecht"]) == "sliedrecht")
        #expect(Suggest.levenshtein("kitten", "sitting") == 3)
    }
}
