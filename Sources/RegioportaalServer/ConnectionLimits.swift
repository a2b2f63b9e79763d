import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

/// Bounds what one client can hold open: a connection that has not finished sending its
/// request headers within `headerTimeout` (a half-sent request, or a keep-alive connection
/// that sends nothing more) is closed, and at most `maximumConnections` are open at once.
/// Without this, a few hundred half-sent requests stay open indefinitely. Event streams are
/// unaffected: their request headers arrived long ago.
struct ConnectionLimits: Sendable {
    var headerTimeout: Duration
    var maximumConnections: Int

    private let open = NIOLockedValueBox(0)

    init(headerTimeout: Duration, maximumConnections: Int) {
        self.headerTimeout = headerTimeout
        self.maximumConnections = maximumConnections
    }

    /// The number of connections open now (tests).
    var openConnections: Int { open.withLockedValue { $0 } }

    func handler() -> Handler { Handler(limits: self) }

    /// Admits one more connection, or says it is one too many.
    fileprivate func admit() -> Bool {
        open.withLockedValue { count in
            guard count < maximumConnections else { return false }
            count += 1
            return true
        }
    }

    fileprivate func release() { open.withLockedValue { $0 -= 1 } }

    /// Sits after the HTTP codec: a request head is a complete set of headers.
    final class Handler: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart

        private let limits: ConnectionLimits
        private var admitted = false
        private var deadline: Scheduled<Void>?

        fileprivate init(limits: ConnectionLimits) { self.limits = limits }

        func handlerAdded(context: ChannelHandlerContext) {
            guard limits.admit() else {
                context.close(promise: nil)
                return
            }
            admitted = true
            startDeadline(context)
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            deadline?.cancel()
            deadline = nil
            if admitted {
                admitted = false
                limits.release()
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            handlerRemoved(context: context)
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head = unwrapInboundIn(data) {
                deadline?.cancel()
                deadline = nil
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            // A finished response on a kept-alive connection waits for the next request's headers.
            if case .end = unwrapOutboundIn(data), admitted { startDeadline(context) }
            context.write(data, promise: promise)
        }

        private func startDeadline(_ context: ChannelHandlerContext) {
            deadline?.cancel()
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: TimeAmount(limits.headerTimeout)) {
                bound.value.close(promise: nil)
            }
        }
    }
}
