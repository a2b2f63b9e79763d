import Foundation
import Logging
@testable import RegioContent
@testable import RegioRender
@testable import Regioportaal
@testable import RegioportaalServer
import ServiceLifecycle
import Testing

/// A small real project, built by the real pipeline. It brings its own minimal templates,
/// one per page template the generator knows (its required list and the repository's
/// page templates), instead of the repository's, whose links assume the repository's
/// content: so this test does not break when either grows.
struct MiniProject {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let base = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
    var root: URL { base.appendingPathComponent("project") }
    var options: BuildOptions { BuildOptions(project: root, now: Day("2026-11-22")!) }

    static let page = "---\ntitel: Over deze site\nsamenvatting: Wie maakt dit.\nmenu: 1\nredactie: true\n---\nDe redactie.\n"
    static let template = """
        <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test</title></head>
        <body><main>{{#pagina}}<h1>{{titel}}</h1>{{{body_html}}}{{/pagina}}</main></body></html>

        """

    init() throws {
        try write("titel: Testportaal\nbeschrijving: Klein.\nbase_url: https://portaal.test/\n", to: "Content/site.yml")
        try write(Self.page, to: "Content/paginas/over.md")
        let pageTemplates = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Templates").path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        for name in Set(TemplateSet.required).union(pageTemplates) { try write(Self.template, to: "Templates/\(name).mustache") }
        try write("body { margin: 0; }\n", to: "Public/css/site.css")
        // Something worth stealing, outside the output folder.
        try Data("top secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: base) }
}

@Suite(.serialized) struct PreviewServerTests {
    /// Starts the real server on a free loopback port inside a service group, and shuts
    /// it down gracefully, as Ctrl-C does: that must end open event streams too, or this
    /// test would hang.
    func withServer(_ project: MiniProject, configure: (inout PreviewServer) -> Void = { _ in },
                    _ body: (RawHTTP) async throws -> Void) async throws {
        let (ports, ready) = AsyncStream.makeStream(of: Int.self)
        var server = PreviewServer(options: project.options, port: 0, log: { print("serve: \($0)") })
        configure(&server)
        server.watcher.interval = .milliseconds(50)
        server.watcher.quietPeriod = .milliseconds(50)
        server.handleSignals = false
        server.onReady = { ready.yield($0) }
        let group = ServiceGroup(services: [server], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { Issue.record("the server did not start"); return }
        do {
            try await body(RawHTTP(port: port))
        } catch {
            running.cancel()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    @Test func servesTheSiteAndRefusesEverythingOutsideIt() async throws {
        let project = try MiniProject()
        defer { project.cleanUp() }
        try await withServer(project) { http in
            let page = try await http.request("/over/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.headers["cache-control"] == "no-store")
            #expect(page.body.contains("De redactie."))
            #expect(page.body.contains(LiveReload.scriptTag + "</body>"))

            let redirect = try await http.request("/over?x=1")
            #expect(redirect.status == 302)
            #expect(redirect.headers["location"] == "/over/?x=1")

            let script = try await http.request(LiveReload.scriptPath)
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")

            let head = try await http.request("/over/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(Int(head.headers["content-length"] ?? "") == page.body.utf8.count)

            #expect(try await http.request("/over/", method: "POST").status == 405)

            let missing = try await http.request("/bestaat-niet/")
            #expect(missing.status == 404)
            #expect(missing.body.contains(LiveReload.scriptTag), "the site's own 404.html, with the reload script")

            // A symbolic link inside the output folder that points outside it.
            try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("_site/leak").path,
                                                       withDestinationPath: project.base.path)
            for target in ["/../etc/passwd", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                           "/css/..%2f..%2f..%2f..%2fetc%2fpasswd", "/%252e%252e/%252e%252e/etc/passwd",
                           "/..\\..\\..\\etc\\passwd", "/over/%00", "/%c0%ae%c0%ae/etc/passwd",
                           "/leak/secret.txt", "/leak/", "/../secret.txt", "/__regioportaal/../../etc/passwd"] {
                let reply = try await http.request(target)
                #expect(reply.status == 404, "\(target)")
                #expect(!reply.body.contains("root:") && !reply.body.contains("top secret"), "\(target)")
            }
        }
    }

    @Test func aContentErrorKeepsTheSiteUpAndTellsOpenPages() async throws {
        let project = try MiniProject()
        defer { project.cleanUp() }
        try await withServer(project) { http in
            let events = try RawHTTP.Connection(port: http.port)
            defer { events.close() }
            try events.send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: \(http.host)\r\n\r\n")
            let greeting = try await read(events, until: "event: hello")
            #expect(greeting.contains("text/event-stream"))

            try project.write("---\ntitl: Kapot\n---\nTekst.\n", to: "Content/paginas/over.md")
            let error = try await read(events, until: "Content/paginas/over.md")
            #expect(error.contains("event: error"))

            let stale = try await http.request("/over/")
            #expect(stale.status == 200)
            #expect(stale.body.contains("De redactie."), "the last good site is still served")

            try project.write(Self.fixed, to: "Content/paginas/over.md")
            _ = try await read(events, until: "event: reload")
            #expect(try await http.request("/over/").body.contains("Nieuwe tekst."))
        }
    }

    /// Issue 29: saves that used to end a running preview with a trap — a partial that
    /// includes itself, a number past its bound in site.yml — are errors on the open page,
    /// and the preview goes on serving the last good site and rebuilds once they are fixed.
    @Test func thePreviewSurvivesTemplateCyclesAndHugeNumbers() async throws {
        let project = try MiniProject()
        defer { project.cleanUp() }
        let settings = "titel: Testportaal\nbeschrijving: Klein.\nbase_url: https://portaal.test/\n"
        try await withServer(project) { http in
            let events = try RawHTTP.Connection(port: http.port)
            defer { events.close() }
            try events.send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: \(http.host)\r\n\r\n")
            _ = try await read(events, until: "event: hello")

            try project.write("{{> partials/lus}}\n", to: "Templates/partials/lus.mustache")
            try project.write(MiniProject.template.replacingOccurrences(of: "</main>", with: "{{> partials/lus}}</main>"), to: "Templates/pagina.mustache")
            #expect(try await read(events, until: "Templates/partials/lus.mustache").contains("event: error"))
            #expect(try await http.request("/over/").status == 200, "the last good site is still served")

            try project.write(MiniProject.template, to: "Templates/pagina.mustache")
            try project.write("Geen lus meer.\n", to: "Templates/partials/lus.mustache")
            _ = try await read(events, until: "event: reload")

            try project.write(settings + "updates_per_pagina: 9223372036854775807\n", to: "Content/site.yml")
            #expect(try await read(events, until: "Content/site.yml").contains("event: error"))
            #expect(try await http.request("/over/").status == 200)

            try project.write(settings, to: "Content/site.yml")
            _ = try await read(events, until: "event: reload")
            #expect(try await http.request("/over/").body.contains("De redactie."))
        }
    }

    @Test func halfSentRequestsAreClosedAndOpenConnectionsAreBounded() async throws {
        let project = try MiniProject()
        defer { project.cleanUp() }
        try await withServer(project, configure: { $0.headerTimeout = .milliseconds(500); $0.maximumConnections = 6 }) { http in
            // Headers that never end, as a slow-loris client sends them.
            var slow: [RawHTTP.Connection] = []
            for _ in 0..<6 {
                let connection = try RawHTTP.Connection(port: http.port)
                try connection.send("GET /over/ HTTP/1.1\r\nHost: \(http.host)\r\nX-Langzaam: ")
                slow.append(connection)
            }
            defer { for connection in slow { connection.close() } }
            // One more is over the limit: closed unanswered, although its request is complete.
            let extra = try RawHTTP.Connection(port: http.port)
            defer { extra.close() }
            try extra.send("GET /over/ HTTP/1.1\r\nHost: \(http.host)\r\nConnection: close\r\n\r\n")
            #expect(try await bytesUntilClosed(extra) == [])
            // The half-sent ones are closed by the server, unanswered, once their time is up.
            for connection in slow { #expect(try await bytesUntilClosed(connection) == []) }
            // And the server serves again (a closed connection is counted off as it goes).
            var status = 0
            for _ in 0..<50 where status != 200 {
                status = try await http.request("/over/").status
                if status != 200 { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(status == 200)
        }
    }

    @Test func requestsForAnyOtherHostNameAreRefused() async throws {
        let project = try MiniProject()
        defer { project.cleanUp() }
        try await withServer(project) { http in
            // What a page whose name was rebound to 127.0.0.1 sends, and what no browser sends.
            for host: String? in ["evil.example", "evil.example:\(http.port)", "127.0.0.1", "127.0.0.1:1", "localhost",
                                  "localhost.evil.example:\(http.port)", "127.0.0.1:\(http.port).evil.example", "", nil] {
                let reply = try await http.request("/over/", host: .some(host))
                #expect(reply.status == 421, "Host: \(host ?? "(none)")")
                #expect(reply.body == "Deze preview antwoordt alleen op http://127.0.0.1:\(http.port)/ en http://localhost:\(http.port)/.\n")
                #expect(!reply.body.contains("De redactie."))
            }
            for host in ["127.0.0.1:\(http.port)", "localhost:\(http.port)", "LocalHost:\(http.port)", "[::1]:\(http.port)"] {
                #expect(try await http.request("/over/", host: .some(host)).status == 200, "Host: \(host)")
            }
        }
        #expect(PreviewResponder.isOwnHost("localhost", port: 80))
        #expect(PreviewResponder.isOwnHost("127.0.0.1:80", port: 80))
        #expect(!PreviewResponder.isOwnHost("localhost", port: 8000))
    }

    @Test func aRefusedOutputStopsTheServerBeforeItServes() async throws {
        let project = try MiniProject()
        defer { project.cleanUp() }
        try project.write("eigen werk\n", to: "mijn-map/brief.txt")
        for output in [project.root, project.root.appendingPathComponent("Content"), project.root.appendingPathComponent("mijn-map")] {
            var options = project.options
            options.output = output
            var server = PreviewServer(options: options, port: 0, log: { _ in })
            server.handleSignals = false
            server.onReady = { _ in Issue.record("the server started on \(output.path)") }
            let error = try await #require(throws: PreviewServerError.self) { try await server.run() }
            #expect(error.diagnostic?.message.hasPrefix("schrijft de site niet in ") == true, "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site").path))
    }

    @Test func aDeployBuildIsRefusedWhileAPreviewWritesItsFolder() async throws {
        let project = try MiniProject()
        defer { project.cleanUp() }
        try project.write("---\ntitel: Geheim concept\ndatum: 2026-02-01\nauteur: R\nsamenvatting: S\ndraft: true\nredactie: true\n---\nConcept.\n",
                          to: "Content/updates/concept.md")
        try await withServer(project, configure: { $0.options.includeDrafts = true }) { _ in
            let preview = project.root.appendingPathComponent("_site")
            #expect(FileManager.default.fileExists(atPath: preview.appendingPathComponent("updates/concept/index.html").path))
            let failure = try #require(throws: BuildFailure.self) { try Pipeline.build(project.options) }
            #expect(failure.diagnostics.first?.message.hasSuffix(") schrijft al naar _site") == true, "\(failure.diagnostics)")
            // A deploy build into its own folder has no draft.
            var deploy = project.options
            deploy.output = project.root.appendingPathComponent("_deploy")
            try Pipeline.build(deploy)
            #expect(!FileManager.default.fileExists(atPath: deploy.output.appendingPathComponent("updates/concept").path))
            #expect(FileManager.default.fileExists(atPath: deploy.output.appendingPathComponent("over/index.html").path))
        }
        // Free again once the preview stopped.
        try Pipeline.build(project.options)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("_site/updates/concept").path))
    }

    /// What the server sends before it closes the connection; fails after 10 s without a close.
    func bytesUntilClosed(_ connection: RawHTTP.Connection) async throws -> [UInt8] {
        let deadline = ContinuousClock.now + .seconds(10)
        var bytes: [UInt8] = []
        while ContinuousClock.now < deadline {
            do {
                guard let chunk = try await connection.receive() else { return bytes }
                bytes += chunk
            } catch RawHTTP.Failure.socket(let reason) where reason == "recv: errno \(ECONNRESET)" {
                return bytes // closed with our request unread: the kernel says so with a reset
            }
        }
        Issue.record("the server kept the connection open for 10 s")
        return bytes
    }

    static let fixed = MiniProject.page.replacingOccurrences(of: "De redactie.", with: "Nieuwe tekst.")

    /// Reads the stream until `marker` appears, for at most 20 seconds.
    func read(_ connection: RawHTTP.Connection, until marker: String) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(20)
        var bytes: [UInt8] = []
        while !String(decoding: bytes, as: UTF8.self).contains(marker), ContinuousClock.now < deadline {
            guard let chunk = try await connection.receive() else { break }
            bytes += chunk
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(marker), "no \"\(marker)\" in: \(text.suffix(600))")
        return text
    }
}
