import Foundation
import RegioContent
import Regioportaal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `serve` could not start, in words for the person at the terminal.
public struct PreviewServerError: Error, CustomStringConvertible {
    public var description: String
    /// The refusal of the output folder, when that is why.
    public var diagnostic: Diagnostic?

    public init(description: String) { self.description = description }

    init(_ diagnostic: Diagnostic) {
        description = diagnostic.message + (diagnostic.hint.map { "\n  \($0)" } ?? "")
        self.diagnostic = diagnostic
    }
}

enum PortCheck {
    /// Fails fast, before the first build, when the port is taken (typically a `serve`
    /// still running in another terminal). Binds and releases at once; a race with
    /// another program is harmless, the server's own bind then reports it.
    static func ensureFree(host: String, port: Int) throws {
        guard port != 0 else { return }
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return }
        defer { close(fd) }
        // As the server does: a port whose last connections are in TIME_WAIT is free.
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 && errno == EADDRINUSE {
            throw PreviewServerError(.error(.portInUse, port, host, at: nil))
        }
    }
}
