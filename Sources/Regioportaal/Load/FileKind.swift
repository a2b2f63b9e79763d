import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path is, asked with `lstat` (links are not followed) before anything opens it:
/// opening a named pipe blocks until something writes to it, so a FIFO dropped into a
/// project folder would hang a build (and CI) forever.
public enum FileKind: Equatable, Sendable {
    case regular, directory, symbolicLink
    /// A named pipe, socket or device: never read.
    case special(String)
    case missing

    public init(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            self = .missing
            return
        }
        self.init(mode: status.st_mode)
    }

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .special("a named pipe")
        case S_IFSOCK: self = .special("a socket")
        case S_IFCHR, S_IFBLK: self = .special("a device")
        default: self = .special("not a regular file")
        }
    }

    /// For messages: "is a named pipe, not a file".
    var refusal: String {
        switch self {
        case .special(let what): return "\(what), not a regular file: it is not read"
        case .symbolicLink: return "a symbolic link: links are not followed"
        case .directory: return "a folder, not a file"
        case .missing: return "missing"
        case .regular: return "a regular file"
        }
    }
}

extension FileKind {
    /// Reads a regular file whole, or says why not: a link fails to open (`O_NOFOLLOW`), a
    /// named pipe opens at once (`O_NONBLOCK`) and is refused by fstat instead of blocking.
    static func readRegularFile(_ path: String, limit: Int = .max) -> Result<Data, ReadRefusal> {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ELOOP ? .kind(.symbolicLink) : .failed(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.failed(String(cString: strerror(errno)))) }
        let kind = FileKind(mode: status.st_mode)
        guard kind == .regular else { return .failure(.kind(kind)) }
        var data = Data(count: max(Int(status.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                guard data.count <= limit else { return .failure(.tooLarge) }
                data.count *= 2
            }
            let n = data.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.failed(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            filled += n
        }
        guard filled <= limit else { return .failure(.tooLarge) }
        data.count = filled
        return .success(data)
    }

    enum ReadRefusal: Error, Equatable, CustomStringConvertible {
        case kind(FileKind)
        case tooLarge
        case failed(String)

        var description: String {
            switch self {
            case .kind(let kind): return "it is \(kind.refusal)"
            case .tooLarge: return "it is too large"
            case .failed(let reason): return reason
            }
        }
    }
}
