import Foundation
import Testing
@testable import RegioportaalServer

@Suite struct PathGuardSegmentTests {
    @Test func plainPathsAreSplitAndDecodedOnce() throws {
        #expect(PathGuard.segments(of: "/") == .init(parts: [], trailingSlash: true))
        #expect(PathGuard.segments(of: "/themas/wonen/") == .init(parts: ["themas", "wonen"], trailingSlash: true))
        #expect(PathGuard.segments(of: "/css/site.abc.css") == .init(parts: ["css", "site.abc.css"], trailingSlash: false))
        #expect(PathGuard.segments(of: "//a///b") == .init(parts: ["a", "b"], trailingSlash: false))
        #expect(PathGuard.segments(of: "/caf%C3%A9/a%20b") == .init(parts: ["café", "a b"], trailingSlash: false))
        #expect(PathGuard.segments(of: "/..a/b..c/...x") == .init(parts: ["..a", "b..c", "...x"], trailingSlash: false))
    }

    @Test(arguments: [
        "/../etc/passwd",
        "/a/../../etc/passwd",
        "/..",
        "/./a",
        "/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd",
        "/%2e./etc/passwd",
        "/a%2f..%2f..%2fetc%2fpasswd",
        "/a%2F..%2Fetc",
        "/%252e%252e/etc/passwd",       // double encoding
        "/%25252e%25252e/etc/passwd",   // triple encoding
        "/a%255c..",
        "/..\\..\\etc\\passwd",
        "/a\\b",
        "/a%5c..%5cetc",
        "/a%5C..",
        "/a%00.html",
        "/a\u{0}b",
        "/%0a",
        "/%c0%ae%c0%ae/etc/passwd",     // overlong UTF-8 dot
        "/%e0%80%ae%e0%80%ae/etc",
        "/%zz",
        "/a/%",
        "/a/%2",
        "etc/passwd",
        "",
    ])
    func traversalAndMalformedPathsAreRefused(path: String) {
        #expect(PathGuard.segments(of: path) == nil)
    }
}

@Suite struct PathGuardResolveTests {
    /// root/ (the site), and beside it outside/ and root-evil/ (a sibling with a shared prefix).
    struct Fixture {
        let base: URL
        var root: URL { base.appendingPathComponent("site") }

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("pathguard-\(UUID().uuidString)")
            let fm = FileManager.default
            for folder in ["site/sub", "outside", "site-evil"] {
                try fm.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try Data("page".utf8).write(to: base.appendingPathComponent("site/a.html"))
            try Data("index".utf8).write(to: base.appendingPathComponent("site/sub/index.html"))
            try Data("secret".utf8).write(to: base.appendingPathComponent("outside/secret.txt"))
            try Data("evil".utf8).write(to: base.appendingPathComponent("site-evil/secret.txt"))
            let site = base.appendingPathComponent("site")
            try fm.createSymbolicLink(atPath: site.appendingPathComponent("escape").path, withDestinationPath: base.appendingPathComponent("outside").path)
            try fm.createSymbolicLink(atPath: site.appendingPathComponent("escape.txt").path, withDestinationPath: "../outside/secret.txt")
            try fm.createSymbolicLink(atPath: site.appendingPathComponent("sibling").path, withDestinationPath: base.appendingPathComponent("site-evil").path)
            try fm.createSymbolicLink(atPath: site.appendingPathComponent("root-link").path, withDestinationPath: "/")
            try fm.createSymbolicLink(atPath: site.appendingPathComponent("inner").path, withDestinationPath: "sub")
            try fm.createSymbolicLink(atPath: base.appendingPathComponent("site-link").path, withDestinationPath: site.path)
        }

        func cleanUp() { try? FileManager.default.removeItem(at: base) }
    }

    @Test func filesAndFoldersInsideResolveToTheirRealPath() throws {
        let f = try Fixture()
        defer { f.cleanUp() }
        let real = try #require(PathGuard.realPath(f.root.path))
        #expect(PathGuard.resolve(requestPath: "/a.html", root: f.root)?.path == real + "/a.html")
        #expect(PathGuard.resolve(requestPath: "/sub/", root: f.root)?.path == real + "/sub")
        #expect(PathGuard.resolve(requestPath: "/", root: f.root)?.path == real)
        // A link that stays inside is fine, and resolves to its target.
        #expect(PathGuard.resolve(requestPath: "/inner/index.html", root: f.root)?.path == real + "/sub/index.html")
        #expect(PathGuard.resolve(requestPath: "/missing.html", root: f.root) == nil)
    }

    @Test func symbolicLinksPointingOutsideAreRefused() throws {
        let f = try Fixture()
        defer { f.cleanUp() }
        #expect(PathGuard.resolve(requestPath: "/escape/secret.txt", root: f.root) == nil)
        #expect(PathGuard.resolve(requestPath: "/escape/", root: f.root) == nil)
        #expect(PathGuard.resolve(requestPath: "/escape.txt", root: f.root) == nil)
        #expect(PathGuard.resolve(requestPath: "/sibling/secret.txt", root: f.root) == nil)
        #expect(PathGuard.resolve(requestPath: "/root-link/etc/passwd", root: f.root) == nil)
    }

    @Test func traversalIsRefusedEvenWhereTheTargetExists() throws {
        let f = try Fixture()
        defer { f.cleanUp() }
        for path in ["/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/sub/..%2f..%2foutside%2fsecret.txt",
                     "/%252e%252e/outside/secret.txt", "/..\\outside\\secret.txt", "/../site-evil/secret.txt"] {
            #expect(PathGuard.resolve(requestPath: path, root: f.root) == nil, "\(path)")
        }
    }

    @Test func aRootThatIsItselfASymlinkStillServesItsOwnFiles() throws {
        let f = try Fixture()
        defer { f.cleanUp() }
        let linked = f.base.appendingPathComponent("site-link")
        #expect(PathGuard.resolve(requestPath: "/a.html", root: linked) != nil)
        #expect(PathGuard.resolve(requestPath: "/escape/secret.txt", root: linked) == nil)
    }

    @Test func aMissingRootResolvesNothing() {
        let root = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        #expect(PathGuard.resolve(requestPath: "/", root: root) == nil)
    }
}
