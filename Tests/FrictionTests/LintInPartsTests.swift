import Foundation
import FrictionCore
import FrictionKit
import FrictionParsers
import FrictionReporters
import Testing

/// A large Markdown file is linted a part at a time (a few MB each) so its
/// sentences are never all in memory; the report must be the one the whole
/// document gives. Small parts stand in for large ones here.
@Suite("Linting a large file in parts")
struct LintInPartsTests {
    /// The sample rulebook's Markdown policies as one file, with front
    /// matter that names no owner (a finding about the whole document),
    /// suppressions that open in one part and close parts later, a
    /// disable-next-line just before a part ends, and a server runbook at the
    /// end: a part that is hardly about customers, in a document that is a
    /// service policy as a whole (what the analysis decides about the whole
    /// document must hold for every part of it).
    static func rulebook() throws -> String {
        let folder = TestPaths.root.appendingPathComponent("Policies")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        var text = "---\ntitle: The whole rulebook\n---\n\n"
        for (index, name) in names.enumerated() {
            var policy = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            // Each policy's own front matter would be text in the middle of the file.
            if policy.hasPrefix("---\n"), let end = policy.range(of: "\n---\n", range: policy.index(policy.startIndex, offsetBy: 4)..<policy.endIndex) {
                policy = String(policy[end.upperBound...])
            }
            if index == 2 { text += "<!-- friction-disable rigid-rule -- legacy wording -->\n\n" }
            if index == 5 { text += "<!-- friction-enable -->\n\n" }
            if index == 7 { text += "Policies are reviewed.\n\n<!-- friction-disable-next-line -->\nRefunds will not be issued under any circumstances.\n\n" }
            text += policy + "\n\n"
        }
        // Subsections over 2 kB, so each is a part of its own: thirty
        // sentences about servers, and in the second one about refunds.
        text += "# Server runbook\n"
        for section in 1...3 {
            text += "\n## Backup set \(section)\n\n"
            for job in 1...30 {
                text += "The backup job \(job) runs every night and writes its log to the second disk. "
            }
            if section == 2 { text += "Refunds will not be issued under any circumstances." }
            text += "\n"
        }
        return text
    }

    @Test("findings, annotations, suppressions, score and coverage are the whole document's")
    func partsGiveTheWholeReport() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("rulebook.md")
        let text = try Self.rulebook()
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(!text.contains("]:"), "a file with link definitions is never cut")

        var options = LintOptions()
        options.workingDirectory = directory.path
        let whole = try Linter.make(options)
        let partReader = DocumentReader(parsers: [MarkdownParser(segmentBytes: 2_000)])
        var parted = Linter(configuration: whole.configuration, ruleSet: whole.ruleSet, reader: partReader, jobs: 1)
        parted.coverage = whole.coverage

        var parts = 0
        _ = try partReader.readParts(bytes: Array(text.utf8), path: file.path) { _, _ in parts += 1 }
        #expect(parts > 5)

        let expected = whole.lint([file.path])
        let actual = parted.lint([file.path])
        // The case is not vacuous: each thing that crosses a part is there.
        let report = try #require(expected.files.first)
        #expect(report.findings.contains { $0.rule == "missing-owner" })
        #expect(report.findings.contains { $0.rule == "missing-empowerment" })
        #expect(report.suppressedCount > 1)
        let runbookLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 5
        #expect(report.findings.contains { $0.rule == "rigid-rule" && $0.range.start.line == runbookLine })
        #expect(report.coverage?.frameworks.contains { $0.elements.contains { $0.statements > CoverageAnalyzer.evidenceLimit } } == true)
        #expect(JSONReporter().render(actual) == JSONReporter().render(expected))
        #expect(TextReporter().render(actual) == TextReporter().render(expected))
        #expect(actual.files.first?.coverage == report.coverage)
        #expect(actual.files.first?.metadata == report.metadata)
    }
}
