import Foundation
import Testing

/// Helpers for the hostile-input, broken-input and nothing-lost tests: run
/// the built binary under a generous time limit with its peak memory
/// measured, work in throw-away folders, and watch for network connections.
enum Robustness {
    /// Fixtures of these suites.
    static func fixture(_ relative: String) -> URL {
        TestPaths.fixtures.appendingPathComponent(relative)
    }

    /// A fresh folder under the system's temporary directory. The repository's
    /// own `.friction.yml` excludes `Tests/**`, so the binary is always run
    /// on copies here, where no configuration file is found upward.
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("friction-robust-\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Copies fixtures into `directory`, replacing `__PORT__` with `port`.
    static func copy(_ fixtures: [String], to directory: URL, port: UInt16? = nil) throws {
        for relative in fixtures {
            var data = try Data(contentsOf: fixture(relative))
            if let port, var text = String(data: data, encoding: .utf8) {
                text = text.replacingOccurrences(of: "__PORT__", with: String(port))
                data = Data(text.utf8)
            }
            try data.write(to: directory.appendingPathComponent((relative as NSString).lastPathComponent))
        }
    }

    /// A policy with known friction, to show the other files are still linted.
    static let goodPolicy = "# Refunds\n\nRefunds will not be issued under any circumstances.\n"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The run was stopped by the time limit.
        var timedOut: Bool
        /// Peak resident memory of the binary in kB (nil when /usr/bin/time is absent).
        var peakKB: Int?

        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The release build of this checkout, named by `FRICTION_RELEASE_BINARY`:
    /// `make test` builds it and sets the variable, for the cases that take
    /// minutes in a debug build (nil under a plain `swift test`).
    static var releaseBinary: URL? {
        guard let path = ProcessInfo.processInfo.environment["FRICTION_RELEASE_BINARY"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }

    static let timeTool = "/usr/bin/time"
    static let timeoutTool = "/usr/bin/timeout"

    /// Runs `friction ARGUMENTS` in `directory`, stopped after `limit` seconds
    /// (a generous bound: these tests prove the run ends, not how fast), with
    /// its peak memory measured by /usr/bin/time when it is installed.
    static func run(_ arguments: [String], in directory: URL, limit: Int = 240,
                    prefix: [String] = [], binary: URL = TestPaths.binary) throws -> Run {
        let fileManager = FileManager.default
        let memoryFile = directory.appendingPathComponent(".peak-\(UUID().uuidString.prefix(8))")
        var command = prefix + [binary.path] + arguments
        let measured = fileManager.isExecutableFile(atPath: timeTool)
        if measured { command = [timeTool, "-f", "%M", "-o", memoryFile.path] + command }
        let bounded = fileManager.isExecutableFile(atPath: timeoutTool)
        if bounded { command = [timeoutTool, "-s", "KILL", String(limit)] + command }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on another thread so neither pipe can fill and stall.
        let errorData = ErrorCollector()
        let reader = Thread { errorData.data = err.fileHandleForReading.readDataToEndOfFile(); errorData.done.signal() }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        errorData.done.wait()
        process.waitUntilExit()
        var peak: Int?
        if measured, let text = try? String(contentsOf: memoryFile, encoding: .utf8) {
            peak = text.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.last
        }
        try? fileManager.removeItem(at: memoryFile)
        var stderr = String(decoding: errorData.data, as: UTF8.self)
        // /usr/bin/time adds this line when the command fails; it is not ours.
        stderr = stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Command exited with non-zero status") && !$0.hasPrefix("Command terminated by signal") }
            .joined(separator: "\n")
        let timedOut = bounded && (process.terminationStatus == 137 || process.terminationStatus == 124
                                   || process.terminationReason == .uncaughtSignal)
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: stderr, timedOut: timedOut, peakKB: peak)
    }

    private final class ErrorCollector: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    /// Checks that a run finished by itself and stayed under `megabytes`.
    static func expectBounded(_ run: Run, megabytes: Int, _ what: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.timedOut, "\(what): the run did not finish within its time limit", sourceLocation: sourceLocation)
        #expect(run.status >= 0 && run.status <= 2, "\(what): exit \(run.status), stderr: \(run.stderr.prefix(500))",
                sourceLocation: sourceLocation)
        if let peak = run.peakKB {
            #expect(peak < megabytes * 1024, "\(what): peak memory \(peak / 1024) MB, bound \(megabytes) MB",
                    sourceLocation: sourceLocation)
        }
    }

    /// Lines of standard error that name `file`.
    static func errorLines(_ run: Run, naming file: String) -> [String] {
        run.stderrLines.filter { $0.contains(file) }
    }

    /// Writes `count` bytes produced by repeating `chunk`, in pieces, so a
    /// 100 MB fixture never sits in the test's memory whole.
    static func writeLarge(to url: URL, head: String, chunk: String, count: Int, tail: String) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let piece = Data(String(repeating: chunk, count: max(1, (1 << 20) / max(chunk.utf8.count, 1))).utf8)
        var written = 0
        while written + piece.count <= count {
            try handle.write(contentsOf: piece)
            written += piece.count
        }
        if written < count { try handle.write(contentsOf: piece.prefix(count - written)) }
        try handle.write(contentsOf: Data(tail.utf8))
    }
}

/// A TCP listener on 127.0.0.1 that nobody is told about except the fixture:
/// any connection the linter made to it would wait in its backlog, so a
/// readable socket after the run proves the network was reached.
final class ConnectionRecorder {
    let port: UInt16
    private let socketDescriptor: Int32

    init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RecorderError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw RecorderError.socket(errno)
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            close(descriptor)
            throw RecorderError.socket(errno)
        }
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether any connection has arrived (checked without waiting).
    var connectionAttempted: Bool {
        var entry = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN) != 0
    }

    deinit { close(socketDescriptor) }

    enum RecorderError: Error { case socket(Int32) }
}
