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

    /// Renders every page and machine output, then checks the links of the result.
    public func render(assets: AssetManifest, linkSeverity: Diagnostic.Severity, diagnostics: inout Diagnostics) -> [OutputFile] {
        var timer = StageTimer()
        let pages = Routes.pages(model, now: contexts.now)
        var rendered: [OutputLinkChecker.Page] = []
        do {
            let results = ConcurrentMap.map(pages) { page -> (OutputLinkChecker.Page?, Diagnostic?) in
                let name = contexts.template(for: page)
                guard let html = templates.library.render(contexts.context(for: page), withTemplate: name) else {
                    return (nil, .error("template \(name).mustache is missing", at: nil))
                }
                return (OutputLinkChecker.Page(path: page.outputFile, template: name, html: html), nil)
            }
            for case let (_, diagnostic?) in results { diagnostics.append(diagnostic) }
            rendered = results.compactMap(\.0)
        }
        timer.mark("  render: page contexts and templates (\(rendered.count) pages)")

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
        diagnostics.append(contentsOf: checker.check(rendered, otherFiles: otherFiles))
        timer.mark("  render: output link check")

        // Pages become files one at a time, in order, each page's text released as its bytes
        // are made: the HTML of a large site is never held twice.
        var files: [OutputFile] = []
        files.reserveCapacity(rendered.count + machineFiles.count)
        rendered.reverse()
        while let page = rendered.popLast() { files.append(OutputFile(path: page.path, text: page.html)) }
        files += machineFiles
        return files
    }
}
