import Foundation
import RegioContent
import RegioSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per output folder. `build` holds the lock for its whole run and `serve` for its
/// whole life; a second writer is refused at once (not made to wait: a CI job or a terminal
/// that silently hangs is worse than a clear message). Two writers would remove each other's
/// staging folder and publish half a site.
///
/// An flock(2) on a file beside the output folder, named after the folder's exact name (so
/// `site` and `site-drafts` never share one), which works before the folder exists. The kernel
/// drops the lock when its process ends, however it ends, so a killed build never blocks the
/// next one. The holder removes the file when it is done; a writer that locked a file removed
/// meanwhile notices (the path no longer names what it locked) and tries again.
public final class OutputLock: @unchecked Sendable {
    /// The output folder this lock is for (standardised).
    public let output: URL
    let file: URL
    /// The open lock file; -1 once released.
    private let descriptor: Locked<Int32>

    private init(output: URL, file: URL, descriptor: Int32) {
        self.output = output
        self.file = file
        self.descriptor = Locked(descriptor)
    }

    deinit { release() }

    /// Takes the lock of `output`, or throws a ``Diagnostic`` saying who holds it.
    /// Creates the folders above `output` when they are missing (the lock lives beside it).
    public static func acquire(_ output: URL, displayBase: URL) throws -> OutputLock {
        let output = output.standardizedFileURL
        let shown = RelativePath.display(output, from: displayBase)
        let parent = output.deletingLastPathComponent()
        do {
            try LocalFileSystem().createDirectory(at: parent)
        } catch {
            throw Diagnostic.error(.cannotMakeParent, shown, SystemError.describe(errno), at: nil)
        }
        var file = OutputNames.lockFile(for: output)
        for _ in 0..<100 {
            var fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            // A volume mounted as output may sit in a folder nobody may write to (a read-only
            // container root); its lock then lives inside it, where the swap never moves it.
            if fd < 0, [EACCES, EROFS, EPERM].contains(errno), OutputNames.isMountPoint(output) {
                file = output.appendingPathComponent(OutputNames.insideLock)
                fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            }
            guard fd >= 0 else {
                throw Diagnostic.error(.cannotMakeLock, RelativePath.display(file, from: displayBase), SystemError.describe(errno), at: nil)
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = errno
                let holder = busy ? readHolder(fd) : nil
                close(fd)
                guard busy else {
                    throw Diagnostic.error(.cannotLock, shown, SystemError.describe(reason), at: nil)
                }
                throw Diagnostic.error(.outputBusy, holder.map { Phrase.process(Int($0)) } ?? Text(verbatim: ""), shown, at: nil)
            }
            var locked = stat(), named = stat()
            if fstat(fd, &locked) == 0, lstat(file.path, &named) == 0, locked.st_ino == named.st_ino, locked.st_dev == named.st_dev {
                let pid = Array("\(getpid())\n".utf8)
                _ = ftruncate(fd, 0)
                _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                return OutputLock(output: output, file: file, descriptor: fd)
            }
            close(fd)
        }
        throw Diagnostic.error(.lockKeepsChanging, shown, RelativePath.display(file, from: displayBase), at: nil)
    }

    /// Whether this lock is the one for `output`.
    public func covers(_ output: URL) -> Bool {
        descriptor.withLock { $0 >= 0 } && output.standardizedFileURL.path == self.output.path
    }

    /// Gives the lock up; removes the lock file first, while still holding it.
    public func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            unlink(file.path)
            close(descriptor)
            descriptor = -1
        }
    }

    /// The process id the holder wrote into the lock file.
    private static func readHolder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The names of what a build keeps beside (or, on a mount point, inside) its output folder.
/// Each carries the output folder's exact name and the writer's process id, so a leftover is
/// recognised exactly: never one of a folder whose name merely starts the same.
enum OutputNames {
    static let insideLock = ".regioportaal-lock"
    static let stagingPrefix = ".regioportaal-tmp-"
    static let oldPrefix = ".regioportaal-old-"

    /// The output folder's name as it appears in those names: the name itself, or for a long
    /// one its start and a hash of all of it, so the names stay within the 255-byte limit.
    static func key(_ output: URL) -> String {
        let name = output.standardizedFileURL.lastPathComponent
        guard name.utf8.count > 100 else { return name }
        var start = ""
        for character in name {
            guard start.utf8.count + String(character).utf8.count <= 60 else { break }
            start.append(character)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return start + "~" + String(hash, radix: 16)
    }

    static func lockFile(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".regioportaal-lock-\(key(output))")
    }

    /// A staging folder: beside the output, named after it; inside it (a mount point), without.
    static func staging(for output: URL, inside: Bool) -> URL {
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        return inside ? output.appendingPathComponent(stagingPrefix + stamp)
            : output.deletingLastPathComponent().appendingPathComponent("\(stagingPrefix)\(stamp)-\(key(output))")
    }

    /// Where the previous output waits during a swap.
    static func old(for output: URL, inside: Bool) -> URL {
        inside ? output.appendingPathComponent("\(oldPrefix)\(getpid())")
            : output.deletingLastPathComponent().appendingPathComponent("\(oldPrefix)\(getpid())-\(key(output))")
    }

    /// The process id in `name` when it is exactly the name of a staging or old folder of the
    /// output with `key` (nil: inside the output).
    static func leftoverProcess(_ name: String, key: String?) -> Int32? {
        func isNumber(_ part: Substring) -> Bool { !part.isEmpty && part.utf8.count <= 20 && part.utf8.allSatisfy { (48...57).contains($0) } }
        func digits(_ part: Substring) -> Int32? { isNumber(part) ? Int32(part) : nil }
        let tail = key.map { "-" + $0 } ?? ""
        guard name.hasSuffix(tail) else { return nil }
        let body = name.dropLast(tail.count)
        if body.hasPrefix(stagingPrefix) {
            let parts = body.dropFirst(stagingPrefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, isNumber(parts[1]) else { return nil }
            return digits(parts[0])
        }
        if body.hasPrefix(oldPrefix) {
            return digits(body.dropFirst(oldPrefix.count))
        }
        return nil
    }

    /// Whether `name`, at the root of an output folder, is one of our own entries there.
    static func isOwnEntryInside(_ name: String) -> Bool {
        name == OutputFolder.markerName || name == insideLock || leftoverProcess(name, key: nil) != nil
    }

    /// Whether process `pid` is gone (or is this one: then what it left is not in use either,
    /// since the caller holds the lock).
    static func isGone(_ pid: Int32) -> Bool {
        pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH)
    }

    /// Whether `folder` is a mount point (a container volume, for example): it cannot be
    /// renamed, so a build swaps the contents inside it instead of the folder itself.
    static func isMountPoint(_ folder: URL) -> Bool {
        var own = stat(), parent = stat()
        let path = folder.standardizedFileURL.path
        guard lstat(path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR,
              stat(folder.standardizedFileURL.deletingLastPathComponent().path, &parent) == 0 else { return false }
        if own.st_dev != parent.st_dev || own.st_ino == parent.st_ino { return true }
        // A bind mount of a folder of the same file system has the same device: the kernel's
        // list of mounts names it.
        guard let mounts = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return false }
        let real = OutputFolder.realPath(folder)
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count > 4, unescapeMountPath(fields[4]) == real { return true }
        }
        return false
    }

    /// mountinfo writes space, tab, newline and backslash as `\ooo`.
    private static func unescapeMountPath(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(field.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3, let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// System errors in words for the person at the terminal.
enum SystemError {
    static func describe(_ code: Int32) -> Text {
        switch code {
        case ENOSPC: return Phrase.sysDiskFull()
        case EDQUOT: return Phrase.sysQuota()
        case EACCES, EPERM: return Phrase.sysNoRights()
        case EROFS: return Phrase.sysReadOnly()
        case ENAMETOOLONG: return Phrase.sysNameTooLong()
        case ENOENT: return Phrase.sysNoFolder()
        case ENOTDIR: return Phrase.sysNotDir()
        case EEXIST: return Phrase.sysExists()
        case EBUSY: return Phrase.sysBusy()
        case EXDEV: return Phrase.sysOtherDisk()
        case EIO: return Phrase.sysIO()
        case ELOOP: return Phrase.sysLoop()
        default: return Text(verbatim: String(cString: strerror(code)))
        }
    }
}
