import Foundation

/// `REGIOPORTAAL_TIMINGS=1` prints the wall time of each stage of a build to standard error,
/// for profiling; without it, marks cost nothing.
package struct StageTimer {
    package static let enabled = ProcessInfo.processInfo.environment["REGIOPORTAAL_TIMINGS"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds

    package init() {}

    /// Reports the time since the previous mark (or since the timer was made).
    package mutating func mark(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data("timing \(stage): \((now - last) / 1_000_000) ms\n".utf8))
        last = now
    }

    /// Prints a line of detail under the current stage.
    package func note(_ line: String) {
        guard Self.enabled else { return }
        FileHandle.standardError.write(Data("timing \(line)\n".utf8))
    }
}
