import FrictionCore
import FrictionKit
@testable import FrictionReporters
import Testing

/// The JSON reporter renders files on several threads, each into a string
/// of its own; a file with very many findings is streamed instead. Either
/// way the bytes must be those of streaming every file in turn.
@Suite("JSON report rendered on several threads")
struct JSONReporterTests {
    /// The sample rulebook, with one file's findings repeated past the limit
    /// of a file rendered whole, between files that are rendered whole.
    static func report() throws -> LintReport {
        var options = LintOptions()
        options.workingDirectory = TestPaths.root.path
        options.jobs = 2
        var report = try Linter.make(options).lint(["Policies"])
        let withFindings = try #require(report.files.firstIndex { !$0.findings.isEmpty })
        var large = report.files[withFindings]
        large.findings = Array(repeating: large.findings, count: 1_001 / large.findings.count + 1).flatMap { $0 }
        report.files.insert(large, at: report.files.count / 2)
        return report
    }

    @Test("files rendered side by side give the bytes of one file after another", arguments: [0, 1, 3, 64])
    func renderedEqualsStreamed(jobs: Int) throws {
        let report = try Self.report()
        #expect(report.files.count > 3)
        var streaming = JSONReporter()
        streaming.largestRenderedWhole = 0
        var expected = ""
        streaming.write(report, to: &expected, jobs: 1)
        var actual = ""
        JSONReporter().write(report, to: &actual, jobs: jobs)
        #expect(actual == expected)
        #expect(actual.contains(#""rule": "rigid-rule""#))
    }
}
