import Foundation

/// What the caches of a long-running process (the preview server) have in common: a
/// thread-safe map from a key to a value and the stamp it was made for. A lookup hits only
/// when the stamp is equal, so a stale value is never returned; `retain` drops what is gone.
package final class KeyedCache<Key: Hashable & Sendable, Stamp: Equatable, Value>: @unchecked Sendable {
    private let entries = Locked<[Key: (stamp: Stamp, value: Value)]>([:])

    package init() {}

    package func value(for key: Key, stamp: Stamp) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.stamp == stamp else { return nil }
            return entry.value
        }
    }

    /// The value for `key` made for `stamp`, made now (and kept) when there is none.
    package func value(for key: Key, stamp: Stamp, orMake make: () -> Value) -> Value {
        if let known = value(for: key, stamp: stamp) { return known }
        let made = make()
        store(made, for: key, stamp: stamp)
        return made
    }

    package func store(_ value: Value, for key: Key, stamp: Stamp) {
        entries.withLock { $0[key] = (stamp, value) }
    }

    /// The values for many keys under one lock; nil where there is none for the stamp (or no stamp).
    package func values(for keys: [(Key, Stamp?)]) -> [Value?] {
        entries.withLock { entries in
            keys.map { key, stamp in
                guard let stamp, let entry = entries[key], entry.stamp == stamp else { return nil }
                return entry.value
            }
        }
    }

    /// Stores many values under one lock.
    package func store(_ values: [(Key, Stamp, Value)]) {
        guard !values.isEmpty else { return }
        entries.withLock { entries in
            for (key, stamp, value) in values { entries[key] = (stamp, value) }
        }
    }

    package var count: Int { entries.withLock { $0.count } }

    /// Forgets every key not in `keys`.
    package func retain(_ keys: Set<Key>) {
        entries.withLock { entries in entries = entries.filter { keys.contains($0.key) } }
    }

    package func removeAll() {
        entries.withLock { $0 = [:] }
    }
}
