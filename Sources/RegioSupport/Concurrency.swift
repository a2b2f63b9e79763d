import Foundation

/// Order-preserving parallel map over all cores.
///
/// Dispatch's `concurrentPerform` rather than a task group: every stage is synchronous CPU
/// work on values, and `concurrentPerform` runs it on exactly as many threads as there are
/// cores, with no suspension points and no executor hops.
package enum ConcurrentMap {
    /// `granularity` is the number of items a worker takes at a time; by default a quarter of
    /// an even share. Give 1 when items differ much in cost (pages: one change page costs as
    /// much as a thousand update pages), or one large item at the end keeps one core busy alone.
    ///
    /// Items for which `first` holds are started before all others (results stay in order):
    /// with granularity 1, a few large items started last leave the other cores idle at the end.
    @inlinable
    package static func map<T: Sendable, R: Sendable>(_ items: [T], granularity: Int? = nil, first: ((T) -> Bool)? = nil,
                                                     _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let order: [Int]? = first.map { isFirst in
            let early = items.indices.filter { isFirst(items[$0]) }
            return early.isEmpty ? Array(items.indices) : early + items.indices.filter { !isFirst(items[$0]) }
        }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let box = UnsafeSendable(results)
        items.withUnsafeBufferPointer { input in
            let inputBox = UnsafeSendable(input)
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let chunk = granularity.map { max(1, $0) } ?? max(1, (items.count + workers * 4 - 1) / (workers * 4))
            let chunks = (items.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk, end = min(items.count, start + chunk)
                for position in start..<end {
                    let i = order?[position] ?? position
                    box.value[i] = transform(inputBox.value[i])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Each index is written by exactly one worker, so sharing the buffer is safe.
@usableFromInline
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}

/// A value made on another thread from the moment it is declared, waited for where it is
/// first needed: lets independent stages of a build overlap on two cores.
package final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    package init(_ make: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = make()
            group.leave()
        }
    }

    /// Blocks until the value is made (`wait` orders its write before this read).
    package var value: Value {
        group.wait()
        return result!
    }
}

/// A value a background job leaves for the code that waits for it (``BackgroundJobs/wait()``
/// orders the job's write before the read).
package final class Slot<Value>: @unchecked Sendable {
    package var value: Value?

    package init() {}
}

/// Work started on other threads at once and collected, in the order given, by `wait`.
package final class BackgroundJobs<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let results: Locked<[(name: String, value: Value?, nanoseconds: UInt64)]>

    package init(_ jobs: [(name: String, make: @Sendable () -> Value)]) {
        results = Locked(jobs.map { ($0.name, nil, 0) })
        for (index, job) in jobs.enumerated() {
            DispatchQueue.global(qos: .userInitiated).async(group: group) { [results] in
                let started = DispatchTime.now().uptimeNanoseconds
                let value = job.make()
                let spent = DispatchTime.now().uptimeNanoseconds - started
                results.withLock { $0[index] = (job.name, value, spent) }
            }
        }
    }

    /// Blocks until every job is done.
    package func wait() -> [(name: String, value: Value, nanoseconds: UInt64)] {
        group.wait()
        return results.withLock { $0.map { ($0.name, $0.value!, $0.nanoseconds) } }
    }
}
