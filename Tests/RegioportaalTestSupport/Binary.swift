import Foundation
import Testing

/// The `regioportaal` executable that `swift build --build-tests` (and `swift test`) put
/// beside the test bundle, for tests that need two processes or the command line itself.
package enum Binary {
    package static let url: URL? = {
        let bundle = Bundle.main.bundleURL
        let folders = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), bundle.deletingLastPathComponent(), bundle,
                       TestSite.repository.appendingPathComponent(".build/debug")]
        return folders.map { $0.appendingPathComponent("regioportaal") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    package struct Run {
        package let process: Process
        package let stdout: URL
        package let stderr: URL

        /// Waits at most `seconds` (then kills it and fails the test); returns the exit status
        /// and what it printed to standard error.
        package func wait(seconds: Double = 120) -> (status: Int32, stderr: String) {
            let result = waitForOutput(seconds: seconds)
            return (result.status, result.stderr)
        }

        /// As ``wait(seconds:)``, with what it printed to standard output too.
        package func waitForOutput(seconds: Double = 120) -> (status: Int32, stdout: String, stderr: String) {
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async { process.waitUntilExit(); done.signal() }
            if done.wait(timeout: .now() + seconds) == .timedOut {
                process.terminate()
                process.waitUntilExit()
                Issue.record("regioportaal \(process.arguments ?? []) did not end within \(seconds) s")
            }
            let text = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            let out = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: stdout)
            try? FileManager.default.removeItem(at: stderr)
            return (process.terminationStatus, out, text)
        }
    }

    /// Starts `regioportaal arguments…` in `folder` (or `executable` instead, e.g. `unshare`,
    /// with the binary's path among its arguments).
    /// `environment` is added to this process's environment (the variables it names replace
    /// this process's).
    package static func start(_ arguments: [String], in folder: URL, executable: URL? = nil,
                              environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(url, "the regioportaal executable was not built beside the tests")
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let id = UUID().uuidString
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("regioportaal-\(id).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("regioportaal-\(id).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Run(process: process, stdout: out, stderr: err)
    }

    package static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stderr: String) {
        try start(arguments, in: folder).wait()
    }
}
