import RegioTemplates
import XCTest

/// Random templates and data rendered by the compiled engine and by swift-mustache (the
/// oracle the site was built with); the bytes must be identical. Seeded, so every run checks
/// the same cases.
final class DifferentialTests: XCTestCase {
    /// SplitMix64: small, fast, and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    }

    /// Names by the type they hold, so interpolations print scalars (swift-mustache prints an
    /// object's keys in hash order, which no second engine can reproduce).
    static let scalarNames = ["name", "s", "n", "flag", "missing", "obj.name", "obj.n", "obj.missing", "missing.name", "obj.inner.name"]
    static let sectionNames = ["flag", "s", "n", "obj", "obj.inner", "items", "tags", "empty", "missing", "obj.items"]

    struct Generator {
        var rng: Random
        var allowPartials: [String]
        /// Only `base` may expand blocks: an override that expands its own block recurses forever
        /// (in both engines).
        var allowBlocks = false

        mutating func string() -> String {
            rng.pick(["", "Wonen", "a<b", "R&D", "\"q\"", "it's", "Énergie", "x y", "  ", "ÄÖ", "Zorg"])
        }

        mutating func scalar() -> TemplateValue {
            switch rng.int(0...4) {
            case 0: return .int(rng.int(-3...12))
            case 1: return .double(rng.pick([0.5, 1.0, 2.25, -1.5, 1e20, 0.1]))
            case 2: return .bool(rng.chance(50))
            default: return .string(string())
            }
        }

        mutating func leaf(depth: Int) -> TemplateValue {
            var fields: [String: TemplateValue] = [:]
            if rng.chance(80) { fields["name"] = .string(string()) }
            if rng.chance(60) { fields["n"] = rng.chance(70) ? .int(rng.int(0...9)) : .double(1.5) }
            if rng.chance(60) { fields["flag"] = .bool(rng.chance(50)) }
            if rng.chance(40) { fields["s"] = .string(string()) }
            if rng.chance(50) { fields["tags"] = .list((0..<rng.int(0...3)).map { _ in scalar() }) }
            if depth < 2, rng.chance(40) { fields["inner"] = leaf(depth: depth + 1) }
            if depth < 1, rng.chance(40) { fields["items"] = .list((0..<rng.int(0...3)).map { _ in leaf(depth: depth + 1) }) }
            return .object(fields)
        }

        mutating func data() -> TemplateValue {
            guard case .object(var fields) = leaf(depth: 0) else { fatalError() }
            if rng.chance(80) { fields["obj"] = leaf(depth: 1) }
            fields["items"] = .list((0..<rng.int(0...4)).map { _ in leaf(depth: 1) })
            fields["empty"] = .list([])
            fields["wrap"] = .lambda(TemplateLambda(name: "wrap") { "[" + $0 + "]" })
            return .object(fields)
        }

        /// `inSequence`: directly inside a list section, where `{{.}}` may meet an object only
        /// through `items`, so it is generated only for scalar sections.
        mutating func content(depth: Int, dotOK: Bool) -> String {
            (0..<rng.int(0...5)).map { _ in element(depth: depth, dotOK: dotOK) }.joined()
        }

        mutating func section(_ open: String, _ name: String, depth: Int) -> String {
            let dotOK = open == "#" && ["s", "n", "tags"].contains(name)
            var out = "{{\(open)\(name)}}"
            if rng.chance(40) { out += "\n" }
            out += content(depth: depth + 1, dotOK: dotOK)
            if rng.chance(40) { out += "\n" + rng.pick(["", " ", "  ", "\t"]) }
            return out + "{{/\(name)}}" + (rng.chance(50) ? "\n" : "")
        }

        mutating func element(depth: Int, dotOK: Bool) -> String {
            switch rng.int(0...23) {
            case 0, 1: return rng.pick(["x", "Text ", " ", "<p>", "a & b", "é", "}", "}}", "=", "#", "!"])
            case 2, 3: return rng.chance(90) ? "\n" : "\r\n"
            case 4: return rng.pick(["  ", "    ", "\t", " "])
            case 5, 6: return "{{\(rng.pick(["", " "]))\(rng.pick(DifferentialTests.scalarNames))\(rng.pick(["", " "]))}}"
            case 7: return "{{{\(rng.pick(DifferentialTests.scalarNames))}}}"
            case 8: return "{{& \(rng.pick(DifferentialTests.scalarNames))}}"
            case 9: return dotOK ? "{{.}}" : "{{name}}"
            case 10: return rng.pick(["{{lowercased(name)}}", "{{uppercased(s)}}", "{{count(items)}}", "{{count(tags)}}",
                                       "{{index()}}", "{{odd()}}", "{{plusone(n)}}", "{{empty(tags)}}", "{{lowercased(obj.name)}}",
                                       "{{capitalized(name)}}", "{{reversed(s)}}", "{{count(obj)}}", "{{even(n)}}"])
            case 11: return depth < 3 ? rng.pick(["{{#first()}}F{{/first()}}", "{{^last()}}, {{/last()}}", "{{#last()}}.{{/last()}}",
                                                   "{{#even()}}e{{/even()}}", "{{^empty(tags)}}T{{/empty(tags)}}",
                                                   "{{#empty(items)}}none{{/empty(items)}}"]) : ""
            case 12: return "{{! a comment }}" + (rng.chance(50) ? "\n" : "")
            case 13: return rng.pick(["{{#wrap}}raw {{name}} text{{/wrap}}", "{{wrap}}", "{{{wrap}}}", "{{^wrap}}no{{/wrap}}"])
            case 14, 15:
                guard !allowPartials.isEmpty else { return "" }
                let indent = rng.pick(["", " ", "  ", "\t"])
                return (rng.chance(70) ? "\n" : "") + indent + "{{> \(rng.pick(allowPartials))}}" + (rng.chance(70) ? "\n" : "")
            case 16, 17, 18:
                guard depth < 3 else { return "" }
                return section("#", rng.pick(DifferentialTests.sectionNames), depth: depth)
            case 19, 20:
                guard depth < 3 else { return "" }
                return section("^", rng.pick(DifferentialTests.sectionNames), depth: depth)
            case 21:
                guard depth < 3 else { return "" }
                let name = rng.pick(["items", "obj.items", "tags"])
                return "{{#\(name)}}\n  " + content(depth: depth + 1, dotOK: name == "tags") + "{{^last()}}\n{{/last()}}{{/\(name)}}\n"
            case 22:
                return "{{=<% %>=}}<%name%><%={{ }}=%>"
            default:
                guard allowBlocks else { return "" }
                return "\(rng.pick(["", "  "])){{$b\(rng.int(1...2))}}\(content(depth: depth + 1, dotOK: false)){{/b\(rng.int(1...2))}}"
            }
        }

        /// A child of `base`: overrides some blocks, with the whitespace staff would write.
        mutating func child() -> String {
            var out = "{{<base}}\n"
            for block in ["b1", "b2"] where rng.chance(70) {
                out += rng.pick(["", "  "]) + "{{$\(block)}}" + (rng.chance(60) ? "\n" : "")
                out += content(depth: 1, dotOK: false)
                out += (rng.chance(60) ? "\n" : "") + rng.pick(["", "  "]) + "{{/\(block)}}\n"
            }
            return out + "{{/base}}" + (rng.chance(50) ? "\n" : "")
        }
    }

    func testRandomTemplatesRenderLikeSwiftMustache() throws {
        var compared = 0
        for seed in 0..<400 {
            var g = Generator(rng: Random(state: UInt64(seed) &* 7919), allowPartials: [])
            let p2 = g.content(depth: 1, dotOK: false)
            g.allowPartials = ["p2"]
            let p1 = g.content(depth: 1, dotOK: false)
            g.allowBlocks = true
            let base = "<html>\n" + g.content(depth: 1, dotOK: false) + "\n  {{$b1}}default one{{/b1}}\n{{$b2}}\ndefault two\n{{/b2}}\n</html>\n"
            g.allowBlocks = false
            g.allowPartials = ["p1", "p2"]
            let main = seed % 4 == 3 ? g.child() : g.content(depth: 0, dotOK: false)
            let partials = ["p1": p1, "p2": p2, "base": base]
            let data = g.data()
            guard let expected = Oracle.render(main, partials: partials, data: data) else {
                XCTAssertThrowsError(try Engine.render(main, partials: partials, data: data), "seed \(seed): swift-mustache refused \(main.debugDescription)")
                continue
            }
            let ours: String
            do {
                ours = try Engine.render(main, partials: partials, data: data)
            } catch {
                XCTFail("seed \(seed): \(error)\n\(main.debugDescription)")
                continue
            }
            XCTAssertEqual(ours, expected, "seed \(seed)\ntemplate: \(main.debugDescription)\np1: \(p1.debugDescription)\np2: \(p2.debugDescription)\nbase: \(base.debugDescription)")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 350)
    }
}
