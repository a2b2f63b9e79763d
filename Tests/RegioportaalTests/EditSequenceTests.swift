import Foundation
@testable import RegioContent
@testable import RegioRender
@testable import RegioSupport
import RegioTemplates
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// The guarantee of the preview, whatever its incremental design: after every edit of a random
/// sequence (bodies, front matter of every kind, renames, deletions, additions, templates,
/// partials, `Public/`, `site.yml`, and now and then a broken file), the preview's output folder
/// equals a clean build of the same content byte for byte; a broken file leaves it untouched.
///
/// The default size runs in CI. A long run:
/// `REGIOPORTAAL_EDIT_SEQUENCE_STEPS=2000 REGIOPORTAAL_EDIT_SEQUENCE_SEED=7 swift test --filter EditSequenceTests`
@Suite struct EditSequenceTests {
    static let environment = ProcessInfo.processInfo.environment
    static let steps = environment["REGIOPORTAAL_EDIT_SEQUENCE_STEPS"].flatMap(Int.init) ?? 30
    static let seed = environment["REGIOPORTAAL_EDIT_SEQUENCE_SEED"].flatMap(UInt64.init) ?? 20_261_207

    @Test func thePreviewEqualsACleanBuildAfterEveryEditOfARandomSequence() throws {
        try run(seed: Self.seed, steps: Self.steps)
    }

    /// One random sequence; every failure names the seed, the step and the edit.
    func run(seed: UInt64, steps: Int) throws {
        var generated = GeneratedSite(seed: seed)
        var content = generated.files
        let site = try TestSite(content, removing: Array(TestSite.base.keys))
        defer { site.cleanUp() }
        let cache = BuildCache()
        var random = SeededRandom(seed: seed ^ 0x5EED)
        var lastInputs = try #require(PageInputs(site), "seed \(seed): the generated site does not check")
        try build(site, cache, changed: nil)
        try compare(site, "seed \(seed), first build")

        for step in 1...steps {
            var changed: [String] = []
            let what: String
            switch Int.random(in: 0..<20, using: &random) {
            case 0:
                what = try editTemplate(site, partial: false, step: step, random: &random, changed: &changed)
            case 1:
                what = try editTemplate(site, partial: true, step: step, random: &random, changed: &changed)
            case 2:
                what = try editPublic(site, step: step, random: &random, changed: &changed)
            case 3:
                // A broken file: the preview reports it and keeps the last good site; then it is fixed.
                let broken = generated.breakage(of: content)
                let before = try site.snapshot()
                try site.write(broken.text, to: broken.path)
                let context = "seed \(seed), step \(step), \(broken.what) in \(broken.path)"
                #expect(throws: BuildFailure.self, "\(context): the build should fail") {
                    try site.build {
                        $0.cache = cache
                        $0.changedPaths = [site.root.appendingPathComponent(broken.path).path]
                    }
                }
                #expect(try site.snapshot() == before, "\(context): a failed build changed the output")
                try site.write(content[broken.path]!, to: broken.path)
                changed = [broken.path]
                what = "fix \(broken.what) in \(broken.path)"
            default:
                what = generated.edit()
                let next = generated.files
                for (path, text) in next where content[path] != text {
                    try site.write(text, to: path)
                    changed.append(path)
                }
                for path in content.keys where next[path] == nil {
                    try site.remove(path)
                    changed.append(path)
                }
                content = next
            }
            let context = "seed \(seed), step \(step), \(what)"
            // Now and then the watcher says nothing of what changed (the whole tree is compared).
            try build(site, cache, changed: Int.random(in: 0..<10, using: &random) == 0 ? nil : changed, context: context)
            try compare(site, context)
            let inputs = try #require(PageInputs(site), "\(context): the content no longer checks")
            inputs.expectEqualKeysMeanEqualData(since: lastInputs, context)
            lastInputs = inputs
        }
    }

    /// The preview's build: with the cache and what the watcher saw.
    func build(_ site: TestSite, _ cache: BuildCache, changed: [String]?, context: String = "") throws {
        do {
            try site.build {
                $0.cache = cache
                $0.changedPaths = changed.map { $0.map { site.root.appendingPathComponent($0).path } }
            }
        } catch let failure as BuildFailure {
            Issue.record("\(context): the preview's build failed: \(failure.diagnostics.filter { $0.severity == .error }.map(\.message).prefix(3))")
            throw failure
        }
    }

    /// The preview's folder against a clean build of the same content: the same files, the same bytes.
    func compare(_ site: TestSite, _ context: String) throws {
        let clean = site.root.appendingPathComponent("_clean")
        try site.build { $0.output = clean }
        let preview = try site.snapshot()
        let reference = try TestSite.snapshot(of: clean)
        let missing = reference.keys.filter { preview[$0] == nil }.sorted()
        let extra = preview.keys.filter { reference[$0] == nil }.sorted()
        #expect(missing.isEmpty && extra.isEmpty, "\(context): files missing from the preview \(missing.prefix(5)), extra \(extra.prefix(5))")
        if let first = reference.keys.sorted().first(where: { preview[$0] != nil && preview[$0] != reference[$0] }) {
            Issue.record("\(context): the first differing file is \(first)")
        }
    }

    /// A visible change inside the main block of a page template, or at the top of a partial.
    func editTemplate(_ site: TestSite, partial: Bool, step: Int, random: inout SeededRandom, changed: inout [String]) throws -> String {
        let folder = partial ? "Templates/partials" : "Templates"
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".mustache") && $0 != "head.mustache" && $0 != "base.mustache" }.sorted()
        let path = folder + "/" + names[Int.random(in: 0..<names.count, using: &random)]
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        let edited = partial ? "<!-- wijziging \(step) -->" + text
            : (text.contains("{{$main}}\n") ? try text.edited("{{$main}}\n", "{{$main}}\n<p>Wijziging \(step)</p>\n") : text + "<!-- wijziging \(step) -->\n")
        try site.write(edited, to: path)
        changed.append(path)
        return "template \(path)"
    }

    /// A changed style sheet (its hashed name changes on every page) or a plain file added or changed.
    func editPublic(_ site: TestSite, step: Int, random: inout SeededRandom, changed: inout [String]) throws -> String {
        let path = Bool.random(using: &random) ? "Public/css/site.css" : "Public/img/bestand-\(step % 3).txt"
        let url = site.root.appendingPathComponent(path)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try site.write(text + "/* wijziging \(step) */\n", to: path)
        changed.append(path)
        return "public file \(path)"
    }
}

/// Every page's hand-declared input key (``PageContextBuilder/inputKey(for:sources:)``) and its
/// template data, as a clean build makes them. The render memo skips a page whose key is equal
/// to the last build's without building its data; so equal keys must mean equal data, or the
/// preview keeps a stale page. This compares them directly, which catches a key that misses
/// an input even when no edit of the sequence happened to show the stale page.
struct PageInputs {
    var pages: [String: (key: Int, context: TemplateValue)] = [:]

    init?(_ site: TestSite) {
        var diagnostics = Diagnostics()
        guard let checked = Pipeline.check(site.options, diagnostics: &diagnostics), !diagnostics.hasErrors else { return nil }
        let (model, now) = (checked.published, site.now)
        let sources = SourceKeys(model: model, now: now)
        let maps = MapArtifacts.make(model: model, relations: checked.relations, on: now, basePath: SitePaths.basePath(of: model.settings.baseURL),
                                     mapYears: Routes.mapYears(model, now: now, snapshotYears: checked.timeline.snapshotYears(now: now)),
                                     sources: nil, cache: nil)
        let contexts = PageContextBuilder(model: model, now: now, assets: checked.assets, maps: maps, relations: checked.relations,
                                          timeline: checked.timeline)
        for page in Routes.pages(model, now: now, timeline: checked.timeline) {
            guard let key = contexts.inputKey(for: page, sources: sources) else { continue }
            pages[page.outputFile] = (key, contexts.context(for: page))
        }
    }

    func expectEqualKeysMeanEqualData(since previous: PageInputs, _ context: String) {
        for (path, now) in pages.sorted(by: { $0.key < $1.key }) {
            guard let before = previous.pages[path], before.key == now.key else { continue }
            guard before.context != now.context else { continue }
            var differing = "its data"
            if case .object(let a) = before.context, case .object(let b) = now.context {
                differing = "the fields " + Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted().joined(separator: ", ")
            }
            Issue.record("\(context): \(path) has the same input key as before but \(differing) changed (a stale hand-declared key)")
        }
    }
}
