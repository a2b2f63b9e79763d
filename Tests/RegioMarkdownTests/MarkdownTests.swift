import Foundation
import Testing
@testable import RegioMarkdown

@Suite struct MarkdownTests {
    @Test func headingsGetStableUniqueIds() {
        let r = Markdown.render("## Wonen & bouwen\n\ntext\n\n## Wonen & bouwen\n\n### Coördinatie in 2024\n\n## 2025\n")
        #expect(r.headings.map(\.id) == ["wonen-bouwen", "wonen-bouwen-2", "coordinatie-in-2024", "h-2025"])
        #expect(r.headings.map(\.level) == [2, 2, 3, 2])
        #expect(r.headings[2].text == "Coördinatie in 2024")
        #expect(r.html.contains("<h2 id=\"wonen-bouwen\">"))
        #expect(r.html.contains("<h3 id=\"coordinatie-in-2024\">"))
        #expect(r.html.contains("Wonen &amp; bouwen"))
    }

    @Test func headingPositionsAreShiftedByTheLineOffset() {
        let r = Markdown.render("Intro\n\n## Doel\n", options: MarkdownOptions(lineOffset: 5))
        #expect(r.headings.first?.line == 8)
        #expect(r.headings.first?.column == 1)
    }

    @Test func linksAndImagesAreCollectedWithPositions() {
        let source = "Zie [het thema](/themas/wonen/) en\n![Kaart van de regio](/img/kaart.svg \"Kaart\") of ![](/img/leeg.png)."
        let r = Markdown.render(source)
        #expect(r.links.count == 3)
        #expect(r.links[0] == MarkdownLink(destination: "/themas/wonen/", text: "het thema", isImage: false, line: 1, column: 5))
        #expect(r.images.map(\.text) == ["Kaart van de regio", ""])
        #expect(r.images[0].line == 2)
        #expect(r.images[0].column == 1)
        #expect(r.html.contains("<img src=\"/img/kaart.svg\" alt=\"Kaart van de regio\" title=\"Kaart\" />"))
    }

    @Test func safeModeDropsRawHTMLAndScriptURLs() {
        let source = """
        <script>alert(1)</script>

        Hallo <img src=x onerror="alert(2)"> [klik](javascript:alert(3)) [b](VBScript:x) [c](data:text/html,x)
        """
        let r = Markdown.render(source)
        #expect(!r.html.contains("<script"))
        #expect(!r.html.contains("onerror"))
        #expect(!r.html.lowercased().contains("javascript:"))
        #expect(!r.html.lowercased().contains("vbscript:"))
        #expect(!r.html.contains("data:text/html"))
        #expect(r.html.contains("<!-- raw HTML omitted -->"))
        #expect(r.html.contains("<a href=\"\">klik</a>"))
    }

    @Test func smartPunctuationIsOn() {
        let r = Markdown.render("\"Samen\" -- en 'meervoudig lokaal'...")
        #expect(r.html.contains("“Samen”"))
        #expect(r.html.contains("–"))
        #expect(r.html.contains("‘meervoudig lokaal’…"))
    }

    @Test func destinationsCanBeRewrittenForASubPath() {
        let options = MarkdownOptions(rewriteDestination: { $0.hasPrefix("/") ? "/portaal" + $0 : $0 })
        let r = Markdown.render("[a](/themas/) [b](https://example.org/)", options: options)
        #expect(r.html.contains("href=\"/portaal/themas/\""))
        #expect(r.html.contains("href=\"https://example.org/\""))
        #expect(r.links[0].destination == "/themas/")
    }

    @Test func plainTextHasNoMarkup() {
        let r = Markdown.render("## Kop\n\nEen *zin* met `code` en [link](/x/).\n\n- punt\n")
        #expect(r.plainText == "Kop\nEen zin met code en link.\npunt\n")
    }

    @Test func deepNestingDoesNotExhaustTheStack() {
        let quotes = String(repeating: "> ", count: 10_000) + "diep\n"
        let r = Markdown.render(quotes)
        #expect(r.html.contains("diep"))
        let list = (0..<2_000).map { String(repeating: "  ", count: $0) + "- x" }.joined(separator: "\n")
        #expect(Markdown.render(list).html.contains("<li>"))
    }

    /// Renders 10,000 documents and checks that resident memory does not grow with them:
    /// every cmark node and every returned C string must be freed.
    @Test func renderingManyDocumentsDoesNotLeak() throws {
        let doc = String(repeating: "## Kop met *nadruk*\n\nTekst met [een link](/themas/wonen/) en ![alt](/a.png).\n\n", count: 20)
        for _ in 0..<500 { _ = Markdown.render(doc) }   // warm up allocator pools
        let before = try residentBytes()
        for _ in 0..<10_000 { _ = Markdown.render(doc) }
        let growth = try residentBytes() - before
        // A leak of the rendered HTML alone would be ~10,000 × 2.6 KB = 26 MB.
        #expect(growth < 8 * 1024 * 1024, "resident memory grew by \(growth) bytes")
    }

    private func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let pages = Int(statm.split(separator: " ")[1])!
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

@Suite struct SlugTests {
    @Test func foldsDiacriticsAndPunctuation() {
        #expect(Slug.make("Coördinatie & Überleg: één café") == "coordinatie-uberleg-een-cafe")
        #expect(Slug.make("  Hendrik-Ido-Ambacht  ") == "hendrik-ido-ambacht")
        #expect(Slug.make("Regio Deal (2e)") == "regio-deal-2e")
        #expect(Slug.make("ĳsselmonde") == "ijsselmonde")
        #expect(Slug.make("!!!") == "")
    }

    @Test func decomposedInputFoldsTheSame() {
        let decomposed = "coo\u{0308}rdinatie"
        #expect(Slug.make(decomposed) == "coordinatie")
    }
}
