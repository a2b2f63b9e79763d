import Foundation
import Hummingbird
import Logging
import RegioContent
import RegioSupport
import Regioportaal
import ServiceLifecycle
import UnixSignals

/// `regioportaal serve`: builds the site, serves the output folder on 127.0.0.1, rebuilds
/// when Content/, Templates/ or Public/ change, and makes open pages reload themselves.
///
/// A failed rebuild never stops the server: the pipeline leaves the last good output in
/// place, and the errors go to every open page as an overlay.
public struct PreviewServer: Service {
    /// Loopback only, and not configurable: the preview serves drafts and must never be
    /// reachable from the network.
    public static let host = "127.0.0.1"

    public var options: BuildOptions
    /// 0 picks a free port (tests); the port in use is passed to `onReady`.
    public var port: Int
    public var watcher: FileWatcher
    /// Where the one-line build summaries go.
    public var log: @Sendable (String) -> Void
    /// Stop gracefully on SIGINT/SIGTERM. Off when the server runs inside another
    /// `ServiceGroup` (tests), which then shuts it down.
    public var handleSignals = true
    /// How long a connection may take to send its request headers, and how many may be open
    /// at once (each open page holds one for live reload).
    public var headerTimeout: Duration = .seconds(10)
    public var maximumConnections = 256
    /// Called with the bound port once the server accepts connections.
    public var onReady: @Sendable (Int) async -> Void = { _ in }

    public init(options: BuildOptions, port: Int = 8000, log: @escaping @Sendable (String) -> Void = PreviewServer.standardError) {
        self.options = options
        self.port = port
        self.log = log
        watcher = FileWatcher(roots: [options.content, options.templates, options.publicFolder], excluding: [options.output])
    }

    /// Builds once, then serves and watches until SIGINT/SIGTERM (when `handleSignals`),
    /// a graceful shutdown of an enclosing service group, or cancellation.
    public func run() async throws {
        guard (0...65535).contains(port) else { throw PreviewServerError(description: "--port must be between 0 (any free port) and 65535, got \(port)") }
        try PortCheck.ensureFree(host: Self.host, port: port)
        // An output that a build would refuse is never served (`--output .` would serve the
        // project, .git included), and no other build or preview may write it while this one runs.
        var options = self.options
        if let refusal = OutputFolder.refusal(for: options) { throw PreviewServerError(refusal) }
        let lock: OutputLock
        do { lock = try OutputLock.acquire(options.output, displayBase: options.displayBase) } catch let refusal as Diagnostic {
            throw PreviewServerError(refusal)
        }
        defer { lock.release() }
        // Checked again under the lock: another writer may have finished just before.
        if let refusal = OutputFolder.refusal(for: options) { throw PreviewServerError(refusal) }
        options.outputLock = lock
        let builder = SiteBuilder(options: options)
        let hub = ReloadHub()
        let log = self.log, language = options.language
        // Snapshot before the first build, so edits made while it runs are not missed.
        let before = watcher.scan()
        guard let first = await builder.build() else { return }
        log(BuildSummary.line(first, changes: nil, displayBase: options.displayBase, language: options.language))
        BuildSummary.explanation(first).forEach(log)

        var logger = Logger(label: "regioportaal.serve")
        logger.logLevel = .warning
        let requested = port, onReady = self.onReady, handleSignals = self.handleSignals
        let limits = ConnectionLimits(headerTimeout: headerTimeout, maximumConnections: maximumConnections)
        let boundPort = Locked(requested)
        let app = Application(
            responder: PreviewResponder(output: options.output, builder: builder, hub: hub, port: boundPort),
            server: .http1(configuration: .init(additionalChannelHandlers: [limits.handler()])),
            configuration: ApplicationConfiguration(address: .hostname(Self.host, port: requested)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? requested
                boundPort.withLock { $0 = bound }
                log(Phrase.serving("http://\(Self.host):\(bound)\(builder.current.basePath)")[language])
                await onReady(bound)
            },
            logger: logger
        )
        let watch = WatchService(watcher: watcher, since: before, builder: builder, hub: hub, displayBase: options.displayBase, language: options.language, log: log)
        // Graceful shutdown runs in reverse order: the watcher first, which ends the
        // event streams, so the HTTP server is not left waiting for open pages.
        var configuration = ServiceGroupConfiguration(
            services: [app, watch],
            gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// Prints `[HH:mm:ss] line` to standard error, local time, 24-hour clock.
    public static let standardError: @Sendable (String) -> Void = { line in
        let t = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
        let time = [t.hour, t.minute, t.second].map { String(format: "%02d", $0 ?? 0) }.joined(separator: ":")
        FileHandle.standardError.write(Data("[\(time)] \(line)\n".utf8))
    }
}

/// The watcher as a service of the group: rebuilds on change, tells the pages, and pings
/// them now and then so closed tabs are noticed.
struct WatchService: Service {
    let watcher: FileWatcher
    let since: Snapshot
    let builder: SiteBuilder
    let hub: ReloadHub
    let displayBase: URL
    let language: Language
    let log: @Sendable (String) -> Void

    func run() async throws {
        let watcher = self.watcher, since = self.since, builder = self.builder, hub = self.hub
        let displayBase = self.displayBase, log = self.log, language = self.language
        do {
            try await cancelWhenGracefulShutdown {
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask {
                        try await watcher.run(since: since) { changes in
                            guard let outcome = await builder.build(changes: changes) else { return }
                            log(BuildSummary.line(outcome, changes: changes, displayBase: displayBase, language: language))
                            BuildSummary.explanation(outcome).forEach(log)
                            hub.publish(builder.current)
                        }
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: .seconds(10))
                            hub.ping()
                        }
                    }
                }
            }
        } catch is CancellationError {
            // Shutdown: fall through and release the open pages.
        }
        hub.close()
    }
}
