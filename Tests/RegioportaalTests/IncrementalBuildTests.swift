import Foundation
@testable import RegioContent
@testable import RegioSupport
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Builds that reuse parsed files and unchanged pages must always equal clean builds,
/// through edits, renames, deletions, template changes, failed builds and a removed output.
@Suite struct IncrementalBuildTests {
    /// Builds `site` with `cache` into its `_site`, cleanly into `_clean`, and compares both folders file by file.
    private func compare(_ site: TestSite, _ cache: BuildCache, _ step: String, changed: [String]? = nil) throws {
        let clean = site.root.appendingPathComponent("_clean")
        try site.build {
            $0.cache = cache
            $0.changedPaths = changed.map { $0.map { site.root.appendingPathComponent($0).path } }
        }
        try site.build { $0.output = clean }
        let cached = try site.snapshot()
        var reference: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: clean, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            reference[RelativePath.display(url, from: clean)] = try Data(contentsOf: url)
        }
        #expect(cached.keys.sorted() == reference.keys.sorted(), "\(step)")
        for (path, data) in reference { #expect(cached[path] == data, "\(step): \(path) differs") }
    }

    @Test func cachedBuildsEqualCleanBuildsThroughASequenceOfChanges() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let cache = BuildCache()

        try compare(site, cache, "first build")
        #expect(cache.parse.misses > 0)
        let all = cache.lastRender.rendered
        #expect(cache.lastRender.kept == 0)

        try compare(site, cache, "nothing changed")
        #expect(cache.lastRender.rendered == 0, "no page is rendered again")

        cache.parse.resetCounters()
        try site.write(TestSite.base["Content/updates/eerste-update.md"]!.edited("Het begin.", "Een nieuw begin."),
                       to: "Content/updates/eerste-update.md")
        try compare(site, cache, "edit one update's summary")
        #expect(cache.parse.misses == 1, "only the edited file is parsed again")
        #expect(try site.read("updates/eerste-update/index.html").contains("Een nieuw begin."))
        let pagesAfterEdit = cache.lastRender.rendered
        #expect(pagesAfterEdit >= 1 && pagesAfterEdit < all / 2, "an edit renders the pages that show it, not the site")

        cache.parse.resetCounters()
        try site.write(TestSite.base["Content/updates/eerste-update.md"]!.edited("Het begin.", "Een nieuw begin.").edited("Zie [de bouwtafel]", "Lees over [de bouwtafel]"),
                       to: "Content/updates/eerste-update.md")
        try compare(site, cache, "edit one update's text (below the front matter)")
        #expect(cache.parse.misses == 1, "only the edited file is parsed again")
        #expect(try site.read("updates/eerste-update/index.html").contains("Lees over"))
        #expect(cache.lastRender.rendered == 1, "an update's text shows only on its own page")

        // A new title shows on every list, feed, search and change page that names the update.
        let retitled = try String(contentsOf: site.root.appendingPathComponent("Content/updates/eerste-update.md"), encoding: .utf8)
            .edited("titel: ", "titel: Herzien, ")
        try site.write(retitled, to: "Content/updates/eerste-update.md")
        try compare(site, cache, "retitle an update")
        #expect(cache.lastRender.rendered > 1, "the title is shown beyond the update's own page")

        // Same size and the old modification time: still seen (the change time moves).
        let edited = site.root.appendingPathComponent("Content/updates/eerste-update.md")
        let stamp = try FileManager.default.attributesOfItem(atPath: edited.path)[.modificationDate] as! Date
        try site.write(TestSite.base["Content/updates/eerste-update.md"]!.edited("Het begin.", "Een NIEUW begin."),
                       to: "Content/updates/eerste-update.md")
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: edited.path)
        try compare(site, cache, "edit that keeps size and modification time")
        #expect(try site.read("updates/eerste-update/index.html").contains("Een NIEUW begin."))

        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/updates/eerste-update.md"),
                                         to: site.root.appendingPathComponent("Content/updates/hernoemd.md"))
        try compare(site, cache, "rename an update")
        #expect(try site.snapshot()["updates/eerste-update/index.html"] == nil)

        try site.remove("Content/besluiten/2024-05-29-besluit.md")
        try compare(site, cache, "delete a decision")

        try site.write("---\ntitel: Nieuw\ndatum: 2026-05-01\nauteur: R\nsamenvatting: S\nthemas: [wonen]\n---\nTekst.\n", to: "Content/updates/nieuw.md")
        try compare(site, cache, "add an update")

        // The maps, the participation tables and the lists of opgaven and coalities are keyed by
        // everything but the updates and besluiten, and by the snapshot years.
        try site.write(TestSite.base["Content/opgaven/woningvoorraad.md"]!.edited("titel: Woningvoorraad", "titel: Woningaanbod"),
                       to: "Content/opgaven/woningvoorraad.md")
        try compare(site, cache, "retitle an opgave")
        #expect(try site.read("groeiperspectief/index.html").contains("Woningaanbod"))
        #expect(try site.read("opgaven/index.html").contains("Woningaanbod"))
        try site.write("---\ntitel: Vroeg\ndatum: 2011-03-01\nauteur: R\nsamenvatting: S\nthemas: [wonen]\n---\nTekst.\n", to: "Content/updates/vroeg.md")
        try compare(site, cache, "an update years before anything else adds snapshot years")
        try site.remove("Content/updates/vroeg.md")
        try compare(site, cache, "and removing it takes them away")

        let footer = site.root.appendingPathComponent("Templates/partials/footer.mustache")
        try (try String(contentsOf: footer, encoding: .utf8)).edited("Over deze site", "Over dit portaal")
            .write(to: footer, atomically: true, encoding: .utf8)
        try compare(site, cache, "edit a partial every page uses")
        #expect(cache.lastRender.kept == 0, "every page uses the footer")

        let update = site.root.appendingPathComponent("Templates/update.mustache")
        try (try String(contentsOf: update, encoding: .utf8)).edited("Alle updates", "Naar alle updates")
            .write(to: update, atomically: true, encoding: .utf8)
        try compare(site, cache, "edit the update template")
        let updates = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("Content/updates").path)
        #expect(cache.lastRender.rendered == updates.count, "only update pages use update.mustache")

        // A partial included after a change of delimiters: only the engine's own parse sees it.
        try site.write("Hallo", to: "Templates/partials/groet.mustache")
        try site.write(try String(contentsOf: update, encoding: .utf8).edited("Naar alle updates", "{{=<% %>=}}<%> partials/groet%><%={{ }}=%> Naar alle updates"),
                       to: "Templates/update.mustache")
        try compare(site, cache, "include a partial with other delimiters")
        try site.write("Goedendag", to: "Templates/partials/groet.mustache")
        try compare(site, cache, "edit that partial")
        #expect(try site.read("updates/hernoemd/index.html").contains("Goedendag"))
        #expect(cache.lastRender.rendered == updates.count, "the partial's pages, and only those, render again")

        try site.write("---\ntitl: Kapot\n---\nTekst.\n", to: "Content/updates/nieuw.md")
        #expect(throws: BuildFailure.self) { try site.build { $0.cache = cache } }
        try site.write("---\ntitel: Hersteld\ndatum: 2026-05-02\nauteur: R\nsamenvatting: S\n---\nTekst.\n", to: "Content/updates/nieuw.md")
        try compare(site, cache, "fix a content error")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("_site"))
        try compare(site, cache, "output folder removed by hand")
        #expect(cache.lastRender.kept == 0, "a missing output folder is written whole")
    }

    /// The preview passes what its watcher saw; text edits (below the front matter) then skip
    /// the whole-site stages (nothing is parsed through the parse cache), everything else takes
    /// the full pipeline, and every result equals a clean build.
    @Test func textEditsSeenByTheWatcherEqualCleanBuilds() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let cache = BuildCache()
        let updatePath = "Content/updates/eerste-update.md"
        let update = TestSite.base[updatePath]!
        try compare(site, cache, "first build")

        func edit(_ text: String, _ path: String = updatePath, step: String, fast: Bool) throws {
            try site.write(text, to: path)
            cache.parse.resetCounters()
            try compare(site, cache, step, changed: [path])
            #expect(cache.parse.misses == (fast ? 0 : 1), "\(step): \(fast ? "from the last build" : "through the full pipeline")")
        }

        try edit(update + "Een nieuwe alinea met *nadruk*.\n", step: "edit the text of an update", fast: true)
        #expect(cache.lastRender.rendered == 1, "only the update's own page")
        #expect(try site.read("updates/eerste-update/index.html").contains("<em>nadruk</em>"))
        #expect(try site.read("zoeken/index-1.json").contains("nadruk"))
        #expect(try site.read("feeds/updates.xml").contains("nadruk"))
        try compare(site, cache, "a full rebuild after the text edit")
        #expect(cache.lastRender.rendered == 0, "the text edit left the same page keys a full build makes")

        try edit(update + "## Nieuw kopje\n\nTekst.\n", step: "add a heading (an anchor other pages may link to)", fast: false)
        try edit(update, step: "remove the heading again", fast: false)
        // An update's title, author and summary: every page that names it, without the whole-site stages.
        let retitled = try update.edited("titel: Eerste update", "titel: Eerste update, herzien")
        try edit(retitled, step: "change the title of an update", fast: true)
        #expect(cache.lastRender.rendered > 1, "the title shows beyond the update's own page")
        for path in ["updates/index.html", "gemeenten/sliedrecht/veranderingen/index.html", "feeds/updates.xml", "data/updates.json"] {
            #expect(try site.read(path).contains("Eerste update, herzien"), "\(path)")
        }
        #expect(try site.read("zoeken/index-1.json").contains("herzien"))
        try compare(site, cache, "a full rebuild after the title edit")
        #expect(cache.lastRender.rendered == 0, "the title edit left the same page keys a full build makes")
        try edit(retitled.edited("auteur: Redactie", "auteur: Communicatie")
                     .edited("samenvatting: Het begin.", "samenvatting: Een begin."),
                 step: "change the author and summary of an update", fast: true)
        // What moves the update elsewhere takes the full pipeline.
        try edit(retitled.edited("datum: 2026-01-10", "datum: 2026-01-11"), step: "change the date of an update", fast: false)
        try edit(retitled.edited("gemeenten: [sliedrecht]", "gemeenten: [dordrecht]"),
                 step: "change what an update is about", fast: false)
        try edit(retitled.edited("redactie: true", "voorbeeld: true"),
                 step: "mark an update as an example", fast: false)
        try edit(retitled.edited("auteur: Redactie", "auteur: Redactie\ndraft: true"), step: "make an update a draft", fast: false)
        try edit(retitled, step: "back to the retitled update", fast: false)
        try edit(retitled.edited("Zie", "Lees"), step: "edit the text after a full build", fast: true)

        // A problem in the text is reported by the full pipeline, as a clean build reports it.
        try site.write(update + "![](/afbeelding.png)\n", to: updatePath)
        #expect(throws: BuildFailure.self) {
            try site.build {
                $0.cache = cache
                $0.changedPaths = [site.root.appendingPathComponent(updatePath).path]
            }
        }
        #expect(try site.read("updates/eerste-update/index.html").contains("Lees"), "the failed build left the site as it was")
        try edit(update + "Hersteld.\n", step: "fix the text after a failed build", fast: false)
        try edit(update + "Hersteld, en verder.\n", step: "edit the text again", fast: true)

        let besluitPath = "Content/besluiten/2024-05-29-besluit.md"
        try edit(TestSite.base[besluitPath]!.edited("Het besluit.", "Het besluit, toegelicht."), besluitPath,
                 step: "edit the text of a besluit", fast: true)
        #expect(try site.read("zoeken/index-1.json").contains("toegelicht"))
        try edit(TestSite.base[besluitPath]!.edited("titel: ", "titel: Herzien, "), besluitPath,
                 step: "change the title of a besluit (only an update's front matter is handled without the full pipeline)", fast: false)
        try edit(TestSite.base["Content/paginas/over.md"]!.edited("De redactie.", "De redactie van de regio."),
                 "Content/paginas/over.md", step: "edit the text of a pagina", fast: true)
        let themaPath = "Content/themas/wonen.md"
        let thema = try TestSite.base[themaPath]!.edited("Meer woningen.", "Meer woningen, sneller.")
        try edit(thema, themaPath, step: "edit the text of a thema", fast: true)
        #expect(cache.lastRender.rendered == 1, "only the thema's own page")
        try edit(thema + "## Planning\n\nIn 2027.\n", themaPath, step: "add a heading to a thema", fast: false)
        #expect(cache.lastRender.rendered < 10, "a thema's text is not part of the pages that name the thema")

        // A draft is not published: its text edit changes no page, record or feed.
        let draftPath = "Content/updates/concept.md"
        let draft = "---\ntitel: Concept\ndatum: 2026-03-01\nauteur: R\nsamenvatting: S\ndraft: true\n---\nEerste versie.\n"
        try site.write(draft, to: draftPath)
        try compare(site, cache, "add a draft", changed: [draftPath])
        try edit(draft.edited("Eerste versie.", "Tweede versie."), draftPath, step: "edit a draft's text", fast: true)
        #expect(cache.lastRender.rendered == 0)
        #expect(try !site.read("zoeken/index-1.json").contains("versie"))
        try site.remove(draftPath)
        try compare(site, cache, "remove the draft", changed: [draftPath])

        // New and removed files are found by listing the folders again.
        let added = "Content/updates/nog-een.md"
        try site.write("---\ntitel: Nog een\ndatum: 2026-02-01\nauteur: R\nsamenvatting: S\n---\nTekst.\n", to: added)
        try compare(site, cache, "add an update", changed: [added])
        #expect(try site.read("updates/nog-een/index.html").contains("Nog een"))
        try site.remove(added)
        try compare(site, cache, "remove it again", changed: [added])
        #expect(try site.snapshot()["updates/nog-een/index.html"] == nil)

        let footer = site.root.appendingPathComponent("Templates/partials/footer.mustache")
        try (try String(contentsOf: footer, encoding: .utf8)).edited("Over deze site", "Over dit portaal")
            .write(to: footer, atomically: true, encoding: .utf8)
        try compare(site, cache, "a template changed", changed: ["Templates/partials/footer.mustache"])
        #expect(cache.lastRender.kept == 0, "every page uses the footer")
    }

    /// `REGIOPORTAAL_EXPLAIN=1` (``BuildOptions/explain``) says per rebuild which route it took
    /// and why, and per template and reason which pages were rendered again.
    @Test func explainSaysWhatRanAgainAndWhy() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let cache = BuildCache()
        func rebuild(_ changed: [String]?) throws -> [String] {
            try site.build {
                $0.cache = cache
                $0.explain = true
                $0.changedPaths = changed.map { $0.map { site.root.appendingPathComponent($0).path } }
            }.explanation
        }
        let first = try rebuild(nil)
        #expect(first.contains { $0.hasPrefix("route: the full pipeline: the watcher did not say what changed") })
        #expect(first.contains { $0.hasPrefix("rendered: all ") && $0.hasSuffix("(no previous build in this output folder)") })

        let updatePath = "Content/updates/eerste-update.md"
        try site.write(TestSite.base[updatePath]! + "Een nieuwe alinea.\n", to: updatePath)
        let text = try rebuild([updatePath])
        #expect(text.contains("changed: \(updatePath)"))
        #expect(text.contains { $0.hasPrefix("route: text below the front matter") })
        #expect(text.contains("rendered again: 1 of \(cache.lastRender.rendered + cache.lastRender.kept) pages"))
        #expect(text.contains("  update: its text changed: 1 (/updates/eerste-update/)"))

        let themaPath = "Content/themas/wonen.md"
        try site.write(TestSite.base[themaPath]!.edited("titel: Wonen", "titel: Wonen en leven"), to: themaPath)
        let front = try rebuild([themaPath])
        #expect(front.contains("route: the full pipeline: the front matter of \(themaPath) changed"))
        #expect(front.contains { $0.hasPrefix("parsed again: 1 of ") }, "only the edited file: \(front)")
        #expect(front.contains { $0.hasPrefix("  thema: its data changed:") && $0.contains("/themas/wonen/") })

        let footer = "Templates/partials/footer.mustache"
        try site.write(try String(contentsOf: site.root.appendingPathComponent(footer), encoding: .utf8).edited("Over deze site", "Over dit portaal"), to: footer)
        let template = try rebuild([footer])
        #expect(template.contains { $0.hasPrefix("route: the full pipeline: \(footer) is not a content file of the last build") })
        #expect(template.contains { $0.hasPrefix("  update: the template or a template it includes changed, or the assets:") })
        #expect(!template.contains { $0.contains("its data changed") }, "only the template changed")
    }

    @Test func findingsOfAnUnchangedFileFollowWhatItLinksTo() throws {
        let over = "---\ntitel: Over\nsamenvatting: Wie\nmenu: 1\n---\nZie [het begin](/updates/eerste-update/).\n"
        let site = try TestSite(["Content/paginas/over.md": over])
        defer { site.cleanUp() }
        let cache = BuildCache()
        try site.build { $0.cache = cache }
        // over.md does not change, but the page it links to goes away.
        try site.remove("Content/updates/eerste-update.md")
        var found: [String] = []
        do { try site.build { $0.cache = cache } } catch let failure as BuildFailure { found = failure.diagnostics.map(\.message) }
        #expect(found == ["link naar een pagina die niet bestaat: /updates/eerste-update/"])
        try site.write(TestSite.base["Content/updates/eerste-update.md"]!, to: "Content/updates/eerste-update.md")
        try compare(site, cache, "the page is back")
    }

    @Test func aChangedImageIsCopiedAgainUnderTheSameName() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let cache = BuildCache()
        let image = site.root.appendingPathComponent("Public/img/test.txt")
        try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("een".utf8).write(to: image)
        try compare(site, cache, "first build")
        try Data("twee".utf8).write(to: image)
        try compare(site, cache, "asset changed")
        #expect(try site.read("img/test.txt") == "twee")
        try FileManager.default.removeItem(at: image)
        try compare(site, cache, "asset removed")
    }
}
