import Foundation
import RegioContent
import RegioSupport
import Regioportaal

/// Everything the preview adds to the site lives under this prefix, outside any base path,
/// so it can never collide with a generated page.
public enum LiveReload {
    public static let prefix = "/__regioportaal/"
    public static let eventsPath = prefix + "events"
    public static let scriptPath = prefix + "reload.js"
    public static let stylesheetPath = prefix + "overlay.css"

    /// External, not inline: every page carries a CSP with `script-src 'self'`.
    public static let scriptTag = "<script src=\"\(scriptPath)\" defer></script>"

    /// Inserts the reload script just before the last `</body>` (any case), or at the end
    /// when a page has none. Works on bytes: pages are served as they were written.
    public static func inject(into html: Data) -> Data {
        let tag = Data(scriptTag.utf8)
        guard let at = lastBodyClose(in: html) else { return html + tag }
        var result = Data(capacity: html.count + tag.count)
        result.append(html[html.startIndex..<at])
        result.append(tag)
        result.append(html[at...])
        return result
    }

    private static func lastBodyClose(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](html)
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1) {
            var match = true
            for (offset, expected) in needle.enumerated() where bytes[start + offset] | 0x20 != expected | 0x20 {
                match = false
                break
            }
            if match { return html.startIndex + start }
        }
        return nil
    }

    /// One server-sent event. Multi-line data becomes several `data:` lines, which the
    /// browser joins with newlines again.
    public static func event(_ name: String, data: String) -> String {
        var text = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }

    /// The payload of an `error` event: the diagnostics in the generator's JSON format.
    public static func errorEvent(_ diagnostics: [Diagnostic]) -> String {
        event("error", data: DiagnosticFormatter.json(diagnostics).trimmingCharacters(in: .newlines))
    }
}

/// Fans build results out to every open page over server-sent events.
///
/// Each subscriber gets an `AsyncStream` of ready-to-write SSE chunks. The stream buffers
/// only the newest few chunks, so a stalled browser tab cannot make the server hoard memory.
final class ReloadHub: Sendable {
    private struct State {
        var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
        var closed = false
    }

    private let state = Locked(State())

    var subscriberCount: Int { state.current.subscribers.count }

    /// A new page connected. It first learns the site version (to detect that it missed a
    /// rebuild while disconnected) and, when the latest build failed, the errors.
    func subscribe(status: SiteStatus) -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        // Reconnect quickly after a server restart; the page then sees a new version.
        continuation.yield("retry: 500\n\n" + LiveReload.event("hello", data: status.version))
        if let failure = status.failure { continuation.yield(LiveReload.errorEvent(failure)) }
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.subscribers[id] = continuation
            return true
        }
        guard accepted else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every page what the latest build did.
    func publish(_ status: SiteStatus) {
        broadcast(status.failure.map(LiveReload.errorEvent) ?? LiveReload.event("reload", data: status.version))
    }

    /// A comment line every few seconds: lets the server notice closed tabs (the write
    /// fails) and keeps proxies from timing the stream out.
    func ping() { broadcast(": ping\n\n") }

    /// Ends every stream and refuses new ones, so a graceful shutdown is not held up by
    /// open pages (their responses would otherwise never finish).
    func close() {
        let continuations = state.withLock { state -> [AsyncStream<String>.Continuation] in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        continuations.forEach { $0.finish() }
    }

    private func broadcast(_ chunk: String) {
        let continuations = state.withLock { Array($0.subscribers.values) }
        for continuation in continuations { continuation.yield(chunk) }
    }
}
