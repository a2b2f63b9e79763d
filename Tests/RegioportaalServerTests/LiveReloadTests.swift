import Foundation
@testable import RegioContent
@testable import Regioportaal
@testable import RegioportaalServer
import Testing

@Suite struct InjectionTests {
    func inject(_ html: String) -> String { String(decoding: LiveReload.inject(into: Data(html.utf8)), as: UTF8.self) }

    @Test func theScriptGoesJustBeforeTheLastClosingBody() {
        let tag = LiveReload.scriptTag
        #expect(tag == "<script src=\"/__regioportaal/reload.js\" defer></script>")
        #expect(inject("<html><body><p>x</p></body></html>") == "<html><body><p>x</p>\(tag)</body></html>")
        #expect(inject("<BODY>a</BODY >\n") == "<BODY>a\(tag)</BODY >\n")
        // Text that merely mentions </body> earlier does not attract the tag.
        #expect(inject("<body><code>&lt;/body&gt;</code></body>") == "<body><code>&lt;/body&gt;</code>\(tag)</body>")
        #expect(inject("<p>fragment") == "<p>fragment\(tag)")
        #expect(inject("") == tag)
    }
}

@Suite struct EventTests {
    @Test func eventsAreFramedForEventSource() {
        #expect(LiveReload.event("reload", data: "v1") == "event: reload\ndata: v1\n\n")
        #expect(LiveReload.event("error", data: "[\n  1\n]") == "event: error\ndata: [\ndata:   1\ndata: ]\n\n")
    }

    @Test func errorEventsCarryTheDiagnosticsAsJSON() throws {
        let diagnostic = Diagnostic.error(.unknownKey, "titl", at: SourceLocation(file: "Content/updates/a.md", line: 2, column: 1, excerpt: "titl: x"),
                                          hint: Hint.didYouMean("titel"))
        let event = LiveReload.errorEvent([diagnostic])
        #expect(event.hasPrefix("event: error\n"))
        let json = event.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }.joined(separator: "\n")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.first?["file"] as? String == "Content/updates/a.md")
        #expect(parsed.first?["line"] as? Int == 2)
        #expect(parsed.first?["hint"] as? String == "bedoelt u \"titel\"?")
        #expect(parsed.first?["code"] as? String == "RP0301")
        #expect(parsed.first?["message"] as? String == "onbekende sleutel \"titl\"")
    }

    @Test func theHubGreetsReportsAndCloses() async {
        let hub = ReloadHub()
        let failing = SiteStatus(version: "s-1", basePath: "/", failure: [.error(.previewBuildFailed, "broken", at: nil)])
        let stream = hub.subscribe(status: failing)
        #expect(hub.subscriberCount == 1)
        hub.publish(SiteStatus(version: "s-2", basePath: "/", failure: nil))
        hub.close()
        var chunks: [String] = []
        for await chunk in stream { chunks.append(chunk) }
        #expect(chunks.count == 3)
        #expect(chunks[0] == "retry: 500\n\nevent: hello\ndata: s-1\n\n")
        #expect(chunks[1].hasPrefix("event: error\n") && chunks[1].contains("broken"))
        #expect(chunks[2] == "event: reload\ndata: s-2\n\n")
        // After close, a late subscriber is greeted and released at once.
        var late: [String] = []
        for await chunk in hub.subscribe(status: failing) { late.append(chunk) }
        #expect(late.count == 2)
        #expect(hub.subscriberCount == 0)
    }

    @Test func theReloadScriptOnlyUsesSafeDOMCalls() {
        #expect(!LiveReloadAssets.script.contains("innerHTML"))
        #expect(LiveReloadAssets.script.contains("role\", \"alertdialog"))
        #expect(LiveReloadAssets.script.contains("/__regioportaal/events"))
    }

    @Test func theOverlaySpeaksDutchFromTheCatalogue() {
        let script = LiveReloadAssets.script
        #expect(script.contains("overlay.lang = \"nl\""))
        #expect(!script.contains("lang = \"en\""))
        #expect(!script.contains("__TEXTS__"))
        #expect(script.contains("\"title\":\"De site kon niet worden gebouwd\""))
        #expect(script.contains("\"hide\":\"Verbergen (Esc)\""))
        #expect(script.contains("d.code"))
        #expect(!script.contains("The site could not be built"))
    }
}

@Suite struct BuildSummaryTests {
    let base = URL(fileURLWithPath: "/project")

    @Test func successIsOneLine() {
        let report = BuildReport(pages: 86, files: 90, warnings: [], seconds: 0.2104)
        let changes = ChangeSet(modified: ["/project/Content/updates/a.md"])
        #expect(BuildSummary.line(.built(report), changes: changes, displayBase: base)
                == "86 pagina's opnieuw gebouwd in 210 ms na een wijziging in Content/updates/a.md, 0 waarschuwingen")
        #expect(BuildSummary.line(.built(report), changes: changes, displayBase: base, language: .en)
                == "rebuilt 86 pages in 210 ms after a change to Content/updates/a.md, 0 warnings")
    }

    @Test func failureNamesTheFirstError() {
        let errors: [Diagnostic] = [
            .error(.yamlUnreadable, "titl\nsecond line", at: SourceLocation(file: "Content/a.md", line: 2, column: 1)),
            .error(.previewBuildFailed, "other", at: nil),
        ]
        let changes = ChangeSet(added: ["/project/Content/b.md"], modified: ["/project/Content/a.md"])
        let line = BuildSummary.line(.failed(errors), changes: changes, displayBase: base)
        #expect(line == "bouwen mislukt na 2 wijzigingen (Content/a.md, …): 2 fouten; eerste: Content/a.md:2:1: de gegevens (YAML) zijn niet te lezen: titl second line (de preview toont de laatste goede versie; details in de browser)")
        #expect(BuildSummary.line(.failed(errors), changes: changes, displayBase: base, language: .en)
                == "build failed after 2 changes (Content/a.md, …): 2 errors; first: Content/a.md:2:1: YAML could not be read: titl second line (still serving the last good site; details in the browser)")
        #expect(!line.contains("\n"))
    }
}
