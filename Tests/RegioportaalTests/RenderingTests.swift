import Foundation
@testable import RegioContent
@testable import RegioRender
import RegioTemplates
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// The template layer: escaping, template errors, pagination.
@Suite struct RenderingTests {
    @Test func templateOutputEscapesTheFiveHTMLCharactersLikeMustache() throws {
        let library = try TemplateLibrary(templates: ["t": "{{x}}"])
        func escape(_ text: String) -> String? { library.render(["x": .string(text)], template: "t")?.output }
        #expect(escape(#"Wonen & werken: "A" <b> 'B'"#) == "Wonen &amp; werken: &quot;A&quot; &lt;b&gt; &#39;B&#39;")
        #expect(escape("Coördinatie — geen tekens") == "Coördinatie — geen tekens")
        #expect(escape("") == "")
    }

    @Test func valuesFromContentAreEscapedOnEveryPage() throws {
        let site = try TestSite(["Content/paginas/over.md": "---\ntitel: \"Over <script>x</script> & 'zo'\"\nsamenvatting: S\nmenu: 1\n---\nTekst.\n"])
        defer { site.cleanUp() }
        try site.build()
        let page = try site.read("over/index.html")
        #expect(page.contains("<h1>Over &lt;script&gt;x&lt;/script&gt; &amp; &#39;zo&#39;</h1>"))
        #expect(!page.contains("<script>x"))
        // The footer menu on every other page shows the same title, escaped the same way.
        #expect(try site.read("index.html").contains("Over &lt;script&gt;x&lt;/script&gt; &amp; &#39;zo&#39;</a>"))
    }

    @Test func aTemplateSyntaxErrorPointsAtItsOwnLine() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let footer = site.root.appendingPathComponent("Templates/partials/footer.mustache")
        let text = try String(contentsOf: footer, encoding: .utf8)
        try text.edited("{{/footer_menu}}", "{{/footer_men}}").write(to: footer, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{{/footer_menu}}") }! + 1
        var diagnostics: [Diagnostic] = []
        do { try site.build() } catch let failure as BuildFailure { diagnostics = failure.diagnostics }
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect(d.message.hasPrefix("de template is niet goed opgebouwd: een sectie wordt met de verkeerde naam gesloten: {{/footer_men}} sluit {{#footer_menu}}"))
        #expect(d.location?.file.hasSuffix("Templates/partials/footer.mustache") == true)
        #expect(d.location?.line == line)
        #expect(d.location?.excerpt?.contains("{{/footer_men}}") == true)
    }

    @Test func anUnknownNameAndAMissingPartialAreErrorsAtTheirTags() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let footer = site.root.appendingPathComponent("Templates/partials/footer.mustache")
        try (try String(contentsOf: footer, encoding: .utf8) + "<p>{{site.titl}}</p>\n").write(to: footer, atomically: true, encoding: .utf8)
        let lines = try String(contentsOf: footer, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        var diagnostics: [Diagnostic] = []
        do { try site.build() } catch let failure as BuildFailure { diagnostics = failure.diagnostics }
        // Every page shows the footer; the tag is reported once.
        #expect(diagnostics.map(\.message) == ["\"site.titl\" staat niet in de gegevens die deze template krijgt, dus hier komt niets"])
        #expect(diagnostics.first?.location.map { "\($0.file):\($0.line):\($0.column)" } == "Templates/partials/footer.mustache:\(lines):4")

        try site.write("{{> partials/footr}}\n", to: "Templates/pagina.mustache")
        diagnostics = []
        do { try site.build() } catch let failure as BuildFailure { diagnostics = failure.diagnostics }
        let missing = try #require(diagnostics.first)
        #expect(missing.message == "de partial \"partials/footr\" bestaat niet")
        #expect(missing.location.map { "\($0.file):\($0.line):\($0.column)" } == "Templates/pagina.mustache:1:1")
        #expect(missing.hint == "bedoelt u \"partials/footer\"?")
    }

    @Test func paginationShowsAWindowNotEveryPage() {
        #expect(PageContextBuilder.pageWindow(current: 1, total: 1) == [1])
        #expect(PageContextBuilder.pageWindow(current: 1, total: 5) == [1, 2, 3, 4, 5])
        #expect(PageContextBuilder.pageWindow(current: 50, total: 100) == [1, nil, 48, 49, 50, 51, 52, nil, 100])
        // A gap of one page shows that page instead of an ellipsis.
        #expect(PageContextBuilder.pageWindow(current: 5, total: 10) == [1, 2, 3, 4, 5, 6, 7, nil, 10])
        #expect(PageContextBuilder.pageWindow(current: 100, total: 100) == [1, nil, 98, 99, 100])
        // Bounded whatever the site's size: the list pages are no longer quadratic.
        #expect(PageContextBuilder.pageWindow(current: 2_500, total: 5_000).count == 9)
    }

    @Test func listPagesLinkTheirNeighboursAndTheEnds() throws {
        var files: [String: String] = [:]
        for n in 1...12 {
            let day = String(format: "2026-03-%02d", n)
            files["Content/updates/bericht-\(n).md"] = "---\ntitel: Bericht \(n)\ndatum: \(day)\nauteur: R\nsamenvatting: S\n---\nTekst.\n"
        }
        let site = try TestSite(files)
        defer { site.cleanUp() }
        try site.build()
        // 13 updates at 2 per page: 7 pages; page 4 shows 1 … 2 3 4 5 6 … 7 with no gaps needed.
        let middle = try site.read("updates/pagina/4/index.html")
        for n in [2, 3, 5, 6, 7] { #expect(middle.contains("href=\"/updates/pagina/\(n)/\"")) }
        #expect(middle.contains("href=\"/updates/\""))
        #expect(middle.contains("<span aria-current=\"page\"><span class=\"visually-hidden\">Pagina </span>4</span>"))
        let first = try site.read("updates/index.html")
        #expect(first.contains("<li class=\"gap\"><span aria-hidden=\"true\">…</span></li>"))
        #expect(!first.contains("href=\"/updates/pagina/5/\""))
        #expect(first.contains("href=\"/updates/pagina/7/\""))
    }
}
