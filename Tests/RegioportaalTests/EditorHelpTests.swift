import Foundation
@testable import RegioContent
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Issue 33: messages that say how to write it right, all mistakes of a file in one round,
/// drafts in the preview, `new`'s file names and name lists, the placeholder base_url.
@Suite struct EditorHelpTests {
    static let update = "Content/updates/eerste-update.md"

    /// An update with `front` as the front matter lines between titel and the provenance.
    static func update(_ front: String, body: String = "Tekst.\n") -> String {
        "---\ntitel: Een\n\(front)\nauteur: R\nsamenvatting: S\nredactie: true\n---\n\(body)"
    }

    func diagnostics(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try TestSite(files, withTemplates: false)
        defer { site.cleanUp() }
        return site.check()
    }

    @Test func aDateWrittenTheDutchWayGetsTheDateToWrite() throws {
        for written in ["31-01-2026", "31-1-2026", "2026-31-01", "31/01/2026", "2026-1-31"] {
            let found = try diagnostics([Self.update: Self.update("datum: \(written)")])
            #expect(found.count == 1, "\(written)")
            let d = try #require(found.first)
            #expect(d.message == "\"\(written)\" is niet geschreven als JJJJ-MM-DD (jaar-maand-dag)")
            #expect(d.hint == "schrijf datums als JJJJ-MM-DD, dus 2026-01-31")
            #expect(d.location?.line == 3)
            #expect(d.location?.column == 8)
        }
        // Dutch order first: 01-02-2026 is 1 February.
        #expect(try diagnostics([Self.update: Self.update("datum: 01-02-2026")]).first?.hint == "schrijf datums als JJJJ-MM-DD, dus 2026-02-01")
    }

    @Test func anImpossibleOrUnreadableDateStaysItsOwnMessage() throws {
        let found = try diagnostics([
            Self.update: Self.update("datum: 2026-02-30"),
            "Content/updates/tweede.md": Self.update("datum: 31-02-2026"),
            "Content/updates/derde.md": Self.update("datum: 31 januari 2026"),
        ])
        // In file order: derde, eerste-update, tweede.
        #expect(found.map(\.message) == [
            "\"31 januari 2026\" is geen datum",
            "\"2026-02-30\" is geen datum die bestaat",
            "\"31-02-2026\" is geen datum die bestaat",
        ])
        #expect(found[0].hint == "schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-05-29")
        #expect(found[1].hint == "kijk de dag en de maand na; schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-05-29")
    }

    @Test func yesAndNoInWordsGetTrueOrFalse() throws {
        let cases = [("nee", "false"), ("ja", "true"), ("waar", "true"), ("onwaar", "false"), ("yes", "true"), ("no", "false")]
        for (written, meant) in cases {
            let found = try diagnostics([Self.update: Self.update("datum: 2026-01-31\ndraft: \(written)")])
            #expect(found.count == 1, "\(written)")
            let d = try #require(found.first)
            #expect(d.message == "bij \"draft\" hoort true of false, gevonden: \"\(written)\"")
            #expect(d.hint == "schrijf true of false; voor \"\(written)\" schrijft u \(meant)")
            #expect(d.location.map { "\($0.line):\($0.column)" } == "4:8")
        }
        let capital = try #require(try diagnostics([Self.update: Self.update("datum: 2026-01-31\ndraft: True")]).first)
        #expect(capital.hint == "schrijf true of false met kleine letters en zonder aanhalingstekens")
    }

    @Test func aMissingImageSaysWhereImagesGoAndNamesSimilarFiles() throws {
        let site = try TestSite([
            Self.update: Self.update("datum: 2026-01-31", body: "![Kaart van de regio](/img/kaart.png)\n\n![Logo](logo.png)\n"),
            "Public/img/kaart.svg": "<svg/>", "Public/img/kaart-drechtsteden.svg": "<svg/>", "Public/img/kaart-2024.png": "png",
            "Public/img/kaarten.png": "png", "Public/img/foto.jpg": "jpg", "Public/img/kaart.txt": "geen afbeelding",
        ], withTemplates: false)
        defer { site.cleanUp() }
        let found = site.check()
        #expect(found.map { "\($0.location!.line):\($0.location!.column): \($0.message)" } == [
            "8:1: afbeelding niet gevonden: /img/kaart.png staat niet in Public/",
            "10:1: afbeelding \"logo.png\" heeft geen volledig adres",
        ])
        #expect(found[0].hint == "zet de afbeelding in de map Public/img/ en schrijf het adres als /img/naam.jpg; "
            + "bestanden die er wel zijn en erop lijken: /img/kaart.svg, /img/kaart-2024.png, /img/kaart-drechtsteden.svg")
        #expect(found[1].hint == "zet afbeeldingen in de map Public/img/ en schrijf het adres met een / ervoor: /img/logo.png")
        // An image that is there passes.
        try site.write(Self.update("datum: 2026-01-31", body: "![Kaart van de regio](/img/kaart.svg)\n"), to: Self.update)
        #expect(site.check().isEmpty)
    }

    @Test func frontMatterAndBodyMistakesComeInOneRound() throws {
        let body = "![](/img/kaart.svg)\n\n# Kop\n\nZie [wonen](/themas/wone/).\n"
        // Values the record refuses (the update cannot be built), then a YAML syntax error.
        for front in ["datum: 31-01-2026\ndraft: nee", "datum: 2026-01-31\nthemas: [wonen\n"] {
            let site = try TestSite([Self.update: Self.update(front, body: body), "Public/img/kaart.svg": "<svg/>"], withTemplates: false)
            defer { site.cleanUp() }
            let found = site.check()
            let messages = found.map(\.message)
            #expect(found.allSatisfy { $0.location?.file == Self.update }, "\(found)")
            #expect(messages.contains("afbeelding zonder beschrijving (alt-tekst)"), "\(messages)")
            #expect(messages.contains("een kop van niveau 1 (#) in de tekst"), "\(messages)")
            #expect(messages.contains("link naar een pagina die niet bestaat: /themas/wone/"), "\(messages)")
            #expect(found.count >= 4, "and the front matter's own: \(messages)")
        }
        let site = try TestSite([Self.update: Self.update("datum: 31-01-2026\ndraft: nee", body: body), "Public/img/kaart.svg": "<svg/>"],
                                withTemplates: false)
        defer { site.cleanUp() }
        #expect(site.checkLines() == [
            "\(Self.update):3:8: error: \"31-01-2026\" is niet geschreven als JJJJ-MM-DD (jaar-maand-dag)",
            "\(Self.update):4:8: error: bij \"draft\" hoort true of false, gevonden: \"nee\"",
            "\(Self.update):9:1: error: afbeelding zonder beschrijving (alt-tekst)",
            "\(Self.update):11:1: error: een kop van niveau 1 (#) in de tekst",
            "\(Self.update):13:5: error: link naar een pagina die niet bestaat: /themas/wone/",
        ])
    }

    // MARK: Drafts

    static let draft = "Content/updates/concept-bericht.md"
    static let draftText = "---\ntitel: Nieuwe fietsroute\ndatum: 2026-11-20\nauteur: R\nsamenvatting: Over de route.\ndraft: true\nredactie: true\n---\nNog niet af.\n"

    @Test func aBuildWithDraftsShowsTheConceptLabelAndADeployBuildLeavesThemOut() throws {
        let site = try TestSite([Self.draft: Self.draftText])
        defer { site.cleanUp() }
        let preview = try site.build { $0.includeDrafts = true }
        let page = try site.read("updates/concept-bericht/index.html")
        #expect(page.contains("<span class=\"label-draft\">concept</span>"))
        let list = try site.read("updates/index.html")
        #expect(list.contains("Nieuwe fietsroute</a>"))
        #expect(list.contains("<span class=\"label-draft\">concept</span>"))
        #expect(preview.unpublished.isEmpty)

        let deploy = try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("updates/concept-bericht").path))
        #expect(try !site.read("updates/index.html").contains("Nieuwe fietsroute"))
        #expect(deploy.unpublished == [UnpublishedPage(path: "/updates/concept-bericht/", file: Self.draft, reason: .draft)])
    }

    /// `serve` shows drafts unless told `--no-drafts`: run the real command until its first
    /// build is written, then stop it as Ctrl-C does.
    @Test func serveIncludesDraftsByDefault() throws {
        let files = [Self.draft: Self.draftText,
                     "Content/site.yml": "titel: T\nbeschrijving: B\nbase_url: https://regioportaal.example.nl/\nupdates_per_pagina: 2\n"]
        for (arguments, shown) in [([String](), true), (["--no-drafts"], false)] {
            let site = try TestSite(files)
            defer { site.cleanUp() }
            let run = try Binary.start(["serve", "--port", "0", "--now", "2026-11-22"] + arguments, in: site.root)
            let home = site.root.appendingPathComponent("_preview/index.html")
            // Until the server says it is serving: the first build's summary line comes just before
            // that, after its files are written (stopping at the first file lost the line once).
            func said() -> String { (try? String(contentsOf: run.stderr, encoding: .utf8)) ?? "" }
            for _ in 0..<1200 where !said().contains("de preview staat op http") && run.process.isRunning {
                Thread.sleep(forTimeInterval: 0.1)
            }
            run.process.terminate()
            let result = run.wait()
            #expect(FileManager.default.fileExists(atPath: home.path), "\(result.stderr)")
            let draft = site.root.appendingPathComponent("_preview/updates/concept-bericht/index.html")
            #expect(FileManager.default.fileExists(atPath: draft.path) == shown, "\(arguments)")
            // The preview is no deploy build: no warning about the base URL there.
            #expect(result.stderr.contains(", 0 waarschuwingen"), "\(result.stderr)")
        }
        // A deploy build never has the draft, and is warned about the base URL.
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let build = try Binary.run(["build", "--now", "2026-11-22"], in: site.root)
        #expect(build.status == 0)
        #expect(build.stderr.contains("Content/site.yml:3:11: waarschuwing RP0323: base_url is nog het voorbeeldadres https://regioportaal.example.nl/"), "\(build.stderr)")
        #expect(build.stderr.contains("0 fouten, 1 waarschuwing"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("updates/concept-bericht").path))
    }

    @Test func unpublishedPagesSayWhy() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        var diagnostics = Diagnostics()
        var model = try #require(Pipeline.check(site.options, diagnostics: &diagnostics)).model
        let base = model.updates[0]
        func with(_ change: (inout Update) -> Void) -> Update {
            var update = base
            change(&update)
            return update
        }
        model.updates = [
            with { $0.draft = true },
            with { $0.draft = true; $0.publishDate = Day("2027-01-15") },
            with { $0.expiryDate = Day("2026-07-01") },
            base,
        ]
        let path = "/updates/eerste-update/"
        #expect(UnpublishedPage.list(model, now: site.now, includeDrafts: false).map(\.reason) == [.draft, .future(Day("2027-01-15")!), .expired(Day("2026-07-01")!)])
        // The preview shows drafts, but not before their publishDate.
        #expect(UnpublishedPage.list(model, now: site.now, includeDrafts: true).map(\.reason) == [.future(Day("2027-01-15")!), .expired(Day("2026-07-01")!)])
        #expect(UnpublishedPage.list(model, now: site.now, includeDrafts: true).allSatisfy { $0.path == path && $0.file == Self.update })
    }

    // MARK: new

    @Test func newNamesUpdatesAndBesluitenAfterTheirDayAndListsTheNames() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let content = site.root.appendingPathComponent("Content")
        let day = Day("2026-12-07")!
        let update = try Scaffold.create(.update, title: "Nieuwe fietsroute", on: day, in: content)
        #expect(update.lastPathComponent == "2026-12-07-nieuwe-fietsroute.md")
        let besluit = try Scaffold.create(.besluit, title: "Besluit over de fietsroute", on: day, in: content)
        #expect(besluit.lastPathComponent == "2026-12-07-besluit-over-de-fietsroute.md")
        let pagina = try Scaffold.create(.pagina, title: "Contact", on: day, in: content)
        #expect(pagina.lastPathComponent == "contact.md")

        let text = try String(contentsOf: update, encoding: .utf8)
        #expect(text.contains("""
            # Namen die u in de lijsten hieronder kunt gebruiken:
            # themas: wonen
            # coalities: bouwcoalitie
            # gemeenten: dordrecht, sliedrecht
            themas: []

            """))
        #expect(try !String(contentsOf: pagina, encoding: .utf8).contains("# Namen"))
        // The comments change nothing: the new update checks clean, as before.
        let newFileProblems = site.check().filter { $0.location?.file.hasSuffix("nieuwe-fietsroute.md") == true }
        #expect(newFileProblems.isEmpty)

        let again = #expect(throws: Diagnostic.self) { try Scaffold.create(.update, title: "Nieuwe fietsroute", on: day, in: content) }
        #expect(again?.message == "updates/2026-12-07-nieuwe-fietsroute.md bestaat al")
        let empty = #expect(throws: Diagnostic.self) { try Scaffold.create(.update, title: "!!!", on: day, in: content) }
        #expect(empty?.message == "van de titel \"!!!\" kan geen bestandsnaam gemaakt worden")
    }

    @Test func newListsAtMostTwentyNamesPerLine() throws {
        var files: [String: String] = [:]
        for i in 1...25 {
            files["Content/themas/thema-\(String(format: "%02d", i)).md"] = "---\ntitel: T\(i)\nsamenvatting: S\ntafel: { naam: Tafel, leden: [] }\n---\nTekst.\n"
        }
        let site = try TestSite(files, withTemplates: false)
        defer { site.cleanUp() }
        let names = Scaffold.knownNames(for: .opgave, in: site.root.appendingPathComponent("Content"))
        let line = try #require(names.split(separator: "\n").first { $0.hasPrefix("# themas: ") })
        #expect(line.hasPrefix("# themas: thema-01, thema-02, "))
        #expect(line.hasSuffix("thema-19, thema-20, … (de rest staat in Content/themas/)"))
        #expect(names.contains("# opgaven: status-inwoners, woningvoorraad\n"))
    }

    // MARK: base_url

    @Test func aDeployBuildWithThePlaceholderBaseURLIsWarnedAbout() throws {
        let site = try TestSite(["Content/site.yml": "titel: T\nbeschrijving: B\nbase_url: https://regioportaal.example.nl/\n"])
        defer { site.cleanUp() }
        let found = site.check()
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.severity == .warning)
        #expect(d.message == "base_url is nog het voorbeeldadres https://regioportaal.example.nl/")
        #expect(d.hint == "zet bij base_url het echte adres van de site, of geef het mee met --base-url https://…; "
            + "anders wijzen de links in de sitemap en de feeds naar een adres dat niet bestaat")
        #expect(d.location.map { "\($0.file):\($0.line):\($0.column)" } == "Content/site.yml:3:11")
        // A warning, not an error: the build goes on, and reports it.
        #expect(try site.build().warnings.map(\.message) == [d.message])
        // Not when --base-url gives the real address, and not in the preview.
        #expect(site.check(baseURL: "https://portaal.drechtsteden.nl/").isEmpty)
        var preview = site.options
        preview.isPreview = true
        var diagnostics = Diagnostics()
        _ = Pipeline.check(preview, diagnostics: &diagnostics)
        #expect(diagnostics.sorted.isEmpty)
    }

    @Test func placeholderHosts() {
        for address in ["https://regioportaal.example.nl/", "https://example.org/portaal/", "http://www.EXAMPLE.com:8080/", "https://a:b@example.net/"] {
            #expect(WebAddress.isPlaceholder(address), "\(address)")
        }
        for address in ["https://portaal.test/", "https://examples.nl/", "https://mijnexample.nl/", "https://drechtsteden.nl/example/"] {
            #expect(!WebAddress.isPlaceholder(address), "\(address)")
        }
    }
}
