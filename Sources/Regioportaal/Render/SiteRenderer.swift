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
        let pages = Routes.pages(model, now: contexts.now)
        let results = ConcurrentMap.map(pages) { page -> (OutputLinkChecker.Page?, Diagnostic?) in
            let name = contexts.template(for: page)
            guard let html = templates.library.render(contexts.context(for: page), withTemplate: name) else {
                return (nil, .error("template \(name).mustache is missing", at: nil))
            }
            return (OutputLinkChecker.Page(path: page.outputFile, template: name, html: html), nil)
        }
        for case let (_, diagnostic?) in results { diagnostics.append(diagnostic) }
        let rendered = results.compactMap(\.0)

        let machine = MachineOutputs(model: model, relations: contexts.relations)
        var files = rendered.map { OutputFile(path: $0.path, text: $0.html) }
        for feed in machine.feeds { files.append(OutputFile(path: String(feed.path.dropFirst()), text: machine.atom(feed))) }
        files.append(OutputFile(path: "sitemap.xml", text: machine.sitemap(pages: pages, extraPaths: [])))
        files.append(OutputFile(path: "robots.txt", text: machine.robots()))
        if !maps.file.isEmpty { files.append(OutputFile(path: "groeiperspectief/kaart.svg", text: maps.file)) }
        files.append(OutputFile(path: MachineOutputs.searchIndexPath, text: machine.searchIndex(basePath: contexts.basePath)))
        // Open data (/data/) and the content schemas (/schemas/), from the same published model.
        files += OpenData(model: model, now: contexts.now).files()
        files += JSONSchemaWriter(model: model).documents().map { OutputFile(path: "schemas/" + $0.fileName, text: $0.text) }

        let checker = OutputLinkChecker(basePath: contexts.basePath, templates: templates, severity: linkSeverity)
        let otherFiles = Set(files.map(\.path)).union(assets.assets.map(\.outputPath))
        diagnostics.append(contentsOf: checker.check(rendered, otherFiles: otherFiles))
        return files
    }
}
