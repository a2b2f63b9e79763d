import Foundation
import Mustache

/// Stage 6: renders every page of ``Routes`` through its template, on all cores. Reads only
/// the model and the parsed templates, never files.
public struct SiteRenderer: Sendable {
    let contexts: PageContextBuilder
    let templates: TemplateSet
    let model: SiteModel

    public init(model: SiteModel, now: Day, templates: TemplateSet, assets: AssetManifest, maps: MapArtifacts) {
        self.model = model
        self.templates = templates
        contexts = PageContextBuilder(model: model, now: now, assets: assets, maps: maps)
    }

    public func renderPages(diagnostics: inout Diagnostics) -> [OutputFile] {
        let pages = Routes.pages(model)
        let results = ConcurrentMap.map(pages) { page -> (OutputFile?, Diagnostic?) in
            let name = contexts.template(for: page)
            guard let html = templates.library.render(contexts.context(for: page), withTemplate: name) else {
                return (nil, .error("template \(name).mustache is missing", at: nil))
            }
            return (OutputFile(path: page.outputFile, text: html), nil)
        }
        for case let (_, diagnostic?) in results { diagnostics.append(diagnostic) }
        return results.compactMap(\.0)
    }
}
