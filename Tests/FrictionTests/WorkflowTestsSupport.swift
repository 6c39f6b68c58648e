import Foundation
import Testing

/// Helpers for the workflow tests: temporary folders and git repositories,
/// and commands run with a time limit.
enum Workflow {
    /// A new empty folder under the system's temporary folder.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("friction-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve /tmp symlinks (macOS) so paths compare equal.
        return url.resolvingSymlinksInPath()
    }

    /// An environment where git ignores the user's configuration and has an
    /// identity, so commits work on any machine.
    static func gitEnvironment(extraPath: [String] = []) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("GIT_") { environment[key] = nil }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_AUTHOR_NAME"] = "Friction Tests"
        environment["GIT_AUTHOR_EMAIL"] = "tests@example.com"
        environment["GIT_COMMITTER_NAME"] = "Friction Tests"
        environment["GIT_COMMITTER_EMAIL"] = "tests@example.com"
        environment["NO_COLOR"] = "1"
        if !extraPath.isEmpty {
            environment["PATH"] = (extraPath + [environment["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
        }
        return environment
    }

    struct Output {
        var status: Int32
        /// Standard output and standard error together, in order.
        var text: String
        var timedOut: Bool
    }

    /// Runs a program (looked up on PATH) and stops it after `timeout` seconds.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in directory: URL,
                    environment: [String: String]? = nil, timeout: TimeInterval = 120) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // coreutils `timeout` stops the whole process group (a hook's
        // children too), so the pipe closes and the read below ends.
        let hasTimeout = FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout")
        process.arguments = (hasTimeout ? ["timeout", "-k", "10", String(Int(timeout))] : []) + [program] + arguments
        process.currentDirectoryURL = directory
        process.environment = environment ?? gitEnvironment()
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let timedOut = process.terminationReason == .uncaughtSignal || (hasTimeout && process.terminationStatus == 124)
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self), timedOut: timedOut)
    }

    /// Runs git and requires it to succeed.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> String {
        let output = try run("git", arguments, in: directory, environment: environment)
        try #require(output.status == 0, "git \(arguments.joined(separator: " ")) failed: \(output.text)")
        return output.text
    }

    /// A new git repository with no commits.
    static func repository(_ name: String) throws -> URL {
        let directory = try temporaryDirectory(name)
        try git(["init", "-q"], in: directory)
        return directory
    }

    static func write(_ text: String, to relative: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A policy with an owner and a review date, whose body is `body`.
    static func policy(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\nowner: Customer Service\nreview: 2026-01-01\n---\n\n# \(title)\n\n\(body)\n"
    }

    static let rigidSentence = "Refunds will not be issued under any circumstances."
    static let cleanSentence = "Store managers may approve a refund up to 100 dollars when a customer has no receipt."

    /// Findings in `friction lint --format json` output, as (path, rule, line, text).
    static func findings(inJSON json: String) throws -> [(path: String, rule: String, line: Int, text: String)] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON: \(json)")
        let files = try #require(object["files"] as? [[String: Any]])
        return files.flatMap { file in
            (file["findings"] as? [[String: Any]] ?? []).map {
                (file["path"] as? String ?? "", $0["rule"] as? String ?? "", $0["line"] as? Int ?? 0, $0["text"] as? String ?? "")
            }
        }
    }
}
