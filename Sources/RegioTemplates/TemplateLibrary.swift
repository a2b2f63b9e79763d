/// A set of Mustache templates compiled once and rendered many times against `TemplateValue`.
///
/// Semantics are those of swift-mustache 2.1.1 (HTML content type), so pages stay byte-identical
/// to what the generator produced with it. Differences from swift-mustache, none of which the
/// project's templates can hit:
/// - problems are collected (all templates, with recovery inside a template) instead of the first
///   one thrown; missing partials/parents and unknown functions are compile errors (swift-mustache
///   renders nothing for them);
/// - a start-delimiter character at the very end of a template is text (swift-mustache: error);
///   `{{` at the very end is an "unfinished tag" error (swift-mustache drops it);
/// - `first(x)` / `last(x)` of an empty list are missing (swift-mustache: a boxed nil printed "nil");
/// - `sorted(list)` works on all-string/all-int/all-double lists (swift-mustache's `[Any]`: never);
///   `enumerated(object)` is in key order (swift-mustache: hash order);
/// - interpolating an object prints its keys sorted (swift-mustache: hash order);
/// - `{{%pragmas}}` and dynamic names `{{>*x}}` are rejected as unsupported;
/// - lambdas return `String` and their output is never parsed as a template (see `TemplateLambda`).
///
/// Where swift-mustache differs from the official spec, the engine follows swift-mustache (the
/// parser is a port, and the site's bytes depend on it); tested in `SpecTests` and `EngineTests`:
/// - a `{{$block}}` override is not re-indented by the indentation of the block tag in the parent
///   (spec cases "Intrinsic indentation", "Nested block reindentation"), while a block's default
///   content is indented by it on top of its own indentation;
/// - in an indented standalone partial, each list item (and each section body) is a new scope:
///   its first line gets no partial indentation;
/// - a set-delimiter tag inside a section ends with the section;
/// - a last line of only whitespace without a newline is dropped;
/// - list-position functions (`index()` …) are not visible inside a partial or a nested object section.
/// Deliberate spec difference: a missing partial is a compile error (spec: renders nothing).
public struct TemplateLibrary: Sendable {
    /// Template names, sorted; a name's position is its index in `templates`.
    public let names: [String]
    private let index: [String: Int]
    private let templates: [Body]
    private let sites: [RenderProblem]

    /// Compiles every template. Names are paths without `.mustache` (`base`, `partials/footer`).
    /// - Throws: every problem of every template, sorted by template, line, column.
    public init(templates sources: [String: String]) throws(TemplateLibraryError) {
        let names = sources.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var bodies: [Body] = []
        var sites: [RenderProblem] = []
        var errors: [TemplateError] = []
        for name in names {
            var parser = TemplateParser(name: name, text: sources[name]!, templateIndex: index, siteBase: sites.count)
            bodies.append(parser.parse())
            sites += parser.sites
            errors += parser.errors
        }
        guard errors.isEmpty else {
            throw TemplateLibraryError(errors: errors.sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) })
        }
        self.names = names
        self.index = index
        self.templates = bodies
        self.sites = sites
    }

    public func contains(_ template: String) -> Bool { index[template] != nil }

    /// Renders `template` with `value` as the root of the context stack; nil if there is no such template.
    public func render(_ value: TemplateValue, template: String) -> RenderResult? {
        guard let i = index[template] else { return nil }
        var renderer = Renderer(templates: templates, root: value)
        renderer.render(templates[i].nodes, Renderer.Scope())
        return RenderResult(bytes: renderer.out, problems: renderer.problemSites.map { sites[$0] })
    }
}
