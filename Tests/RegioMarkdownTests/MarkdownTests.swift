import Foundation
import CCmark
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

    @Test func aNulByteDoesNotCutTheText() {
        // cmark gets the text by its length; it turns NUL into U+FFFD, as CommonMark says.
        let r = Markdown.render("Voor\u{0}na.\n\nTweede alinea.\n")
        #expect(r.html == "<p>Voor\u{FFFD}na.</p>\n<p>Tweede alinea.</p>\n")
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

    /// Renders 10,000 documents through a counting allocator: after every document, every
    /// cmark allocation (nodes, parser, strings, the returned HTML) must have been freed.
    @Test func renderingManyDocumentsDoesNotLeak() {
        let doc = String(repeating: "## Kop met *nadruk*\n\nTekst met [een link](/themas/wonen/) en ![alt](/a.png).\n\n", count: 20)
        var memory = CountingAllocator.cmarkMem
        var total = 0
        for _ in 0..<10_000 {
            let result = Markdown.render(doc, options: MarkdownOptions(), memory: &memory)
            total += result.headings.count
            #expect(CountingAllocator.live == 0, "allocations still live after a render: \(CountingAllocator.live)")
            if CountingAllocator.live != 0 { break }
        }
        #expect(total == 200_000)
        #expect(CountingAllocator.allocations > 10_000, "the allocator was really used")
    }
}

/// Counts allocations minus frees. Only the leak test uses it, and it runs its renders one
/// after another, so plain counters suffice.
enum CountingAllocator {
    nonisolated(unsafe) static var live = 0
    nonisolated(unsafe) static var allocations = 0

    static let cmarkMem = cmark_mem(
        calloc: { count, size in
            CountingAllocator.live += 1
            CountingAllocator.allocations += 1
            return calloc(count, size)
        },
        realloc: { pointer, size in
            if pointer == nil {
                CountingAllocator.live += 1
                CountingAllocator.allocations += 1
            }
            return realloc(pointer, size)
        },
        free: { pointer in
            if pointer != nil { CountingAllocator.live -= 1 }
            free(pointer)
        }
    )
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
