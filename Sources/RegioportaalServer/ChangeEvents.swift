import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Which paths the kernel says changed, so that the watcher re-stamps those instead of
/// walking every folder on every poll (with 10,000 updates a walk costs about 100 ms).
///
/// Linux only (inotify); elsewhere, or when inotify cannot be set up (no watches left, a
/// file system without events), `start` returns nil and the watcher walks the tree. A lost
/// event queue (overflow) or a moved folder makes the next poll a full walk, so the watcher
/// never trusts events it cannot account for.
final class ChangeEvents: @unchecked Sendable {
    /// What happened since the last drain.
    enum Drained: Equatable {
        /// These paths (files or folders) may have changed; all others did not.
        case paths(Set<String>)
        /// Events were lost or cannot be mapped to paths: compare a full walk.
        case unknown
    }

    #if os(Linux)
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB
                                     | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }
    #endif

    /// Starts listening; `folders` are watched at once (add later ones with ``watch(_:)``).
    static func start(folders: [String]) -> ChangeEvents? {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let events = ChangeEvents(descriptor: fd)
        for folder in folders { guard events.watch(folder) else { return nil } }
        return events
        #else
        return nil
        #endif
    }

    /// Watches one more folder (not its subfolders); watching a folder twice is harmless.
    @discardableResult
    func watch(_ folder: String) -> Bool {
        #if os(Linux)
        let wd = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW))
        guard wd >= 0 else { return false }
        folders[wd] = folder
        return true
        #else
        return false
        #endif
    }

    /// Everything reported since the last call, without blocking.
    func drain() -> Drained {
        #if os(Linux)
        var paths = Set<String>()
        var lost = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { break }
                return .unknown
            }
            if count == 0 { break }
            var offset = 0
            while offset + 16 <= count {
                // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { lost = true; continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
                guard let folder = folders[wd] else { lost = true; continue }
                if mask & UInt32(IN_MOVE_SELF) != 0 {
                    // The folder now lives elsewhere and its watch would report the old path.
                    inotify_rm_watch(descriptor, wd)
                    folders[wd] = nil
                    lost = true
                    continue
                }
                paths.insert(nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self))
            }
        }
        return lost ? .unknown : .paths(paths)
        #else
        return .unknown
        #endif
    }
}
