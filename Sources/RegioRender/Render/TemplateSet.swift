import Foundation
import RegioContent
import RegioSupport
import RegioTemplates

/// The Mustache templates of `Templates/`, parsed once. Every problem is reported with the
/// template's file and line: parse errors, references to partials or parents that do not
/// exist (swift-mustache would silently render those as nothing), and missing page templates.
public struct TemplateSet: Sendable {
    public let library: TemplateLibrary
    public let names: Set<String>
    /// The template files, kept to point messages into them.
    let sources: [String: SourceFile]
    /// Per template, a hash of its text and of every partial and parent it reaches: what a
    /// page rendered with it depends on, apart from its data.
    let fingerprints: [String: Int]

    /// Templates each page kind needs; a missing one is an error before anything renders.
    static let required = ["home", "themas", "thema", "coalities", "coalitie", "gemeenten", "gemeente", "opgaven", "opgave",
                           "updates", "update", "besluiten", "besluit", "partners", "deelname", "groeiperspectief", "pagina", "zoeken", "veranderingen", "open-data", "404"]

    public static func load(_ root: URL, displayBase: URL, diagnostics: inout Diagnostics) -> TemplateSet? {
        var sources: [String: SourceFile] = [:]
        guard FileKind(path: root.path) == .directory else {
            diagnostics.error(.templatesFolderMissing, RelativePath.display(root, from: displayBase), at: nil)
            return nil
        }
        for url in listing(root, displayBase: displayBase, diagnostics: &diagnostics) {
            let relative = RelativePath.display(url, from: root.standardizedFileURL)
            let display = RelativePath.display(url, from: displayBase)
            let start = SourceLocation(file: display, line: 1, column: 1)
            switch FileKind.readRegularFile(url.path, limit: ContentLimits.maxFileBytes) {
            case .success(let data):
                guard let text = TextDecoding.decode(data), TextDecoding.firstNUL(in: data) == nil else {
                    diagnostics.error(.templateNotUTF8, at: start)
                    continue
                }
                sources[String(relative.dropLast(".mustache".count))] = SourceFile(url: url, displayPath: display, text: text)
            case .failure(.tooLarge):
                diagnostics.error(.templateTooLarge, ContentLimits.maxFileBytes, at: start)
            case .failure(.kind(let kind)):
                diagnostics.error(.templateNotAFile, kind.refusal, at: start)
            case .failure(.failed(let reason)):
                diagnostics.error(.cannotReadTemplate, reason, at: start)
            }
        }
        var failed = false
        var library: TemplateLibrary?
        do {
            library = try TemplateLibrary(templates: sources.mapValues(\.text))
        } catch {
            failed = true
            for problem in error.errors {
                let at = sources[problem.template].map { $0.location(line: problem.line, column: problem.column) }
                switch problem.kind {
                case .syntax:
                    diagnostics.error(.templateSyntax, Self.describe(problem), at: at)
                case .missingPartial, .missingParent:
                    let what = problem.kind == .missingParent ? Phrase.parentTemplate() : Phrase.partial()
                    diagnostics.error(.missingPartial, what, problem.name ?? "", at: at,
                                      hint: problem.name.flatMap { Suggest.didYouMean($0, in: sources.keys) })
                case .unknownFunction:
                    diagnostics.error(.unknownFunction, problem.name ?? "", at: at)
                case .partialCycle:
                    diagnostics.error(.templateIncludesItself, problem.name ?? problem.message, at: at)
                }
            }
        }
        for name in required where sources[name] == nil {
            failed = true
            diagnostics.error(.templateMissing, name, at: SourceLocation(file: RelativePath.display(root, from: displayBase), line: 1, column: 1))
        }
        guard !failed, let library else { return nil }
        return TemplateSet(library: library, names: Set(library.names), sources: sources, fingerprints: fingerprints(of: library, sources: sources))
    }

    /// The `.mustache` files below `root`, sorted. Symbolic links are refused, not followed: a
    /// link to a file outside the project would publish that file's text on every page.
    /// Named pipes and other special files are refused before anything opens them.
    private static func listing(_ root: URL, displayBase: URL, diagnostics: inout Diagnostics) -> [URL] {
        var found: [URL] = []
        var folders = [root]
        while let folder = folders.popLast() {
            let listing = (try? DirectoryListing.read(folder.path)) ?? (names: [], invalid: [])
            for bytes in listing.invalid {
                diagnostics.append(DirectoryListing.refusal(bytes, in: RelativePath.display(folder, from: displayBase)))
            }
            for name in listing.names where !IgnoredNames.contains(name) {
                let url = folder.appendingPathComponent(name)
                let kind = FileKind(path: url.path)
                switch kind {
                case .directory:
                    folders.append(url)
                case .regular:
                    if name.hasSuffix(".mustache") { found.append(url) }
                case .symbolicLink, .special:
                    diagnostics.error(.templateNotAFile, kind.refusal, at: SourceLocation(file: RelativePath.display(url, from: displayBase), line: 1, column: 1))
                case .missing:
                    break
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Per template, a hash of its text and of every template the engine says it can include.
    private static func fingerprints(of library: TemplateLibrary, sources: [String: SourceFile]) -> [String: Int] {
        var result: [String: Int] = [:]
        for name in library.names {
            var hasher = Hasher()
            for used in library.templates(reachedFrom: name) {
                hasher.combine(used)
                hasher.combine(sources[used]?.text)
            }
            result[name] = hasher.finalize()
        }
        return result
    }

    /// Renders a page template; names in interpolations that resolved nowhere come back as
    /// problems (``diagnostic(for:)``). nil when there is no such template.
    package func render(_ context: TemplateValue, template: String) -> RenderResult? {
        library.render(context, template: template)
    }

    /// An interpolation that found nothing to write, as an error at its tag: swift-mustache
    /// wrote nothing without a word, so a typo such as `{{titl}}` went unnoticed.
    /// The engine's English words for a syntax error, in plain Dutch where the catalogue knows
    /// them (the template's own tags stay as written).
    static func describe(_ problem: TemplateError) -> Text {
        let known: [Phrase] = [.tplWrongClose, .tplNotFinished, .tplNeverOpened, .tplDynamicPartial, .tplDynamicParent,
                               .tplFunctionOnBlock, .tplPragma, .tplOnlyBlocks, .tplNotClosed, .tplComment, .tplDelimiter]
        let message = problem.message
        for phrase in known {
            let words = phrase()
            if let range = message.range(of: words.en) {
                let dutch = message.replacingCharacters(in: range, with: words.nl)
                    .replacingOccurrences(of: "}} closes {{", with: "}} sluit {{")
                    .replacingOccurrences(of: "}} has no {{", with: "}} heeft geen {{")
                return Text(verbatim: dutch).withEnglish(message)
            }
        }
        return Text(verbatim: message)
    }

    func diagnostic(for problem: RenderProblem) -> Diagnostic {
        if problem.kind == .tooDeep {
            return .error(.templatesTooDeep, TemplateLibrary.maxDepth, problem.template, at: sources[problem.template]?.location(line: 1, column: 1))
        }
        return .error(.nameNotInData, problem.name, at: sources[problem.template]?.location(line: problem.line, column: problem.column))
    }
}
