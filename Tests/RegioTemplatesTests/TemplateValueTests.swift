import RegioTemplates
import XCTest

final class TemplateValueTests: XCTestCase {
    func testLiteralsBuildTheTypedTree() {
        let value: TemplateValue = ["titel": "Wonen", "aantal": 3, "actief": true, "themas": [["slug": "wonen"]]]
        XCTAssertEqual(value["titel"], .string("Wonen"))
        XCTAssertEqual(value["aantal"], .int(3))
        XCTAssertEqual(value["actief"], .bool(true))
        XCTAssertEqual(value["themas"], .list([.object(["slug": .string("wonen")])]))
        XCTAssertNil(value["ontbreekt"])
        XCTAssertNil(TemplateValue.string("x")["titel"])
    }

    func testLambdasCompareByName() {
        let a = TemplateLambda(name: "asset") { $0 }
        let b = TemplateLambda(name: "asset") { $0.uppercased() }
        XCTAssertEqual(TemplateValue.lambda(a), .lambda(b))
        XCTAssertNotEqual(TemplateValue.lambda(a), .lambda(TemplateLambda(name: "other") { $0 }))
    }
}
