import Foundation
import Mustache

/// The Mustache templates of `Templates/`, parsed once. Every problem is reported with the
/// template's file and line: parse errors, references to partials or parents that do not
/// exist (swift-mustache would silently render those as nothing), and missing page templates.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
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
            diagnostics.error("templates folder \(RelativePath.display(root, from: displayBase)) does not exist", at: nil,
                              hint: "run the command in the project folder, or pass --templates DIR")
            return nil
        }
        for url in listing(root, displayBase: displayBase, diagnostics: &diagnostics) {
            let relative = RelativePath.display(url, from: root.standardizedFileURL)
            let display = RelativePath.display(url, from: displayBase)
            let start = SourceLocation(file: display, line: 1, column: 1)
            switch FileKind.readRegularFile(url.path, limit: ContentLimits.maxFileBytes) {
            case .success(let data):
                guard let text = TextDecoding.decode(data), !data.contains(0) else {
                    diagnostics.error("template is not readable UTF-8 text", at: start, hint: "save the file as UTF-8 in your editor")
                    continue
                }
                sources[String(relative.dropLast(".mustache".count))] = SourceFile(url: url, displayPath: display, text: text)
            case .failure(.tooLarge):
                diagnostics.error("template is too large (more than \(ContentLimits.maxFileBytes) bytes)", at: start)
            case .failure(.kind(let kind)):
                diagnostics.error("this is \(kind.refusal)", at: start, hint: "templates are plain .mustache files; replace it by the file itself")
            case .failure(.failed(let reason)):
                diagnostics.error("cannot read template: \(reason)", at: start)
            }
        }
        var templates: [String: MustacheTemplate] = [:]
        var failed = false
        _ = FastHTMLContentType.registered
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                templates[name] = try MustacheTemplate(string: FastHTMLContentType.pragma + source.text)
            } catch let error as MustacheTemplate.ParserError {
                failed = true
                diagnostics.error("template syntax error: \(describe(error.error))",
                                  at: source.location(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                                  hint: "check that every {{#section}} has a matching {{/section}} and tags are closed with }}")
            } catch {
                failed = true
                diagnostics.error("template could not be read: \(error)", at: source.location(line: 1, column: 1))
            }
        }
        for name in sources.keys.sorted() {
            let source = sources[name]!
            for (line, column, kind, target) in references(in: source.text) where sources[target] == nil {
                failed = true
                diagnostics.error("\(kind) \"\(target)\" does not exist", at: source.location(line: line, column: column),
                                  hint: Suggest.didYouMean(target, in: sources.keys) ?? "templates are named by their path in Templates/ without .mustache")
            }
        }
        for name in required where sources[name] == nil {
            failed = true
            diagnostics.error("template \(name).mustache is missing", at: SourceLocation(file: RelativePath.display(root, from: displayBase), line: 1, column: 1),
                              hint: "every page kind needs its template; restore it from the repository")
        }
        guard !failed else { return nil }
        return TemplateSet(library: MustacheLibrary(templates: templates), names: Set(templates.keys), sources: sources,
                           fingerprints: fingerprints(of: sources))
    }

    /// The `.mustache` files below `root`, sorted. Symbolic links are refused, not followed: a
    /// link to a file outside the project would publish that file's text on every page.
    /// Named pipes and other special files are refused before anything opens them.
    private static func listing(_ root: URL, displayBase: URL, diagnostics: inout Diagnostics) -> [URL] {
        var found: [URL] = []
        var folders = [root]
        while let folder = folders.popLast() {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let kind = FileKind(path: url.path)
                switch kind {
                case .directory:
                    folders.append(url)
                case .regular:
                    if name.hasSuffix(".mustache") { found.append(url) }
                case .symbolicLink, .special:
                    diagnostics.error("this is \(kind.refusal)", at: SourceLocation(file: RelativePath.display(url, from: displayBase), line: 1, column: 1),
                                      hint: "the templates folder holds only folders and .mustache files; replace it by the file itself")
                case .missing:
                    break
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    private static func fingerprints(of sources: [String: SourceFile]) -> [String: Int] {
        let direct = sources.mapValues { Set(references(in: $0.text).map(\.3)) }
        var result: [String: Int] = [:]
        for name in sources.keys {
            var reached: Set<String> = [name], stack = [name]
            while let next = stack.popLast() {
                for target in direct[next] ?? [] where reached.insert(target).inserted { stack.append(target) }
            }
            var hasher = Hasher()
            for used in reached.sorted() {
                hasher.combine(used)
                hasher.combine(sources[used]?.text)
            }
            result[name] = hasher.finalize()
        }
        return result
    }

    /// Partial (`{{> name}}`) and parent (`{{< name}}`) tags, with their positions.
    static func references(in text: String) -> [(Int, Int, String, String)] {
        var found: [(Int, Int, String, String)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let first = tag.first, first == ">" || first == "<" {
                    let target = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    found.append((lineNumber, column, first == ">" ? "partial" : "parent template", target))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with the wrong name"
        case .unfinishedName?: return "a tag is not finished"
        case .expectedSectionEnd?: return "a section is not closed"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection?: return "a transform cannot be used on an inherited section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?: return "only {{$block}} sections may stand inside {{<parent}}"
        default: return "\(error)"
        }
    }
}
