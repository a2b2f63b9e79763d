import Foundation
@testable import RegioContent
@testable import RegioRender
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

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
        #expect(printed.contains("Content/paginas/over.md: fout RP0808: … en nog 1.950 meldingen in dit bestand"))
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
                diagnostics.error(.emptyText, "titel", at: SourceLocation(file: "f\(file).md", line: line, column: 1))
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

    // MARK: Item 4: numbers bounded, template cycles refused, no trap reachable

    @Test func hugeNumbersInSettingsAndContentAreErrorsNotTraps() throws {
        let site = try TestSite([
            "Content/site.yml": "titel: T\nbeschrijving: B\nbase_url: https://portaal.test/\nupdates_per_pagina: 9223372036854775807\n",
            "Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: S\nmenu: 99999999999999999999999\n---\nTekst.\n",
            "Content/gemeenten/dordrecht.md": "---\nnaam: Dordrecht\ninwoners: -1\n---\nTekst.\n",
        ])
        defer { site.cleanUp() }
        #expect(site.checkLines() == [
            "Content/gemeenten/dordrecht.md:3:11: error: \"inwoners\" moet een heel getal van 0 tot en met 100.000.000 zijn, gevonden: -1",
            "Content/paginas/over.md:4:7: error: \"menu\" moet een heel getal van 0 tot en met 100.000 zijn, gevonden: 99999999999999999999999",
            "Content/site.yml:4:21: error: \"updates_per_pagina\" moet een heel getal van 1 tot en met 1.000 zijn, gevonden: 9223372036854775807",
        ])
        #expect(throws: BuildFailure.self) { try site.build() }
    }

    func templateSite(_ templates: [String: String]) throws -> TestSite {
        let site = try TestSite()
        for (path, text) in templates { try site.write(text, to: "Templates/" + path) }
        return site
    }

    func templateErrors(_ site: TestSite) -> [String] {
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(site.root.appendingPathComponent("Templates"), displayBase: site.root, diagnostics: &diagnostics)
        return diagnostics.sorted.map { "\($0.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"): \($0.message)" }
    }

    @Test func aPartialThatIncludesItselfIsAnErrorAtItsTag() throws {
        let site = try templateSite(["partials/voorbeeld.mustache": "<p>\n  {{> partials/voorbeeld}}\n"])
        defer { site.cleanUp() }
        #expect(templateErrors(site) == [
            "Templates/partials/voorbeeld.mustache:2:3: deze template voegt zichzelf in, via deze tag: partials/voorbeeld → partials/voorbeeld",
        ])
        #expect(throws: BuildFailure.self) { try site.build() }
    }

    @Test func aCycleThroughAnotherPartialIsReportedAtEveryTagOnIt() throws {
        let site = try templateSite([
            "partials/footer.mustache": "<footer>{{#site}}{{> partials/voorbeeld}}{{/site}}</footer>\n",
            "partials/voorbeeld.mustache": "x\n{{>partials/footer}}\n",
        ])
        defer { site.cleanUp() }
        #expect(templateErrors(site) == [
            "Templates/partials/footer.mustache:1:18: deze template voegt zichzelf in, via deze tag: partials/footer → partials/voorbeeld → partials/footer",
            "Templates/partials/voorbeeld.mustache:2:1: deze template voegt zichzelf in, via deze tag: partials/voorbeeld → partials/footer → partials/voorbeeld",
        ])
    }

    @Test func aBlockThatExpandsItselfStopsAtTheDepthLimit() throws {
        // Not a cycle between files, so it compiles; the render stops at the limit and says so.
        let site = try templateSite(["pagina.mustache": "{{<lus}}{{$x}}a{{$x}}b{{/x}}{{/x}}{{/lus}}\n",
                                     "lus.mustache": "{{$x}}standaard{{/x}}\n"])
        defer { site.cleanUp() }
        #expect(templateErrors(site).isEmpty)
        do {
            try site.build()
            Issue.record("the build must fail")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.contains { $0.message.hasPrefix("partials en blokken zijn hier meer dan 100 niveaus diep") })
        }
    }

    // MARK: Item 7: implausible dates and snapshots bounded

    @Test func implausibleYearsAreRefusedWithAHint() throws {
        let site = try TestSite([
            "Content/opgaven/woningvoorraad.md": "---\ntitel: W\nsamenvatting: S\nthemas: [wonen]\nvanaf: 0013-01-01\n---\nT.\n",
            "Content/updates/eerste-update.md": "---\ntitel: E\ndatum: 2206-01-10\nauteur: R\nsamenvatting: S\n---\nT.\n",
        ], withTemplates: false)
        defer { site.cleanUp() }
        let found = site.check()
        let opgave = try #require(found.first { $0.location?.file == "Content/opgaven/woningvoorraad.md" })
        #expect(opgave.message == "het jaar 13 in \"0013-01-01\" kan niet kloppen: jaren lopen 1900 tot en met 2200")
        #expect(opgave.hint == "Bedoelt u 2013? Schrijf dan 2013-01-01.")
        let update = try #require(found.first { $0.location?.file == "Content/updates/eerste-update.md" })
        #expect(update.hint == "Bedoelt u 2026? Schrijf dan 2026-01-10.")
    }

    @Test func anImplausiblePresentIsRefused() throws {
        var site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        site.now = Day("9999-12-31")!
        #expect(site.checkLines() == ["error: --now 9999-12-31 kan niet kloppen: het jaar moet van 1900 tot en met 2200 lopen"])
    }

    @Test func snapshotYearsAreBounded() {
        let years = Snapshots.years(from: 1900, now: Day("2200-12-31")!)
        #expect(years.count == Snapshots.maxYears)
        #expect(years.last == 2200)
    }

    // MARK: Item 9: silently wrong output

    @Test func aFileNameThatIsNotUTF8IsReported() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let folder = site.root.appendingPathComponent("Content/paginas").path
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".md".utf8)
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        try #require(fd >= 0, "this file system refuses names that are not UTF-8")
        close(fd)
        #expect(site.checkLines() == ["Content/paginas:1:1: error: een bestandsnaam in Content/paginas is geen geldige UTF-8-tekst: \"caf\\xE9.md\""])
    }

    @Test func aDelimiterInsideABlockScalarIsReported() throws {
        let text = "---\ntitel: Eerste update\ndatum: 2026-01-10\nauteur: Redactie\nredactie: true\nsamenvatting: |\n  Het begin.\n---\n  Nog meer.\nthemas: [wonen]\n---\nTekst.\n"
        let keyText = "---\ntitel: Eerste update\ndatum: 2026-01-10\nauteur: Redactie\nredactie: true\nsamenvatting: Het begin.\n---\nthemas: [wonen]\n---\nTekst.\n"
        for (body, message) in [
            (text, "Content/updates/eerste-update.md:8:1: error: deze regel --- beëindigt de front matter midden in de tekst van \"samenvatting\" (begonnen op regel 6)"),
            (keyText, "Content/updates/eerste-update.md:7:1: error: de front matter eindigt op deze regel ---, maar regel 8 gaat verder met de sleutel \"themas\""),
        ] {
            let site = try TestSite(["Content/updates/eerste-update.md": body], withTemplates: false)
            defer { site.cleanUp() }
            #expect(site.checkLines().contains(message))
        }
    }

    @Test func aHeadingNeverTakesAnIdOfTheLayout() throws {
        let site = try TestSite(["Content/paginas/over.md": page("## Inhoud\n\nZie [de inhoud](#inhoud-2).\n\n## Top\n")])
        defer { site.cleanUp() }
        #expect(site.check().filter { $0.severity == .error }.isEmpty)
        try site.build()
        let html = try site.read("over/index.html")
        #expect(html.contains("<h2 id=\"inhoud-2\">"))
        #expect(html.contains("<h2 id=\"top-2\">"))
        #expect(html.components(separatedBy: "id=\"inhoud\"").count == 2)
    }

    @Test func aBaseURLWithCredentialsQueryOrFragmentIsRefused() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        for (url, reason) in [("https://user:pw@portaal.test/", "mag geen gebruikersnaam of wachtwoord bevatten (user:pw@)"),
                              ("https://portaal.test/?x=1", "mag geen ?zoekvraag bevatten"),
                              ("https://portaal.test/#boven", "mag geen #anker bevatten")] {
            #expect(site.check(baseURL: url).map(\.message) == ["--base-url \(reason), gevonden \"\(url)\""])
        }
        try site.write("titel: T\nbeschrijving: B\nbase_url: https://a:b@portaal.test/\n", to: "Content/site.yml")
        #expect(site.checkLines() == ["Content/site.yml:3:11: error: \"base_url\" mag geen gebruikersnaam of wachtwoord bevatten (user:pw@)"])
    }

    @Test func newRefusesATitleCheckWouldRefuse() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let content = site.root.appendingPathComponent("Content")
        for title in ["Twee\nregels", "Met\u{7}bel", "Lijn\u{2028}scheiding", String(repeating: "x", count: 301)] {
            #expect(throws: Diagnostic.self) { try Scaffold.create(.update, title: title, on: site.now, in: content) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("updates").path) == ["eerste-update.md"])
    }

    @Test func aMissingAnchorOnTheSamePageIsAContentErrorInCheckAndBuild() throws {
        let site = try TestSite([
            "Content/paginas/over.md": page("Zie [elders](#nergens)."),
            "Content/paginas/ringen.md": page("## Vier\n\nZie [vier](#vier) en [iets](#nergens)."),
        ])
        defer { site.cleanUp() }
        let expected = [
            "Content/paginas/over.md:6:5: error: link naar een anker dat niet op deze pagina staat: \"#nergens\"",
            "Content/paginas/ringen.md:8:22: error: link naar een anker dat niet op deze pagina staat: \"#nergens\"",
        ]
        #expect(site.checkLines() == expected)
        do {
            try site.build()
            Issue.record("the build must fail")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map { "\($0.location!.file):\($0.location!.line):\($0.location!.column): error: \($0.message)" } == expected)
        }
    }

    // MARK: Item 11: misleading messages

    @Test func utf16ContentIsCalledUTF16() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        var data = Data([0xFF, 0xFE])
        data.append("---\ntitel: Over\n---\n".data(using: .utf16LittleEndian)!)
        try data.write(to: site.root.appendingPathComponent("Content/paginas/over.md"))
        try "---\ntitel: Ringen\n---\n".data(using: .utf16BigEndian)!.write(to: site.root.appendingPathComponent("Content/paginas/ringen.md"))
        #expect(site.checkLines() == [
            "Content/paginas/over.md:1:1: error: het bestand is opgeslagen als UTF-16, niet als UTF-8",
            "Content/paginas/ringen.md:1:1: error: het bestand is opgeslagen als UTF-16, niet als UTF-8",
        ])
    }

    @Test func editorBackupFilesAreIgnored() throws {
        let junk = "garbage \u{0}"
        let site = try TestSite(["Content/paginas/over.md~": junk, "Content/paginas/#over.md#": junk, "Content/paginas/.#over.md": junk,
                                 "Content/paginas/.over.md.swp": junk, "Content/site.yml~": junk, "Templates/home.mustache~": "{{#x}}",
                                 "Templates/partials/#footer.mustache#": "{{#x}}"])
        defer { site.cleanUp() }
        #expect(site.check().isEmpty)
        try site.build()
        #expect(IgnoredNames.contains("x.md~") && IgnoredNames.contains("#x.md#") && IgnoredNames.contains(".#x.md")
                && IgnoredNames.contains(".x.md.swp") && !IgnoredNames.contains("x.md") && !IgnoredNames.contains("#"))
    }
}
