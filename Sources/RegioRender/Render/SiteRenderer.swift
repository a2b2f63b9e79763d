import Foundation
import RegioContent
import RegioSupport
import RegioTemplates

/// Stage 6: renders every page of ``Routes`` through its template, on all cores. Reads only
/// the model and the parsed templates, never files.
public struct SiteRenderer: Sendable {
    package let contexts: PageContextBuilder
    package let templates: TemplateSet
    let model: SiteModel

    let maps: MapArtifacts

    public init(model: SiteModel, now: Day, templates: TemplateSet, assets: AssetManifest, maps: MapArtifacts,
                relations: Relations? = nil, timeline: Timeline? = nil) {
        self.model = model
        self.maps = maps
        self.templates = templates
        contexts = PageContextBuilder(model: model, now: now, assets: assets, maps: maps, relations: relations, timeline: timeline)
    }

    /// What rendering produced: the files still to write (all pages, unless they went to a
    /// `sink`), and for an incremental build the pages that are unchanged since `previous`
    /// (their files are already in the output folder).
    package struct Output: Sendable {
        package var files: [OutputFile]
        package var keptPages: [String]
        /// Pages handed to the sink, with a hash of their bytes when `remember` was set.
        package var streamed: [(path: String, hash: Int?)]
        package var records: [String: RenderMemo.PageRecord]
        package var linkTargets: OutputLinkChecker.Targets
        /// With `remember`: the records of the search index, for rebuilds that replace a few.
        package var searchEntries: [MachineOutputs.SearchEntry]?
        /// With `explain`: the pages rendered again, by template and reason.
        package var reasons: [String: [String]] = [:]
    }

    /// Why a page was rendered again, for `explain`: it is new, its templates (or the assets
    /// and the base path every page uses) changed, or its input did.
    static func reason(template: String, record: RenderMemo.PageRecord?, templateKey: Int?, keyedBySource: Bool) -> String {
        guard let record else { return "\(template): new page" }
        if record.templateKey != templateKey { return "\(template): the template or a template it includes changed, or the assets" }
        return keyedBySource ? "\(template): its input key changed (a file it is keyed on)" : "\(template): its data changed"
    }

    /// What every page depends on besides its context, per template: the template and its
    /// partials, the asset manifest (the `asset` lambda) and the deployment path.
    package func templateKeys(assets: AssetManifest) -> [String: Int] {
        var shared = Hasher()
        for asset in assets.assets { shared.combine(asset.path); shared.combine(asset.outputPath) }
        shared.combine(contexts.basePath)
        let sharedKey = shared.finalize()
        return templates.fingerprints.mapValues { $0 ^ sharedKey }
    }

    /// A page's key from the files it is made from, for the kinds that have one; found before
    /// its context is built.
    package func sourceKey(for page: Page, sources: SourceKeys, templateKeys: [String: Int]) -> Int? {
        contexts.inputKey(for: page, sources: sources).flatMap { input in templateKeys[contexts.template(for: page)].map { $0 ^ input } }
    }

    /// A page's key from its context, for every other page; nil when its template is unknown.
    package func contextKey(for page: Page, context: TemplateValue, templateKeys: [String: Int]) -> Int? {
        templateKeys[contexts.template(for: page)].map { ContextFingerprint.of(context, templateKey: $0) }
    }

    /// The pages that list many events or pages (tens of milliseconds each, a thousand times
    /// an update page): rendered first, so that no core is left with one of them at the end.
    static func isLarge(_ page: Page) -> Bool {
        switch page {
        case .veranderingenGemeente, .veranderingenThema, .veranderingenGemeenteJaar, .veranderingenThemaJaar, .zoeken, .home, .gemeente, .thema: return true
        default: return false
        }
    }

    /// Renders every page and machine output, then checks the links of the result.
    /// With `previous`, a page whose input (context and templates) is unchanged is not
    /// rendered again; with `remember`, the inputs are recorded for the next build. With a
    /// `sink`, each page is handed over as soon as it is rendered and not kept: the HTML of a
    /// large site is never in memory at once, and writing overlaps rendering. The sink keeps
    /// its own write errors; the caller discards what it wrote when the build fails.
    /// Without `machineOutputs` (a rebuild that patches them itself, with the same files as
    /// `previous`), only pages are rendered and links are checked against `previous`'s files.
    /// With `explain`, the output says why each page was rendered again (``Output/reasons``).
    package func render(assets: AssetManifest, linkSeverity: Diagnostic.Severity, previous: RenderMemo.State?, remember: Bool,
                sources: SourceKeys? = nil, searchCache: EntryCache? = nil, openDataCache: EntryCache? = nil, sink: (@Sendable (OutputFile) -> Void)?,
                machineOutputs: Bool = true, explain: Bool = false, diagnostics: inout Diagnostics) -> Output {
        var timer = StageTimer()
        let pages = Routes.pages(model, now: contexts.now, timeline: contexts.timeline)
        let templateKeys = templateKeys(assets: assets)

        // The feeds, sitemap, search index, open data and schemas do not depend on the pages:
        // they are made in the background while the pages render, and collected after.
        let machine = MachineOutputs(model: model, relations: contexts.relations)
        let searchEntries = Slot<[MachineOutputs.SearchEntry]>()
        let (model, maps, basePath, now) = (self.model, self.maps, contexts.basePath, contexts.now)
        let jobs: [(name: String, make: @Sendable () -> [OutputFile])] = [
            ("feeds", { machine.feeds.map { OutputFile(path: String($0.path.dropFirst()), text: machine.atom($0)) } }),
            ("sitemap", { [OutputFile(path: "sitemap.xml", text: machine.sitemap(pages: pages, extraPaths: [])),
                           OutputFile(path: "robots.txt", text: machine.robots()),
                           OutputFile(path: MachineOutputs.printAddressesPath, text: machine.printAddresses())] }),
            ("map", { maps.file.isEmpty ? [] : [OutputFile(path: "groeiperspectief/kaart.svg", text: maps.file)] }),
            ("agenda", { AgendaCalendar(model: model, agenda: Agenda(model: model)).files() }),
            ("search index", {
                let entries = machine.searchEntries(basePath: basePath, sources: sources, cache: searchCache)
                if remember { searchEntries.value = entries }
                return MachineOutputs.searchIndexFiles(entries)
            }),
            // Open data (/data/) and the content schemas (/schemas/), from the same published model.
            ("open data", { OpenData(model: model, now: now).files(sources: sources, cache: openDataCache) }),
            ("schemas", { JSONSchemaWriter(model: model).documents().map { OutputFile(path: "schemas/" + $0.fileName, text: $0.text) } }),
        ]
        let machineJobs = BackgroundJobs(machineOutputs ? jobs : [])

        enum Result {
            /// `html` is nil when the page went to the sink.
            case rendered(html: Data?, scan: (ids: Set<String>, links: Set<String>), key: Int?, hash: Int?, spent: UInt64, reason: String?)
            case kept(RenderMemo.PageRecord, spent: UInt64)
            case failed([Diagnostic])
        }
        let results = ConcurrentMap.map(pages, granularity: 1, first: Self.isLarge) { page -> Result in
            let started = StageTimer.enabled ? DispatchTime.now().uptimeNanoseconds : 0
            func spent() -> UInt64 { StageTimer.enabled ? DispatchTime.now().uptimeNanoseconds - started : 0 }
            let name = contexts.template(for: page)
            // Pages whose inputs are known are compared by those, before any context is built.
            var key = sources.flatMap { sourceKey(for: page, sources: $0, templateKeys: templateKeys) }
            let keyedBySource = key != nil
            if let key, let record = previous?.pages[page.outputFile], record.key == key { return .kept(record, spent: spent()) }
            let context = contexts.context(for: page)
            if remember && key == nil {
                // Every other page is compared by its context.
                key = contextKey(for: page, context: context, templateKeys: templateKeys)
                if let key, let record = previous?.pages[page.outputFile], record.key == key { return .kept(record, spent: spent()) }
            }
            guard let result = templates.render(context, template: name) else {
                return .failed([.error(.templateMissing, name, at: nil)])
            }
            guard result.problems.isEmpty else { return .failed(result.problems.map(templates.diagnostic)) }
            // Bytes from the engine to the file: no String in between.
            let scan = OutputLinkChecker.scan(result.bytes)
            let html = Data(result.bytes)
            let reason = explain && previous != nil
                ? Self.reason(template: name, record: previous?.pages[page.outputFile], templateKey: templateKeys[name], keyedBySource: keyedBySource) : nil
            guard let sink else { return .rendered(html: html, scan: scan, key: key, hash: nil, spent: spent(), reason: reason) }
            let file = OutputFile(path: page.outputFile, contents: html)
            sink(file)
            return .rendered(html: nil, scan: scan, key: key, hash: remember ? RenderMemo.hash(file.contents) : nil, spent: spent(), reason: reason)
        }
        var rendered: [(page: Page, html: Data)] = []
        var streamed: [(path: String, hash: Int?)] = []
        var keys: [String: Int] = [:]
        var checked: [OutputLinkChecker.Page] = []
        var keptPages: [String] = []
        var perTemplate: [String: (count: Int, nanoseconds: UInt64)] = [:]
        var reported = Set<Diagnostic>()
        var reasons: [String: [String]] = [:]
        for (page, result) in zip(pages, results) {
            let name = contexts.template(for: page)
            switch result {
            case .failed(let found):
                // A tag in a shared template fails on every page that uses it: reported once.
                for diagnostic in found where reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
            case .kept(let record, let spent):
                keptPages.append(page.outputFile)
                perTemplate[name, default: (0, 0)].nanoseconds += spent
                checked.append(.init(path: page.outputFile, template: name, ids: record.ids, links: record.links,
                                     previousProblems: record.problems))
            case .rendered(let html, let scan, let key, let hash, let spent, let reason):
                if let reason { reasons[reason, default: []].append(page.path) }
                if let html { rendered.append((page, html)) } else { streamed.append((page.outputFile, hash)) }
                if let key { keys[page.outputFile] = key }
                checked.append(.init(path: page.outputFile, template: name, ids: scan.ids, links: scan.links, previousProblems: nil))
                perTemplate[name, default: (0, 0)].count += 1
                perTemplate[name, default: (0, 0)].nanoseconds += spent
            }
        }
        for (name, total) in perTemplate.sorted(by: { $0.value.nanoseconds > $1.value.nanoseconds }).prefix(8) {
            timer.note("    \(name): \(total.count) pages, \(total.nanoseconds / 1_000_000) ms (CPU, all threads)")
        }
        timer.mark("  render: page contexts and templates (\(rendered.count + streamed.count) rendered, \(keptPages.count) unchanged)")

        let made = machineJobs.wait()
        for job in made { timer.note("    \(job.name): \(job.nanoseconds / 1_000_000) ms (made while pages rendered)") }
        let machineFiles = made.flatMap(\.value)
        timer.mark("  render: feeds, sitemap, search index, open data, schemas (rest)")
        let checker = OutputLinkChecker(basePath: contexts.basePath, templates: templates, severity: linkSeverity)
        let otherFiles = machineOutputs ? Set(machineFiles.map(\.path)).union(assets.assets.map(\.outputPath))
            : previous?.linkTargets.files ?? []
        let linkCheck = checker.check(checked, otherFiles: otherFiles, previousTargets: previous?.linkTargets)
        diagnostics.append(contentsOf: linkCheck.diagnostics)
        timer.mark("  render: output link check")

        var records: [String: RenderMemo.PageRecord] = [:]
        if remember {
            records.reserveCapacity(checked.count)
            for (page, problems) in zip(checked, linkCheck.problems) {
                // Kept pages keep their key; a rendered page without one (its context could not
                // be hashed) gets no record and is rendered again next time.
                let key = page.previousProblems != nil ? previous?.pages[page.path]?.key : keys[page.path]
                guard let key else { continue }
                records[page.path] = RenderMemo.PageRecord(key: key, templateKey: templateKeys[page.template] ?? 0, ids: page.ids, links: page.links, problems: problems)
            }
        }

        let files = rendered.map { OutputFile(path: $0.page.outputFile, contents: $0.html) } + machineFiles
        return Output(files: files, keptPages: keptPages, streamed: streamed, records: records, linkTargets: linkCheck.targets,
                      searchEntries: searchEntries.value, reasons: reasons)
    }
}
