import Foundation
import FrictionKit
import Testing

/// `--write-baseline` and `--baseline`: keyed by rule, file and words, never
/// by line.
@Suite("Baselines")
struct BaselineTests {
    private let body = "Our stores open at nine.\n\n" + Workflow.rigidSentence

    @Test("Edits above a baselined finding keep it hidden; a duplicate is one new finding")
    func baselineHidesKnownFindings() throws {
        let directory = try Workflow.temporaryDirectory("baseline")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Workflow.write(Workflow.policy("Refunds", body), to: "policies/refunds.md", in: directory)

        let before = try runFriction(["lint", "--format", "json", "policies"], in: directory)
        #expect(before.status == 1)
        let known = try Workflow.findings(inJSON: before.stdout)
        #expect(known.contains { $0.rule == "rigid-rule" && $0.line == 11 })

        let write = try runFriction(["lint", "--write-baseline", "friction-baseline.json", "policies"], in: directory)
        #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
        #expect(write.stderr.contains("wrote \(known.count) findings to the baseline"))
        let recorded = try Baseline.load(path: directory.appendingPathComponent("friction-baseline.json").path)
        #expect(recorded.findings.contains(Baseline.Entry(rule: "rigid-rule", path: "policies/refunds.md", text: "will not be issued under any circumstances", count: 1)))
        #expect(recorded.findings.reduce(0) { $0 + $1.count } == known.count)

        let hidden = try runFriction(["lint", "--baseline", "friction-baseline.json", "--format", "json", "policies"], in: directory)
        #expect(hidden.status == 0)
        #expect(try Workflow.findings(inJSON: hidden.stdout).isEmpty)

        // New text above moves the finding down three lines: still hidden.
        let moved = "Ask a colleague if you are unsure.\n\nThank you for reading.\n\n" + body
        try Workflow.write(Workflow.policy("Refunds", moved), to: "policies/refunds.md", in: directory)
        let afterEdit = try runFriction(["lint", "--baseline", "friction-baseline.json", "--format", "json", "policies"], in: directory)
        #expect(try Workflow.findings(inJSON: afterEdit.stdout).isEmpty, "\(afterEdit.stdout)")
        #expect(afterEdit.status == 0)

        // A second copy of the rigid sentence: for each rule that flags the
        // sentence, exactly one new finding, on the copy (line 17).
        let sentenceRules = known.filter { $0.line == 11 }.map(\.rule).sorted()
        #expect(sentenceRules.contains("rigid-rule"))
        try Workflow.write(Workflow.policy("Refunds", moved + "\n\n" + Workflow.rigidSentence), to: "policies/refunds.md", in: directory)
        let duplicate = try runFriction(["lint", "--baseline", "friction-baseline.json", "--format", "json", "policies"], in: directory)
        let new = try Workflow.findings(inJSON: duplicate.stdout)
        #expect(new.map(\.rule).sorted() == sentenceRules, "\(duplicate.stdout)")
        #expect(new.allSatisfy { $0.line == 17 })
        #expect(new.filter { $0.rule == "rigid-rule" }.count == 1)
        #expect(duplicate.status == 1)

        // The baseline's paths are relative to its own folder, so it works
        // from a subfolder too.
        let fromSubfolder = try runFriction(["lint", "--baseline", "../friction-baseline.json", "--format", "json", "."],
                                            in: directory.appendingPathComponent("policies"))
        #expect(try Workflow.findings(inJSON: fromSubfolder.stdout).map(\.rule).sorted() == sentenceRules, "\(fromSubfolder.stdout)")
    }

    @Test("A missing or malformed baseline is a configuration error")
    func badBaseline() throws {
        let directory = try Workflow.temporaryDirectory("badbaseline")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Workflow.write(Workflow.policy("Refunds", Workflow.cleanSentence), to: "refunds.md", in: directory)
        let missing = try runFriction(["lint", "--baseline", "nope.json", "refunds.md"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json: cannot read the baseline file"))
        try Workflow.write("{\"version\": 1, \"findings\": [{\"rule\": \"rigid-rule\"}]}", to: "bad.json", in: directory)
        let malformed = try runFriction(["lint", "--baseline", "bad.json", "refunds.md"], in: directory)
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("bad.json: not a baseline file"), "\(malformed.stderr)")
    }

    @Test("Keys ignore case, spacing and typographic quotes")
    func normalisation() {
        #expect(Baseline.normalise("  Will\n  NOT ") == "will not")
        #expect(Baseline.normalise("that\u{2019}s  just our policy") == "that's just our policy")
    }
}
