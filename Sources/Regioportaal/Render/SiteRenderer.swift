import Foundation
import Mustache

/// Stage 6: renders every page of ``Routes`` through its template, on all cores. Reads only
/// the model and the parsed templates, never files.
public struct SiteRenderer: Sendable {
    let contexts: PageContextBuilder
    let templates: TemplateSet
    let model: SiteModel

    let maps: MapArtifacts

    public init(model: SiteModel, now: Day, templates: TemplateSet, assets: AssetManifest, maps: MapArtifacts) {
        self.model = model
        self.maps = maps
        self.templates = templates
        contexts = PageContextBuilder(model: model, now: now, assets: assets, maps: maps)
    }

    /// What rendering produced: the files to write, and for an incremental build the pages
    /// that are unchanged since `previous` (their files are already in the output folder).
    public struct Output: Sendable {
        public var files: [OutputFile]
        public var keptPages: [String]
        var records: [String: RenderMemo.PageRecord]
        var linkTargets: OutputLinkChecker.Targets
    }

    /// Renders every page and machine output, then checks the links of the result. With
    /// `previous`, a page whose input (context and templates) is unchanged is not rendered
    /// again; with `remember`, the inputs are recorded for the next build.
    public func render(assets: AssetManifest, linkSeverity: Diagnostic.Severity, diagnostics: inout Diagnostics) -> [OutputFile] {
        render(assets: assets, linkSeverity: linkSeverity, previous: nil, remember: false, diagnostics: &diagnostics).files
    }

    func render(assets: AssetManifest, linkSeverity: Diagnostic.Severity, previous: RenderMemo.State?, remember: Bool,
                diagnostics: inout Diagnostics) -> Output {
        var timer = StageTimer()
        let pages = Routes.pages(model, now: contexts.now)
        // What every page depends on besides its context: its templates, the asset manifest
        // (the `asset` lambda) and the deployment path.
        var shared = Hasher()
        for asset in assets.assets { shared.combine(asset.path); shared.combine(asset.outputPath) }
        shared.combine(contexts.basePath)
        let sharedKey = shared.finalize()
        let templateKeys = templates.fingerprints.mapValues { $0 ^ sharedKey }

        enum Result {
            case rendered(html: String, key: Int?, spent: UInt64)
            case kept(RenderMemo.PageRecord, spent: UInt64)
            case failed(Diagnostic)
        }
        let results = ConcurrentMap.map(pages) { page -> Result in
            let started = StageTimer.enabled ? DispatchTime.now().uptimeNanoseconds : 0
            let name = contexts.template(for: page)
            let context = contexts.context(for: page)
            let key = remember ? templateKeys[name].flatMap { ContextFingerprint.of(context, templateKey: $0) } : nil
            if let key, let record = previous?.pages[page.outputFile], record.key == key {
                return .kept(record, spent: StageTimer.enabled ? DispatchTime.now().uptimeNanoseconds - started : 0)
            }
            guard let html = templates.library.render(context, withTemplate: name) else {
                return .failed(.error("template \(name).mustache is missing", at: nil))
            }
            return .rendered(html: html, key: key, spent: StageTimer.enabled ? DispatchTime.now().uptimeNanoseconds - started : 0)
        }
        var rendered: [(page: Page, html: String, key: Int?)] = []
        var checked: [OutputLinkChecker.Page] = []
        var keptPages: [String] = []
        var perTemplate: [String: (count: Int, nanoseconds: UInt64)] = [:]
        // The rendered pages' ids and links, found on all cores.
        let scans = ConcurrentMap.map(results) { result -> (ids: Set<String>, links: Set<String>)? in
            guard case .rendered(let html, _, _) = result else { return nil }
            return OutputLinkChecker.scan(html)
        }
        for ((page, result), scan) in zip(zip(pages, results), scans) {
            let name = contexts.template(for: page)
            switch result {
            case .failed(let diagnostic):
                diagnostics.append(diagnostic)
            case .kept(let record, let spent):
                keptPages.append(page.outputFile)
                perTemplate[name, default: (0, 0)].nanoseconds += spent
                checked.append(.init(path: page.outputFile, template: name, ids: record.ids, links: record.links,
                                     previousProblems: record.problems))
            case .rendered(let html, let key, let spent):
                rendered.append((page, html, key))
                checked.append(.init(path: page.outputFile, template: name, ids: scan!.ids, links: scan!.links, previousProblems: nil))
                perTemplate[name, default: (0, 0)].count += 1
                perTemplate[name, default: (0, 0)].nanoseconds += spent
            }
        }
        for (name, total) in perTemplate.sorted(by: { $0.value.nanoseconds > $1.value.nanoseconds }).prefix(8) {
            timer.note("    \(name): \(total.count) pages, \(total.nanoseconds / 1_000_000) ms (CPU, all threads)")
        }
        timer.mark("  render: page contexts and templates (\(rendered.count) rendered, \(keptPages.count) unchanged)")

        let machine = MachineOutputs(model: model, relations: contexts.relations)
        var machineFiles: [OutputFile] = []
        for feed in machine.feeds { machineFiles.append(OutputFile(path: String(feed.path.dropFirst()), text: machine.atom(feed))) }
        machineFiles.append(OutputFile(path: "sitemap.xml", text: machine.sitemap(pages: pages, extraPaths: [])))
        machineFiles.append(OutputFile(path: "robots.txt", text: machine.robots()))
        if !maps.file.isEmpty { machineFiles.append(OutputFile(path: "groeiperspectief/kaart.svg", text: maps.file)) }
        machineFiles.append(OutputFile(path: MachineOutputs.searchIndexPath, text: machine.searchIndex(basePath: contexts.basePath)))
        // Open data (/data/) and the content schemas (/schemas/), from the same published model.
        machineFiles += OpenData(model: model, now: contexts.now).files()
        machineFiles += JSONSchemaWriter(model: model).documents().map { OutputFile(path: "schemas/" + $0.fileName, text: $0.text) }

        timer.mark("  render: feeds, sitemap, search index, open data, schemas")
        let checker = OutputLinkChecker(basePath: contexts.basePath, templates: templates, severity: linkSeverity)
        let otherFiles = Set(machineFiles.map(\.path)).union(assets.assets.map(\.outputPath))
        let linkCheck = checker.check(checked, otherFiles: otherFiles, previousTargets: previous?.linkTargets)
        diagnostics.append(contentsOf: linkCheck.diagnostics)
        timer.mark("  render: output link check")

        var records: [String: RenderMemo.PageRecord] = [:]
        if remember {
            records.reserveCapacity(checked.count)
            var keys: [String: Int] = [:]
            for page in rendered { if let key = page.key { keys[page.page.outputFile] = key } }
            for (page, problems) in zip(checked, linkCheck.problems) {
                // Kept pages keep their key; a rendered page without one (its context could not
                // be hashed) gets no record and is rendered again next time.
                let key = page.previousProblems != nil ? previous?.pages[page.path]?.key : keys[page.path]
                guard let key else { continue }
                records[page.path] = RenderMemo.PageRecord(key: key, ids: page.ids, links: page.links, problems: problems)
            }
        }

        // Pages become files one at a time, in order, each page's text released as its bytes
        // are made: the HTML of a large site is never held twice.
        var files: [OutputFile] = []
        files.reserveCapacity(rendered.count + machineFiles.count)
        rendered.reverse()
        while let page = rendered.popLast() { files.append(OutputFile(path: page.page.outputFile, text: page.html)) }
        files += machineFiles
        return Output(files: files, keptPages: keptPages, records: records, linkTargets: linkCheck.targets)
    }
}
