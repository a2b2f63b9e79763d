/// Decides when a burst of changes has settled enough to rebuild.
///
/// Editors and `git checkout` write several files in quick succession; rebuilding after the
/// first one would build a half-saved state and then build again. The rule: rebuild once
/// the tree has been quiet for `quietPeriod`, but never wait longer than `maximumDelay`
/// after the first change, so a file that keeps changing cannot starve the preview.
///
/// Pure state machine over instants the caller passes in: tested without sleeping.
public struct Debouncer<Instant: InstantProtocol>: Sendable where Instant.Duration == Swift.Duration {
    public let quietPeriod: Duration
    public let maximumDelay: Duration
    private var firstChange: Instant?
    private var lastChange: Instant?

    public init(quietPeriod: Duration, maximumDelay: Duration) {
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Changes were seen and not yet built.
    public var isPending: Bool { lastChange != nil }

    /// Records one poll. Returns true when the caller should rebuild now.
    public mutating func observe(changed: Bool, at now: Instant) -> Bool {
        if changed {
            if firstChange == nil { firstChange = now }
            lastChange = now
        }
        guard let first = firstChange, let last = lastChange else { return false }
        let settled = !changed && last.duration(to: now) >= quietPeriod
        let overdue = first.duration(to: now) >= maximumDelay
        guard settled || overdue else { return false }
        firstChange = nil
        lastChange = nil
        return true
    }

    /// How long to sleep before the next poll: the regular interval, or less while a
    /// change is waiting to settle, so the rebuild starts as soon as it may.
    public func nextPoll(interval: Duration, now: Instant) -> Duration {
        guard let last = lastChange else { return interval }
        let remaining = quietPeriod - last.duration(to: now)
        return max(.milliseconds(1), min(interval, remaining))
    }
}
