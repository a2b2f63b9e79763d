import Foundation

#if canImport(Glibc)
import Glibc
private let systemClose = Glibc.close
private let systemSend = Glibc.send
#elseif canImport(Darwin)
import Darwin
private let systemClose = Darwin.close
private let systemSend = Darwin.send
#endif

/// A minimal HTTP/1.1 client over a plain socket. URLSession and curl normalise `..`
/// segments before sending; this sends the request target exactly as written, which is
/// what an attacker does.
struct RawHTTP {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    enum Failure: Error { case socket(String) }

    let port: Int

    /// The Host header a browser sends to the preview.
    var host: String { "127.0.0.1:\(port)" }

    /// One request with `Connection: close`; reads until the server closes (at most 15 s).
    /// `host` nil sends no Host header at all.
    func request(_ target: String, method: String = "GET", host: String?? = .none) async throws -> Reply {
        let connection = try Connection(port: port)
        defer { connection.close() }
        let hostLine = (host ?? self.host).map { "Host: \($0)\r\n" } ?? ""
        try connection.send("\(method) \(target) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n")
        let deadline = ContinuousClock.now + .seconds(15)
        var raw: [UInt8] = []
        while ContinuousClock.now < deadline, let chunk = try await connection.receive() { raw += chunk }
        return try Self.parse(String(decoding: raw, as: UTF8.self))
    }

    static func parse(_ raw: String) throws -> Reply {
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure.socket("no header end in \(raw.prefix(200))") }
        let lines = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }

    /// A blocking socket with a receive timeout; reads run on a Dispatch thread so they do
    /// not hold a thread of the cooperative pool the server also uses.
    final class Connection: @unchecked Sendable {
        let fd: Int32

        /// `timeout` bounds one `receive`; callers loop against their own deadline.
        init(port: Int, timeout: Int = 1) throws {
            #if canImport(Glibc)
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            fd = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            guard fd >= 0 else { throw Failure.socket("socket") }
            var time = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else { _ = systemClose(fd); throw Failure.socket("connect to port \(port)") }
        }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { systemSend(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { throw Failure.socket("send") }
                sent += n
            }
        }

        /// The next bytes (none when nothing arrived within the timeout), or nil when the
        /// server closed the connection.
        func receive() async throws -> [UInt8]? {
            let fd = self.fd
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    var buffer = [UInt8](repeating: 0, count: 65536)
                    let n = recv(fd, &buffer, buffer.count, 0)
                    if n > 0 {
                        continuation.resume(returning: Array(buffer[..<n]))
                    } else if n == 0 {
                        continuation.resume(returning: nil)
                    } else if errno == EAGAIN || errno == EWOULDBLOCK {
                        continuation.resume(returning: [])
                    } else {
                        continuation.resume(throwing: Failure.socket("recv: errno \(errno)"))
                    }
                }
            }
        }

        func close() { _ = systemClose(fd) }
    }
}
