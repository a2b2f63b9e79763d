import Yams

/// A YAML tree with a source location on every key and value, independent of Yams.
public indirect enum YAMLValue: Sendable {
    case scalar(String, SourceLocation, quoted: Bool)
    case sequence([YAMLValue], SourceLocation)
    case mapping([YAMLPair], SourceLocation)
    /// `~`, `null` or nothing at all.
    case null(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let l, _), .sequence(_, let l), .mapping(_, let l), .null(let l): return l
        }
    }

    /// A word for messages: "a text", "a list", "a mapping".
    public var kindDescription: Text {
        switch self {
        case .scalar: return Phrase.singleValue()
        case .sequence: return Phrase.list()
        case .mapping: return Phrase.mapping()
        case .null: return Phrase.nothing()
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue
}

/// Limits on YAML documents; front matter is small, so these are generous.
public enum YAMLLimits {
    public static let maxNodes = 100_000
    public static let maxDepth = 64
}

/// Parses YAML text with Yams into a ``YAMLValue``, turning every Yams error into a
/// diagnostic that points into the file. Anchors and aliases are refused: they are never
/// needed in content, and expanding them unguarded is a denial-of-service (billion laughs).
public struct YAMLReader {
    let file: SourceFile
    /// Lines of the file before the YAML text starts (front matter starts on line 2).
    let lineOffset: Int

    public init(file: SourceFile, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    public func read(_ yaml: String, diagnostics: inout Diagnostics) -> YAMLValue? {
        let node: Node?
        // The parser owns the anchors; nodes only point at them weakly. Keeping it alive
        // for the walk is what lets `convert` see (and refuse) anchors.
        let parser: Yams.Parser
        do {
            // Scalars stay text (the record decoder types them), so Yams need not match every
            // plain scalar against its regular expressions for bool, int, float and timestamp:
            // the basic resolver skips that. Null is recognised below, by the same spellings.
            parser = try Yams.Parser(yaml: yaml, resolver: .basic, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
            return nil
        } catch {
            diagnostics.error(.yamlUnreadable, "\(error)", at: location(line: 1, column: 1))
            return nil
        }
        guard let node else { return .null(location(line: 1, column: 1)) }
        var budget = YAMLLimits.maxNodes
        do {
            return try withExtendedLifetime(parser) { try convert(node, depth: 0, budget: &budget) }
        } catch let diagnostic as Diagnostic {
            diagnostics.append(diagnostic)
            return nil
        } catch {
            return nil
        }
    }

    private func convert(_ node: Node, depth: Int, budget: inout Int) throws -> YAMLValue {
        let here = location(node.mark)
        if node.anchor != nil {
            throw Diagnostic.error(.yamlAlias, at: here)
        }
        budget -= 1
        guard budget >= 0 else {
            throw Diagnostic.error(.yamlTooManyValues, YAMLLimits.maxNodes, at: here)
        }
        guard depth <= YAMLLimits.maxDepth else {
            throw Diagnostic.error(.yamlTooDeep, YAMLLimits.maxDepth, at: here)
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            if !quoted, scalar.tag.description.hasSuffix(":null") || ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null(here)
            }
            return .scalar(scalar.string, here, quoted: quoted)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for child in sequence { items.append(try convert(child, depth: depth + 1, budget: &budget)) }
            return .sequence(items, here)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                let keyLocation = location(key.mark)
                guard case .scalar(let keyScalar) = key, key.anchor == nil else {
                    throw Diagnostic.error(.yamlKeyNotWord, at: keyLocation)
                }
                pairs.append(YAMLPair(key: keyScalar.string, keyLocation: keyLocation,
                                      value: try convert(value, depth: depth + 1, budget: &budget)))
            }
            return .mapping(pairs, here)
        case .alias:
            throw Diagnostic.error(.yamlAlias, at: here)
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            let place = location(mark)
            let tabbed = place.excerpt?.contains("\t") == true
            return .error(.yamlSyntax, Self.describe(problem), at: place, hint: tabbed ? Hint.yamlTabs() : hint(for: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return .error(.duplicateKey, keys, at: location(context.mark))
        case .reader(let problem, let offset, _, let yaml):
            var line = 1, column = 1
            if let offset {
                for (index, character) in yaml.enumerated() {
                    if index >= offset { break }
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return .error(.yamlUnreadable, problem, at: location(line: line, column: column))
        default:
            return .error(.yamlUnreadable, "\(error)", at: location(line: 1, column: 1))
        }
    }

    /// libyaml's words for the problems editors make most, in plain Dutch; others as libyaml says them.
    static func describe(_ problem: String) -> Text {
        let known: [(String, Phrase)] = [
            ("mapping values are not allowed", .yamlColon), ("cannot start any token", .yamlBadStart),
            ("did not find expected key", .yamlExpectedKey), ("tab character", .yamlTab),
            ("could not find expected ':'", .yamlMissingColon), ("unexpected end of stream", .yamlEnd),
            ("did not find expected '-'", .yamlExpectedDash),
        ]
        guard let phrase = known.first(where: { problem.contains($0.0) })?.1 else { return Text(verbatim: problem) }
        return Text(nl: phrase().nl, en: problem)
    }

    private func hint(for problem: String) -> Text {
        if problem.contains("tab") { return Hint.yamlTabs() }
        if problem.contains("mapping values are not allowed") { return Hint.yamlQuoteColon() }
        if problem.contains("did not find expected key") || problem.contains("block end") { return Hint.yamlIndent() }
        return Hint.yamlSyntax()
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        file.location(line: line + lineOffset, column: column)
    }
}
