/// Renders compiled nodes into a byte buffer. One renderer per `render` call (so rendering
/// is thread-safe without locks); the context stack is pushed and popped in place.
///
/// Partial indentation follows swift-mustache exactly: every nested render (section body,
/// list item, partial, block) is a scope; before each node, if the scope's output so far is
/// non-empty and ends with "\n" (not "\r\n"), the scope's indentation is written in front of
/// the node's output, if it has any. "Pending" indentation implements "if it has any" without
/// rendering into temporary strings.
struct Renderer {
    let templates: [Body]
    let names: [String]
    var out: [UInt8] = []
    /// Partials and blocks entered and not yet left.
    var depth = 0
    /// Set when a partial (its name) or a block (nil) was not entered for ``TemplateLibrary/maxDepth``.
    var tooDeep: String??
    var stack: [TemplateValue]
    var pending: [UInt8]?
    var problemSites: [Int] = []
    var seenSites: Set<Int> = []

    init(templates: [Body], names: [String], root: TemplateValue) {
        self.templates = templates
        self.names = names
        self.stack = [root]
        out.reserveCapacity(16 * 1024)
    }

    /// What a nested render inherits (swift-mustache's `MustacheContext` minus the stack).
    struct Scope {
        var indentation: [UInt8]?
        var overrides: [String: Body]?
        /// Set only directly inside a list section's item (not inside a nested object section or partial).
        var sequence: SequencePosition?
    }

    @inline(__always) private mutating func flushPending() {
        if let p = pending {
            pending = nil
            out.append(contentsOf: p)
        }
    }

    mutating func render(_ nodes: [Node], _ scope: Scope) {
        let scopeStart = out.count
        let indentation = scope.indentation ?? []
        for node in nodes {
            var armed = false
            if !indentation.isEmpty, out.count > scopeStart, out[out.count - 1] == 0x0A,
               !(out.count - 2 >= scopeStart && out[out.count - 2] == 0x0D) {
                pending = indentation
                armed = true
            }
            renderNode(node, scope)
            if armed { pending = nil }
        }
    }

    private mutating func renderNode(_ node: Node, _ scope: Scope) {
        switch node {
        case .text(let bytes):
            if !bytes.isEmpty {
                flushPending()
                out.append(contentsOf: bytes)
            }

        case .variable(let ref, let escaped, let site):
            guard let value = resolve(ref, scope) else {
                if seenSites.insert(site).inserted { problemSites.append(site) }
                return
            }
            switch value {
            case .string(let s): write(s, escaped: escaped)
            // swift-mustache calls the lambda with "" and writes the non-String result's
            // description, escaped unless the tag is `{{{…}}}` / `{{&…}}`.
            case .lambda(let lambda): write(lambda.apply(""), escaped: escaped)
            default: write(value.renderedDescription, escaped: escaped)
            }

        case .section(let ref, let body):
            guard let value = resolve(ref, scope) else { return }
            switch value {
            case .lambda(let lambda):
                write(lambda.apply(body.raw), escaped: false)
            case .list(let items):
                guard !items.isEmpty else { return }
                var inner = scope
                for (i, item) in items.enumerated() {
                    inner.sequence = SequencePosition(index: i, isLast: i == items.count - 1)
                    stack.append(item)
                    render(body.nodes, inner)
                    stack.removeLast()
                }
            case .bool(let flag):
                if flag { render(body.nodes, scope) }
            default:
                // Strings (even ""), numbers (even 0) and objects (even empty) are true and pushed.
                var inner = scope
                inner.sequence = nil
                stack.append(value)
                render(body.nodes, inner)
                stack.removeLast()
            }

        case .inverted(let ref, let body):
            guard let value = resolve(ref, scope) else {
                render(body.nodes, scope)
                return
            }
            switch value {
            case .list(let items):
                guard items.isEmpty else { return }
                // swift-mustache pushes the empty list as a frame.
                var inner = scope
                inner.sequence = nil
                stack.append(value)
                render(body.nodes, inner)
                stack.removeLast()
            case .bool(let flag):
                if !flag { render(body.nodes, scope) }
            default:
                return
            }

        case .block(let name, let defaultBody, let indentation):
            guard depth < TemplateLibrary.maxDepth else {
                if tooDeep == nil { tooDeep = .some(nil) }
                return
            }
            depth += 1
            defer { depth -= 1 }
            let body = scope.overrides?[name] ?? defaultBody
            render(body.nodes, Scope(indentation: (scope.indentation ?? []) + indentation, overrides: scope.overrides, sequence: nil))

        case .partial(let index, let indentation, let overrides):
            guard depth < TemplateLibrary.maxDepth else {
                if tooDeep == nil { tooDeep = .some(names[index]) }
                return
            }
            depth += 1
            defer { depth -= 1 }
            var newIndentation = scope.indentation
            if let indentation { newIndentation = (scope.indentation ?? []) + indentation }
            var merged = scope.overrides
            if let overrides {
                // The outermost override wins.
                merged = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(templates[index].nodes, Scope(indentation: newIndentation, overrides: merged, sequence: nil))

        case .blockDefinition:
            break
        }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        flushPending()
        if escaped { out.appendEscaped(text) } else { out.appendRaw(text) }
    }

    /// swift-mustache's `getChild`: the first part up the stack, the rest inside it, then the functions.
    private func resolve(_ ref: Ref, _ scope: Scope) -> TemplateValue? {
        var functions = ref.functions[...]
        var value: TemplateValue
        switch ref.path {
        case .current:
            value = stack[stack.count - 1]
        case .sequence:
            guard let position = scope.sequence, let function = functions.popFirst(),
                  let result = function.apply(to: position) else { return nil }
            value = result
        case .top(let parts):
            guard let found = Self.dig(parts[...], in: stack[stack.count - 1]) else { return nil }
            value = found
        case .stack(let first, let rest):
            var found: TemplateValue?
            var i = stack.count - 1
            while i >= 0 {
                if case .object(let fields) = stack[i], let child = fields[first] {
                    found = rest.isEmpty ? child : Self.dig(rest[...], in: child)
                    break
                }
                i -= 1
            }
            guard let found else { return nil }
            value = found
        }
        for function in functions {
            guard let result = function.apply(to: value) else { return nil }
            value = result
        }
        return value
    }

    private static func dig(_ parts: ArraySlice<String>, in value: TemplateValue) -> TemplateValue? {
        var current = value
        for part in parts {
            guard case .object(let fields) = current, let child = fields[part] else { return nil }
            current = child
        }
        return current
    }
}
