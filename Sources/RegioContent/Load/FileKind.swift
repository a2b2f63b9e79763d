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
    case special(Text)
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
        case S_IFIFO: self = .special(Phrase.namedPipe())
        case S_IFSOCK: self = .special(Phrase.socket())
        case S_IFCHR, S_IFBLK: self = .special(Phrase.device())
        default: self = .special(Phrase.notRegular())
        }
    }

    /// For messages: "is a named pipe, not a file".
    package var refusal: Text {
        switch self {
        case .special(let what): return Phrase.refusalSpecial(what)
        case .symbolicLink: return Phrase.refusalLink()
        case .directory: return Phrase.refusalFolder()
        case .missing: return Phrase.refusalMissing()
        case .regular: return Phrase.refusalRegular()
        }
    }
}

extension FileKind {
    /// Reads a regular file whole, or says why not: a link fails to open (`O_NOFOLLOW`), a
    /// named pipe opens at once (`O_NONBLOCK`) and is refused by fstat instead of blocking.
    package static func readRegularFile(_ path: String, limit: Int = .max) -> Result<Data, ReadRefusal> {
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

    package enum ReadRefusal: Error, Equatable, CustomStringConvertible {
        case kind(FileKind)
        case tooLarge
        case failed(String)

        package var description: String {
            switch self {
            case .kind(let kind): return "it is \(kind.refusal.en)"
            case .tooLarge: return "it is too large"
            case .failed(let reason): return reason
            }
        }

        /// Why, in both languages.
        package var text: Text {
            switch self {
            case .kind(let kind): return Phrase.itIs(kind.refusal)
            case .tooLarge: return Phrase.tooLarge()
            case .failed(let reason): return Text(verbatim: reason)
            }
        }
    }
}

/// Names the build passes over without a word: hidden files (`.x`, which includes Vim's swap
/// files `.x.md.swp` and Emacs' lock files `.#x.md`) and editors' backup and autosave files
/// (`x.md~`, `#x.md#`). The preview's watcher ignores them too.
public enum IgnoredNames {
    public static func contains(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.utf8.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
    }
}

/// A folder's names as the file system has them. `FileManager` leaves out names that are not
/// UTF-8 without a word; this returns their bytes, so they can be reported.
package enum DirectoryListing {
    package struct Failure: Error { let reason: String }

    /// The UTF-8 names, sorted, and the bytes of every other name.
    package static func read(_ path: String) throws(Failure) -> (names: [String], invalid: [[UInt8]]) {
        guard let directory = opendir(path) else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { closedir(directory) }
        var names: [String] = [], invalid: [[UInt8]] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if let name = String(validating: bytes, as: UTF8.self) { names.append(name) } else { invalid.append(bytes) }
        }
        return (names.sorted(), invalid.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// A name that is not UTF-8, readable: printable ASCII as it is, every other byte as `\xE9`.
    static func escaped(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            (0x20..<0x7F).contains(byte) && byte != UInt8(ascii: "\\") ? String(UnicodeScalar(byte))
                : "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }.joined()
    }

    /// The error for a name that is not UTF-8, at the folder that holds it.
    package static func refusal(_ bytes: [UInt8], in folder: String) -> Diagnostic {
        .error(.fileNameNotUTF8, folder, escaped(bytes), at: SourceLocation(file: folder, line: 1, column: 1))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
