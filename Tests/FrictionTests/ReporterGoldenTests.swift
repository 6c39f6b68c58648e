import Foundation
import Testing

/// Golden files for every output format on one fixed fixture set
/// (Fixtures/report). Re-record on purpose only:
///
///     FRICTION_RECORD_GOLDEN=1 swift test --filter ReporterGoldenTests
///
/// A recording run writes the files and fails, so it can never pass by accident.
@Suite("Reporter golden files")
struct ReporterGoldenTests {
    static let lintFormats: [(format: String, file: String)] = [
        ("text", "lint.txt"), ("compact", "lint.compact.txt"), ("json", "lint.json"), ("sarif", "lint.sarif"),
        ("junit", "lint.junit.xml"), ("checkstyle", "lint.checkstyle.xml"), ("github", "lint.github.txt"),
        ("markdown", "lint.md"),
    ]

    @Test("lint --format", arguments: lintFormats.map(\.format))
    func lintFormat(_ format: String) throws {
        let golden = Self.lintFormats.first { $0.format == format }!.file
        let result = try ReportFixture.lint(format: format)
        #expect(result.status == 1, "the fixtures have errors and an unreadable file: \(result.stderr)")
        try ReportFixture.compare(result.stdout, golden: golden)
    }

    @Test("report --format", arguments: ["html", "markdown"])
    func auditFormat(_ format: String) throws {
        let text = try ReportFixture.audit(format: format)
        try ReportFixture.compare(text, golden: format == "html" ? "audit.html" : "audit.md")
    }
}

/// The fixed fixture set and how the tests run friction over it.
enum ReportFixture {
    static let directory = TestPaths.fixtures.appendingPathComponent("report")
    static let goldenDirectory = TestPaths.fixtures.appendingPathComponent("golden")
    /// Relative paths, in a fixed order, so outputs name them the same way everywhere.
    static let files = ["broken.xml", "delivery.md", "refunds.md", "runbook.md", "security.xml"]
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return environment
    }()

    static func lint(format: String) throws -> ProcessResult {
        try runFriction(["lint", "--config", "friction.yml", "--jobs", "2", "--format", format] + files,
                        in: directory, environment: environment)
    }

    /// Writes the audit report to a temporary file and returns its text.
    static func audit(format: String) throws -> String {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("friction-audit-\(UUID().uuidString).\(format == "html" ? "html" : "md")")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runFriction(["report", "--config", "friction.yml", "--format", format, "-o", output.path] + files,
                                     in: directory, environment: environment)
        #expect(result.status == 1, "broken.xml cannot be read, so report exits 1: \(result.stderr)")
        #expect(result.stdout == output.path + "\n")
        return try String(contentsOf: output, encoding: .utf8)
    }

    static func compare(_ actual: String, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FRICTION_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name); run again without FRICTION_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); record it with FRICTION_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
            let first = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
            let got = first < actualLines.count ? actualLines[first] : "<end of output>"
            let want = first < expectedLines.count ? expectedLines[first] : "<end of file>"
            Issue.record("""
                \(name) differs from the golden file at line \(first + 1):
                  expected: \(want)
                  actual:   \(got)
                If the change is intended, re-record with FRICTION_RECORD_GOLDEN=1.
                """, sourceLocation: sourceLocation)
        }
    }

    /// Runs a Python snippet with `input` on standard input; returns stdout.
    static func python(_ script: String, arguments: [String] = [], input: String) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = stdin.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(Data(input.utf8))
            try? writer.close()
        }
        let errorData = Box()
        let errorHandle = stderr.fileHandleForReading
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = errorHandle.readDataToEndOfFile()
            group.leave()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: errorData.data, as: UTF8.self))
    }

    final class Box: @unchecked Sendable {
        var data = Data()
    }
}
