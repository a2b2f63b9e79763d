import Foundation

/// What the caches of a long-running process (the preview server) have in common: a
/// thread-safe map from a key to a value and the stamp it was made for. A lookup hits only
/// when the stamp is equal, so a stale value is never returned; `retain` drops what is gone.
final class KeyedCache<Key: Hashable & Sendable, Stamp: Equatable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: (stamp: Stamp, value: Value)] = [:]

    init() {}

    func value(for key: Key, stamp: Stamp) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.stamp == stamp else { return nil }
        return entry.value
    }

    /// The value for `key` made for `stamp`, made now (and kept) when there is none.
    func value(for key: Key, stamp: Stamp, orMake make: () -> Value) -> Value {
        if let known = value(for: key, stamp: stamp) { return known }
        let made = make()
        store(made, for: key, stamp: stamp)
        return made
    }

    func store(_ value: Value, for key: Key, stamp: Stamp) {
        lock.lock()
        entries[key] = (stamp, value)
        lock.unlock()
    }

    /// The values for many keys under one lock; nil where there is none for the stamp (or no stamp).
    func values(for keys: [(Key, Stamp?)]) -> [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return keys.map { key, stamp in
            guard let stamp, let entry = entries[key], entry.stamp == stamp else { return nil }
            return entry.value
        }
    }

    /// Stores many values under one lock.
    func store(_ values: [(Key, Stamp, Value)]) {
        guard !values.isEmpty else { return }
        lock.lock()
        for (key, stamp, value) in values { entries[key] = (stamp, value) }
        lock.unlock()
    }

    var count: Int { lock.withLock { entries.count } }

    /// Forgets every key not in `keys`.
    func retain(_ keys: Set<Key>) {
        lock.lock()
        entries = entries.filter { keys.contains($0.key) }
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        entries = [:]
        lock.unlock()
    }
}
