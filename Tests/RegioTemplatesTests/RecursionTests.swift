import RegioTemplates
import XCTest

/// Templates that include themselves: refused at compile time, and bounded at render time
/// when recursion is allowed, so no template can exhaust the stack.
final class RecursionTests: XCTestCase {
    func testAPartialCycleIsACompileErrorAtEachTagOnIt() {
        XCTAssertThrowsError(try TemplateLibrary(templates: ["a": "x{{>b}}", "b": "\n {{#s}}{{>a}}{{/s}}", "c": "{{>c}}", "d": "{{>a}}"])) { error in
            let errors = (error as? TemplateLibraryError)?.errors ?? []
            XCTAssertEqual(errors.map(\.description), [
                "a:1:2: \"b\" includes \"a\" again: a → b → a",
                "b:2:8: \"a\" includes \"b\" again: b → a → b",
                "c:1:1: \"c\" includes \"c\" again: c → c",
            ])
            XCTAssertEqual(Set(errors.map(\.kind)), [.partialCycle])
        }
    }

    func testAllowedRecursionThatDataNeverEndsStopsAtTheDepthLimit() throws {
        let library = try TemplateLibrary(templates: ["node": "{{#flag}}<{{>node}}>{{/flag}}"], allowsRecursion: true)
        let result = try XCTUnwrap(library.render(.object(["flag": .bool(true)]), template: "node"))
        XCTAssertEqual(result.output, String(repeating: "<", count: TemplateLibrary.maxDepth + 1) + String(repeating: ">", count: TemplateLibrary.maxDepth + 1))
        XCTAssertEqual(result.problems.map(\.kind), [.tooDeep])
        XCTAssertEqual(result.problems.first?.template, "node")
    }

    func testABlockThatExpandsItselfStopsAtTheDepthLimit() throws {
        let library = try TemplateLibrary(templates: ["page": "{{<base}}{{$x}}a{{$x}}{{/x}}{{/x}}{{/base}}", "base": "{{$x}}d{{/x}}"])
        let result = try XCTUnwrap(library.render(.object([:]), template: "page"))
        XCTAssertEqual(result.problems.map(\.kind), [.tooDeep])
    }
}
