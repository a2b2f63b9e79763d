import Foundation
import Testing
@testable import RegioportaalServer

@Suite struct SiteFilesTests {
    /// site/index.html, site/themas/wonen/index.html, site/css/site.css, site/empty/ and a
    /// folder named like a host, to check redirects never leave the site.
    struct Fixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitefiles-\(UUID().uuidString)")
        init() throws {
            for (path, text) in ["index.html": "home", "themas/wonen/index.html": "wonen", "css/site.css": "body{}",
                                 "404.html": "missing", "evil.example/index.html": "x"] {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        }
        var real: String { PathGuard.realPath(root.path)! }
        func cleanUp() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutSlash() throws {
        let f = try Fixture()
        defer { f.cleanUp() }
        #expect(SiteFiles.lookup(rawPath: "/", basePath: "/", root: f.root) == .file(URL(fileURLWithPath: f.real + "/index.html")))
        #expect(SiteFiles.lookup(rawPath: "/themas/wonen/", basePath: "/", root: f.root) == .file(URL(fileURLWithPath: f.real + "/themas/wonen/index.html")))
        #expect(SiteFiles.lookup(rawPath: "/themas/wonen", basePath: "/", root: f.root) == .redirect("/themas/wonen/"))
        #expect(SiteFiles.lookup(rawPath: "/css/site.css", basePath: "/", root: f.root) == .file(URL(fileURLWithPath: f.real + "/css/site.css")))
        #expect(SiteFiles.lookup(rawPath: "/css/site.css/", basePath: "/", root: f.root) == .notFound)
        #expect(SiteFiles.lookup(rawPath: "/empty/", basePath: "/", root: f.root) == .notFound)
        #expect(SiteFiles.lookup(rawPath: "/nope/", basePath: "/", root: f.root) == .notFound)
        #expect(SiteFiles.lookup(rawPath: "/../etc/passwd", basePath: "/", root: f.root) == .notFound)
        #expect(SiteFiles.notFoundPage(root: f.root)?.path == f.real + "/404.html")
    }

    @Test func redirectsAreBuiltFromCheckedSegmentsSoTheyStayOnThisHost() throws {
        let f = try Fixture()
        defer { f.cleanUp() }
        #expect(SiteFiles.lookup(rawPath: "//evil.example", basePath: "/", root: f.root) == .redirect("/evil.example/"))
    }

    @Test func aBasePathPrefixesTheWholeSite() throws {
        let f = try Fixture()
        defer { f.cleanUp() }
        let base = "/portaal/"
        #expect(SiteFiles.lookup(rawPath: "/portaal/", basePath: base, root: f.root) == .file(URL(fileURLWithPath: f.real + "/index.html")))
        #expect(SiteFiles.lookup(rawPath: "/portaal/themas/wonen/", basePath: base, root: f.root) == .file(URL(fileURLWithPath: f.real + "/themas/wonen/index.html")))
        #expect(SiteFiles.lookup(rawPath: "/portaal/themas/wonen", basePath: base, root: f.root) == .redirect("/portaal/themas/wonen/"))
        #expect(SiteFiles.lookup(rawPath: "/portaal", basePath: base, root: f.root) == .redirect("/portaal/"))
        #expect(SiteFiles.lookup(rawPath: "/", basePath: base, root: f.root) == .redirect("/portaal/"))
        #expect(SiteFiles.lookup(rawPath: "/themas/wonen/", basePath: base, root: f.root) == .notFound)
        #expect(SiteFiles.lookup(rawPath: "/portaalx/", basePath: base, root: f.root) == .notFound)
        #expect(SiteFiles.lookup(rawPath: "/portaal/../etc/passwd", basePath: base, root: f.root) == .notFound)
        #expect(SiteFiles.lookup(rawPath: "/portaal/%2e%2e/%2e%2e/etc/passwd", basePath: base, root: f.root) == .notFound)
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("a/b.CSS", "text/css; charset=utf-8"),
        ("js/site.1a.js", "text/javascript; charset=utf-8"), ("kaart.svg", "image/svg+xml"),
        ("feeds/updates.xml", "application/xml; charset=utf-8"), ("data.json", "application/json"),
        ("logo.png", "image/png"), ("foto.jpg", "image/jpeg"), ("font.woff2", "font/woff2"),
        ("robots.txt", "text/plain; charset=utf-8"), ("archive.bin", "application/octet-stream"), ("README", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) {
        #expect(MediaTypes.contentType(forPath: path) == type)
    }
}
