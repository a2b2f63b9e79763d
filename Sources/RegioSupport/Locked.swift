import Foundation

/// A value behind a lock: the one lock type of the package, for the little state that
/// caches, background jobs, request handlers, the watcher and the builder share.
/// `NSLock` rather than `Mutex` so the package builds on macOS 14 too.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    package var current: Value { withLock { $0 } }
}
