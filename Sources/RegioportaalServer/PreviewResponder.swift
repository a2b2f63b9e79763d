import Foundation
import Hummingbird
import RegioContent
import RegioSupport
import Regioportaal

/// Answers every request of the preview: the live-reload endpoints under
/// `/__regioportaal/`, and otherwise the built site.
///
/// Our own handler instead of `FileMiddleware`, which follows symbolic links out of its
/// folder: every path goes through ``SiteFiles`` and ``PathGuard``. Responses are never
/// cached, since the files change under the browser with every rebuild.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let output: URL
    let builder: SiteBuilder
    let hub: ReloadHub
    /// The port the server listens on, once bound.
    let port: Locked<Int>

    func respond(to request: Request, context: Context) async throws -> Response {
        // A web page elsewhere can point its own name at 127.0.0.1 (DNS rebinding) and then
        // read the preview, drafts included; its requests carry that name, not ours.
        guard Self.isOwnHost(request.head.authority, port: port.current) else {
            return Response(status: .misdirectedRequest, headers: headers(type: "text/plain; charset=utf-8"),
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Deze preview antwoordt alleen op http://127.0.0.1:\(port.current)/ en http://localhost:\(port.current)/.\n")))
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let response = respond(path: request.uri.path, query: request.uri.query)
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// Whether `host` (the Host header) names this server: 127.0.0.1, localhost or [::1] with
    /// its port (which browsers leave out only for port 80).
    static func isOwnHost(_ host: String?, port: Int) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let names = ["127.0.0.1", "localhost", "[::1]"]
        return names.contains { host == "\($0):\(port)" || (port == 80 && host == $0) }
    }

    private func respond(path: String, query: String?) -> Response {
        switch path {
        case LiveReload.eventsPath: return events()
        case LiveReload.scriptPath: return text(LiveReloadAssets.script, type: "text/javascript; charset=utf-8")
        case LiveReload.stylesheetPath: return text(LiveReloadAssets.stylesheet, type: "text/css; charset=utf-8")
        default: break
        }
        if path.hasPrefix(LiveReload.prefix) { return notFound(path: path) }
        switch SiteFiles.lookup(rawPath: path, basePath: builder.current.basePath, root: output) {
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else { return notFound(path: path) }
            return file(data, type: MediaTypes.contentType(forPath: url.path), status: .ok)
        case .redirect(let location):
            let target = query.map { "\(location)?\($0)" } ?? location
            return Response(status: .found, headers: headers(type: "text/plain; charset=utf-8").merging([.location: target]))
        case .notFound:
            return notFound(path: path)
        }
    }

    private func events() -> Response {
        let stream = hub.subscribe(status: builder.current)
        return Response(status: .ok, headers: headers(type: "text/event-stream; charset=utf-8"), body: ResponseBody { writer in
            for await chunk in stream {
                try await writer.write(ByteBuffer(string: chunk))
            }
            try await writer.finish(nil)
        })
    }

    /// The site's 404.html with status 404; a plain page (still with the reload script,
    /// so build errors show) when there is none yet, for example before the first good build.
    /// When the path is the page of an update that was left out (a draft, scheduled or
    /// expired), the page says so, and how to see it.
    private func notFound(path: String) -> Response {
        let note = builder.unpublished(at: path).map(Self.explanation)
        var html: Data
        if let page = SiteFiles.notFoundPage(root: output), let data = try? Data(contentsOf: page) {
            html = data
        } else {
            html = Data(("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>\(Phrase.notFoundTitle().nl)</title></head>"
                + "<body><h1>\(Phrase.notFoundTitle().nl)</h1><p>\(Phrase.notFoundText().nl)</p></body></html>").utf8)
        }
        if let note { html = Self.insert(Data(note.utf8), afterFirstHeadingOf: html) }
        return file(html, type: "text/html; charset=utf-8", status: .notFound)
    }

    /// Why the page of `page` is not in the preview and how to see it, in plain Dutch.
    static func explanation(of page: UnpublishedPage) -> String {
        let file = "<code>\(escape(page.file))</code>"
        let (title, text): (String, String)
        switch page.reason {
        case .draft:
            (title, text) = (Phrase.draftTitle().nl, Phrase.draftText(file).nl)
        case .future(let day):
            (title, text) = (Phrase.futureTitle(day.inWords).nl, Phrase.futureText(file, "\(day)").nl)
        case .expired(let day):
            (title, text) = (Phrase.expiredTitle(day.inWords).nl, Phrase.expiredText(file, "\(day)", "\(day.adding(days: -1))").nl)
        }
        return "<div class=\"preview-uitleg\" role=\"note\"><h2>\(title)</h2><p>\(text)</p></div>"
    }

    private static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        HTML.appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `note` after the first `</h1>` of `html`, or at the start of its body when it has none.
    static func insert(_ note: Data, afterFirstHeadingOf html: Data) -> Data {
        let at: Data.Index
        if let heading = html.range(of: Data("</h1>".utf8)) {
            at = heading.upperBound
        } else if let body = html.range(of: Data("<body".utf8)), let end = html[body.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
            at = end + 1
        } else {
            at = html.startIndex
        }
        return html[..<at] + note + html[at...]
    }

    private func file(_ data: Data, type: String, status: HTTPResponse.Status) -> Response {
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data) : data
        return Response(status: status, headers: headers(type: type), body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: headers(type: type), body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func headers(type: String) -> HTTPFields {
        [.contentType: type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff"]
    }
}

private extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var result = self
        for field in other { result[field.name] = field.value }
        return result
    }
}
