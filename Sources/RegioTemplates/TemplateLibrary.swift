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
    /// Per template, the templates its partial and parent tags resolved to, as the parser read
    /// them (after any change of delimiters): what a render of it can include.
    private let includes: [[Int]]

    /// Deepest nesting of partials and blocks a render enters; deeper ones render nothing and
    /// are reported (``RenderProblem/Kind/tooDeep``), so recursion can never exhaust the stack.
    public static let maxDepth = 100

    /// Compiles every template. Names are paths without `.mustache` (`base`, `partials/footer`).
    /// A partial or parent that includes itself, directly or through others, is an error unless
    /// `allowsRecursion` (the Mustache spec allows recursion that data ends; a site's templates
    /// never need it, and there it would only ever recurse until ``maxDepth``).
    /// - Throws: every problem of every template, sorted by template, line, column.
    public init(templates sources: [String: String], allowsRecursion: Bool = false) throws(TemplateLibraryError) {
        let names = sources.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var bodies: [Body] = []
        var sites: [RenderProblem] = []
        var errors: [TemplateError] = []
        var references: [[(target: Int, line: Int, column: Int)]] = []
        for name in names {
            var parser = TemplateParser(name: name, text: sources[name]!, templateIndex: index, siteBase: sites.count)
            bodies.append(parser.parse())
            sites += parser.sites
            errors += parser.errors
            references.append(parser.references)
        }
        if !allowsRecursion { errors += Self.cycles(references, names: names) }
        guard errors.isEmpty else {
            throw TemplateLibraryError(errors: errors.sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) })
        }
        self.names = names
        self.index = index
        self.templates = bodies
        self.sites = sites
        self.includes = references.map { Array(Set($0.map(\.target))).sorted() }
    }

    /// `template` and every template a render of it can include, directly or through others:
    /// the partials and parents the parser resolved, so a caller that caches rendered output
    /// learns its dependencies from the engine rather than from its own scan of the text.
    /// Sorted; empty if there is no such template.
    public func templates(reachedFrom template: String) -> [String] {
        guard let start = index[template] else { return [] }
        var reached: Set<Int> = [start]
        var stack = [start]
        while let next = stack.popLast() {
            for target in includes[next] where reached.insert(target).inserted { stack.append(target) }
        }
        return reached.map { names[$0] }.sorted()
    }

    /// Every partial or parent tag that lies on a cycle, with the cycle it closes. A tag from
    /// `a` to `b` is on one when `a` can be reached from `b`; the path found is the shortest.
    static func cycles(_ references: [[(target: Int, line: Int, column: Int)]], names: [String]) -> [TemplateError] {
        var errors: [TemplateError] = []
        for (from, tags) in references.enumerated() {
            var reported = Set<Int>()
            for tag in tags where reported.insert(tag.target).inserted {
                // Breadth-first from the target back to `from`, remembering how each was reached.
                var cameFrom: [Int: Int] = [:]
                var seen: Set<Int> = [tag.target]
                var queue = [tag.target], head = 0
                var found = tag.target == from
                while !found, head < queue.count {
                    let next = queue[head]
                    head += 1
                    for edge in references[next] where seen.insert(edge.target).inserted {
                        cameFrom[edge.target] = next
                        queue.append(edge.target)
                        if edge.target == from { found = true; break }
                    }
                }
                guard found else { continue }
                var path = [from]
                var step = from
                while step != tag.target { step = cameFrom[step]!; path.append(step) }
                let cycle = ([from] + path.reversed()).map { names[$0] }.joined(separator: " → ")
                errors.append(TemplateError(template: names[from], line: tag.line, column: tag.column, kind: .partialCycle,
                                            message: "\"\(names[tag.target])\" includes \"\(names[from])\" again: \(cycle)", name: cycle))
            }
        }
        return errors
    }

    public func contains(_ template: String) -> Bool { index[template] != nil }

    /// Renders `template` with `value` as the root of the context stack; nil if there is no such template.
    public func render(_ value: TemplateValue, template: String) -> RenderResult? {
        guard let i = index[template] else { return nil }
        var renderer = Renderer(templates: templates, names: names, root: value)
        renderer.render(templates[i].nodes, Renderer.Scope())
        var problems = renderer.problemSites.map { sites[$0] }
        if let deepest = renderer.tooDeep {
            var problem = RenderProblem(template: deepest ?? template, line: 1, column: 1, name: deepest ?? template)
            problem.kind = .tooDeep
            problems.append(problem)
        }
        return RenderResult(bytes: renderer.out, problems: problems)
    }
}
