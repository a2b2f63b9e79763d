import Foundation
import RegioTemplates
import XCTest

/// Every case of the official spec files in `Spec/`, run through the compiled engine.
final class SpecTests: XCTestCase {
    struct SpecFile: Decodable {
        let tests: [Case]
    }

    struct Case: Decodable {
        let name: String
        let data: JSONValue
        let template: String
        let expected: String
        let partials: [String: String]?
    }

    static let files = ["interpolation", "sections", "inverted", "partials", "comments", "delimiters", "~inheritance"]

    static func cases() throws -> [(file: String, test: Case)] {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Spec", withExtension: nil))
        return try files.flatMap { file in
            let data = try Data(contentsOf: folder.appendingPathComponent(file + ".json"))
            return try JSONDecoder().decode(SpecFile.self, from: data).tests.map { (file, $0) }
        }
    }

    /// Cases where the engine deliberately differs from the spec, with the output it gives instead.
    /// The two inheritance cases are swift-mustache's behaviour (it does not re-indent a block's
    /// override by the indentation of the `{{$block}}` tag in the parent), kept for byte identity:
    /// the portal's templates use inheritance on every page.
    static let swiftMustacheDeviations: [String: String] = [
        "~inheritance / Intrinsic indentation": "Hi,\none\ntwo\n",
        "~inheritance / Nested block reindentation": "one\nthree\n",
    ]

    func testEveryCaseOfTheSpec() throws {
        var checked = 0
        for (file, test) in try Self.cases() {
            let key = "\(file) / \(test.name)"
            let data = test.data.value ?? .object([:])
            let partials = test.partials ?? [:]
            if key == "partials / Failed Lookup" {
                // Deliberate: a missing partial is a compile error here (swift-mustache and the
                // spec render nothing), so a typo in a partial name cannot slip through.
                XCTAssertThrowsError(try Engine.render(test.template, partials: partials, data: data)) { error in
                    XCTAssertEqual((error as? TemplateLibraryError)?.errors.map(\.kind), [.missingPartial], key)
                }
                checked += 1
                continue
            }
            let ours = try Engine.render(test.template, partials: partials, data: data)
            if let deviation = Self.swiftMustacheDeviations[key] {
                XCTAssertNotEqual(test.expected, deviation, key)
                XCTAssertEqual(ours, deviation, key)
                XCTAssertEqual(Oracle.render(test.template, partials: partials, data: data), deviation, key)
            } else {
                XCTAssertEqual(ours, test.expected, key)
            }
            checked += 1
        }
        XCTAssertEqual(checked, 163)
    }

    /// swift-mustache passes every other spec case too, so on the spec the two engines agree.
    func testSwiftMustacheAgreesOnTheSpec() throws {
        for (file, test) in try Self.cases() {
            let key = "\(file) / \(test.name)"
            let data = test.data.value ?? .object([:])
            let expected = Self.swiftMustacheDeviations[key] ?? test.expected
            XCTAssertEqual(Oracle.render(test.template, partials: test.partials ?? [:], data: data), expected, key)
        }
    }
}
