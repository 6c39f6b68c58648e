import FrictionCore
import Foundation

/// The git repository around a working directory, reached by running the
/// `git` command (so hooks, worktrees, `GIT_INDEX_FILE` during a partial
/// commit and the user's git configuration all behave as git itself does).
public struct GitRepository: Sendable {
    /// The folder git commands run in (the user's working directory).
    public let workingDirectory: String
    /// The top of the work tree, absolute.
    public let root: String
    /// The working directory relative to `root`, with a trailing `/`, or "".
    public let prefix: String

    /// Finds the repository that holds `workingDirectory`; a usage error
    /// when there is none or git cannot be run.
    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) throws {
        self.workingDirectory = workingDirectory
        let result = try Self.run(["rev-parse", "--show-toplevel", "--show-prefix"], in: workingDirectory)
        guard result.status == 0 else {
            throw FrictionError.usage("\(workingDirectory) is not inside a git work tree (\(result.errorLine))")
        }
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        root = lines.first.map(String.init) ?? workingDirectory
        prefix = lines.count > 1 ? String(lines[1]) : ""
    }

    /// Runs `git ARGUMENTS` in the working directory; throws on a non-zero exit.
    public func git(_ arguments: [String], input: Data? = nil) throws -> Data {
        let result = try Self.run(arguments, in: workingDirectory, input: input)
        guard result.status == 0 else {
            throw FrictionError.usage("git \(arguments.first ?? "") failed: \(result.errorLine)")
        }
        return result.stdout
    }

    /// Checks that `reference` names a commit and returns its full id.
    public func resolveCommit(_ reference: String) throws -> String {
        let result = try Self.run(["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"], in: workingDirectory)
        let id = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, !id.isEmpty else {
            throw FrictionError.usage("'\(reference)' is not a commit in this repository")
        }
        return id
    }

    /// A path relative to the top of the work tree, as the user sees it from
    /// the working directory (`Policies/a.md`, or `../a.md` from a subfolder).
    public func displayPath(forRepositoryPath path: String) -> String {
        if prefix.isEmpty { return path }
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        let depth = prefix.split(separator: "/").count
        return String(repeating: "../", count: depth) + path
    }

    /// The bytes of several blobs, read with one `git cat-file --batch`.
    public func blobs(_ ids: [String]) throws -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let unique = Array(Set(ids)).sorted()
        let output = try git(["cat-file", "--batch"], input: Data((unique.joined(separator: "\n") + "\n").utf8))
        var result: [String: [UInt8]] = [:]
        let bytes = [UInt8](output)
        var index = 0
        while index < bytes.count {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[index..<newline], as: UTF8.self).split(separator: " ")
            index = newline + 1
            // `<id> blob <size>`, or `<id> missing`.
            guard header.count == 3, let size = Int(header[2]), index + size <= bytes.count else { continue }
            result[String(header[0])] = Array(bytes[index..<(index + size)])
            index += size + 1
        }
        return result
    }

    // MARK: - Running git

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data

        /// The first line git wrote to standard error, for messages.
        var errorLine: String {
            let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
        }
    }

    /// Collects a pipe's output on another thread, so that neither pipe can
    /// fill up and stall git.
    private final class Collector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    static func run(_ arguments: [String], in directory: String, input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Plain, stable output whatever the user's git configuration says.
        process.arguments = ["git", "-c", "core.quotePath=false", "-c", "color.ui=false", "--no-pager"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // Input goes through a temporary file: no pipe to write, so no
        // SIGPIPE if git stops reading early.
        var inputFile: URL?
        if let input {
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("friction-git-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            do { try input.write(to: url) } catch {
                throw FrictionError.usage("cannot write a temporary file for git: \(error.localizedDescription)")
            }
            inputFile = url
            process.standardInput = try FileHandle(forReadingFrom: url)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { if let inputFile { try? FileManager.default.removeItem(at: inputFile) } }
        do {
            try process.run()
        } catch {
            throw FrictionError.usage("cannot run git: \(error.localizedDescription)")
        }
        let errors = Collector(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
