import Foundation
@testable import RegioContent
import RegioMap
@testable import RegioRender
import RegioTemplates
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Malformed, hostile and huge inputs: each gives a clear error (or is handled), never a
/// crash, a hang or unbounded memory.
@Suite struct RobustnessTests {
    func lines(_ files: [String: String]) throws -> [String] {
        let site = try TestSite(files, withTemplates: false)
        defer { site.cleanUp() }
        return site.checkLines()
    }

    @Test func billionLaughsIsRefusedAtOnce() throws {
        var yaml = "---\ntitel: Over\nsamenvatting: x\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            yaml += "l\(level): &l\(level) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n"
        }
        yaml += "---\n"
        let started = ContinuousClock.now
        let result = try lines(["Content/paginas/over.md": yaml])
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(result == ["Content/paginas/over.md:4:4: error: verwijzingen met & en * zijn in de gegevens niet toegestaan"])
    }

    @Test func tabsInIndentationAreASyntaxErrorWithAHint() throws {
        let site = try TestSite(["Content/themas/wonen.md": "---\ntitel: Wonen\nsamenvatting: S\ntafel:\n\tnaam: Bouwtafel\n---\n"], withTemplates: false)
        defer { site.cleanUp() }
        let d = try #require(site.check().first)
        #expect(d.location?.file == "Content/themas/wonen.md")
        #expect(d.location?.line == 5)
        #expect(d.message.hasPrefix("de gegevens (YAML) zijn niet goed opgeschreven"))
        #expect(d.hint == "spring in met spaties, niet met tabs")
    }

    @Test func aListWhereATextBelongs() throws {
        #expect(try lines(["Content/gemeenten/dordrecht.md": "---\nnaam:\n  - Dordrecht\n---\n"])
                == ["Content/gemeenten/dordrecht.md:3:3: error: bij \"naam\" hoort een tekst, gevonden: een lijst"])
    }

    @Test func tooLargeFileIsRefusedWithoutReadingIt() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let url = site.root.appendingPathComponent("Content/paginas/groot.md")
        var text = "---\ntitel: Groot\nsamenvatting: S\n---\n"
        text += String(repeating: "Een regel tekst die steeds terugkomt.\n", count: 20 * 1024 * 1024 / 38)
        try Data(text.utf8).write(to: url)
        let result = site.checkLines()
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("Content/paginas/groot.md:1:1: error: het bestand is te groot ("))
    }

    @Test func deeplyNestedMarkdownBuilds() throws {
        let lists = (0..<10_000).map { String(repeating: " ", count: min($0, 3)) + String(repeating: "- ", count: 1) + "x" }.joined(separator: "\n")
        let quotes = String(repeating: ">", count: 10_000) + " diep\n"
        let site = try TestSite(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: S\n---\n\(lists)\n\n\(quotes)"])
        defer { site.cleanUp() }
        try site.build()
        #expect(try site.read("over/index.html").contains("diep"))
    }

    @Test func symbolicLinksInContentAreRefused() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let loop = site.root.appendingPathComponent("Content/paginas/lus")
        try FileManager.default.createSymbolicLink(at: loop, withDestinationURL: site.root.appendingPathComponent("Content"))
        let outside = site.root.appendingPathComponent("Content/paginas/passwd.md")
        try FileManager.default.createSymbolicLink(at: outside, withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        #expect(site.checkLines() == [
            "Content/paginas/lus:1:1: error: een symbolische koppeling in de inhoudsmap wordt niet gevolgd",
            "Content/paginas/passwd.md:1:1: error: een symbolische koppeling in de inhoudsmap wordt niet gevolgd",
        ])
    }

    @Test func fileNameWithSpacesAndDiacriticsGetsASuggestion() throws {
        let site = try TestSite(["Content/paginas/Coördinatie regio.md": "---\ntitel: C\nsamenvatting: S\n---\n"], withTemplates: false)
        defer { site.cleanUp() }
        let d = try #require(site.check().first)
        #expect(d.message == "de bestandsnaam \"Coördinatie regio.md\" mag alleen kleine letters, cijfers en streepjes bevatten")
        #expect(d.hint == "gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld \"coordinatie-regio.md\"")
    }

    @Test func hostileFrontMatterIsEscapedEverywhere() throws {
        let site = try TestSite([
            "Content/updates/eerste-update.md": """
            ---
            titel: "<img src=x onerror=alert(1)>"
            datum: 2026-01-10
            auteur: "\\"><script>alert(2)</script>"
            samenvatting: "javascript:alert(3)"
            ---
            Tekst.

            """,
        ])
        defer { site.cleanUp() }
        try site.build()
        for (path, data) in try site.snapshot() where path.hasSuffix(".html") || path.hasSuffix(".xml") || MachineOutputs.isSearchIndexPart(path) {
            // The search index holds the text as data, escaped so it cannot carry markup either.
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("href=\"javascript:"), "\(path)")
        }
    }
}

/// Mutates valid content files thousands of times (byte flips, truncations, line shuffles,
/// duplicated lines) and checks that parsing and validation only ever return a result or
/// diagnostics. Seeded, so a failure reproduces; `REGIOPORTAAL_FUZZ_ITERATIONS` runs longer.
@Suite struct FuzzTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["REGIOPORTAAL_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3_000
    }

    func mutate(_ text: String, _ rng: inout SplitMix64) -> Data {
        var bytes = Array(text.utf8)
        switch rng.below(5) {
        case 0:
            for _ in 0..<(1 + rng.below(4)) where !bytes.isEmpty { bytes[rng.below(bytes.count)] ^= UInt8(1 << rng.below(8)) }
        case 1:
            bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
        case 2:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count > 1 { lines.swapAt(rng.below(lines.count), rng.below(lines.count)) }
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 3:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if !lines.isEmpty { let i = rng.below(lines.count); lines.insert(lines[i], at: i) }
            bytes = Array(lines.joined(separator: "\n").utf8)
        default:
            let inserts: [String] = ["&a ", "*a", "\t", ": ", "[", "{", "---\n", "\u{FEFF}", "\r\n", "- ", "\"", "#", "![](", "<script>"]
            let insert = Array(inserts[rng.below(inserts.count)].utf8)
            bytes.insert(contentsOf: insert, at: rng.below(bytes.count + 1))
        }
        return Data(bytes)
    }

    @Test func mutatedContentNeverCrashes() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let samples = TestSite.base.filter { $0.key != "Content/site.yml" }.sorted { $0.key < $1.key }
        var rng = SplitMix64(state: 20_261_122)
        let loader = ContentLoader(root: site.root.appendingPathComponent("Content"), displayBase: site.root)
        let parser = ContentParser(basePath: "/")
        var errors = 0
        for i in 0..<Self.iterations {
            let (path, text) = samples[rng.below(samples.count)]
            let url = site.root.appendingPathComponent(path)
            try mutate(text, &rng).write(to: url)
            var diagnostics = Diagnostics()
            if let source = loader.read(url, diagnostics: &diagnostics) {
                let kind = ContentKind(rawValue: url.deletingLastPathComponent().lastPathComponent)!
                let file = LoadedFile(source: source, kind: kind, slug: url.deletingPathExtension().lastPathComponent,
                                      isMarkdown: url.pathExtension == "md")
                _ = parser.parse(file, diagnostics: &diagnostics)
            }
            if diagnostics.hasErrors { errors += 1 }
            for d in diagnostics.all {
                #expect(!d.message.isEmpty, "iteration \(i)")
                if let location = d.location { #expect(location.line >= 1 && location.column >= 1, "iteration \(i): \(d.message)") }
            }
            try Data(text.utf8).write(to: url)
        }
        // Most mutations break something; the fuzzer must really be exercising the error paths.
        #expect(errors > Self.iterations / 4)
        // And the whole pipeline on the last mutated tree still returns.
        _ = site.check()
    }

    /// The same for `site.yml` (numbers, dates and addresses at and past their bounds) and for
    /// `Templates/` (tags that include other templates, including themselves): every mutation
    /// gives a result or diagnostics, and every template that compiles renders without a trap,
    /// so no save can end a running preview.
    @Test func mutatedSettingsAndTemplatesNeverCrash() throws {
        var rng = SplitMix64(state: 20_261_206)
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let settingsText = TestSite.base["Content/site.yml"]!
        let settingsURL = site.root.appendingPathComponent("Content/site.yml")
        let loader = ContentLoader(root: site.root.appendingPathComponent("Content"), displayBase: site.root)
        let values = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "0", "-1", "1e9", "0013-01-01",
                      "https://u:p@x/", "https://x/?q#f", "\"\"", "[]", "{}", "~"]
        var settingsErrors = 0
        for i in 0..<Self.iterations / 3 {
            var text = settingsText
            if rng.below(2) == 0 {
                let keys = ["updates_per_pagina", "base_url", "titel", "beschrijving"]
                text += "\(keys[rng.below(keys.count)]): \(values[rng.below(values.count)])\n"
            }
            try mutate(text, &rng).write(to: settingsURL)
            var diagnostics = Diagnostics()
            if let source = loader.read(settingsURL, diagnostics: &diagnostics),
               let settings = ContentParser(basePath: "/").parseSettings(source, baseURLOverride: nil, diagnostics: &diagnostics) {
                #expect((1...1_000).contains(settings.updatesPerPagina), "iteration \(i)")
            }
            if diagnostics.hasErrors { settingsErrors += 1 }
        }
        #expect(settingsErrors > Self.iterations / 12)

        let folder = TestSite.repository.appendingPathComponent("Templates")
        var sources: [String: String] = [:]
        for name in ["base", "home", "pagina", "404"] + (try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("partials").path))
            .filter { $0.hasSuffix(".mustache") }.map({ "partials/" + $0.dropLast(".mustache".count) }) {
            sources[name] = try String(contentsOf: folder.appendingPathComponent(name + ".mustache"), encoding: .utf8)
        }
        let names = sources.keys.sorted()
        var compiled = 0, refused = 0
        for i in 0..<Self.iterations / 10 {
            var mutated = sources
            let name = names[rng.below(names.count)]
            var text = mutated[name]!
            let tags = ["{{> \(names[rng.below(names.count)])}}", "{{<base}}{{$content}}x{{/content}}{{/base}}", "{{$content}}{{$content}}{{/content}}{{/content}}",
                        "{{#page}}{{> \(name)}}{{/page}}", "{{", "}}", "{{/x}}", "{{#x}}", "{{=<% %>=}}"]
            let tag = tags[rng.below(tags.count)]
            var utf8 = Array(text.utf8)
            utf8.insert(contentsOf: Array(tag.utf8), at: rng.below(utf8.count + 1))
            text = String(decoding: utf8, as: UTF8.self)
            mutated[name] = String(decoding: mutate(text, &rng), as: UTF8.self)
            do {
                let library = try TemplateLibrary(templates: mutated)
                compiled += 1
                for page in ["home", "pagina", "404"] {
                    let result = library.render(.object(["page": .object(["titel": .string("T")])]), template: page)
                    #expect(result != nil, "iteration \(i)")
                }
            } catch {
                refused += 1
                for problem in error.errors { #expect(problem.line >= 1 && problem.column >= 1, "iteration \(i): \(problem)") }
            }
        }
        #expect(compiled > 0 && refused > 0)
    }
}
