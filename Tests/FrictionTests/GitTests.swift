import Foundation
import FrictionKit
import Testing

/// `friction lint --staged` and `--changed-since`, run as a user would, in
/// temporary git repositories.
@Suite("Git-aware linting")
struct GitTests {
    @Test("--staged lints the staged version, not the work tree")
    func stagedContentIsLinted() throws {
        let repository = try Workflow.repository("staged")
        defer { try? FileManager.default.removeItem(at: repository) }
        try Workflow.write(Workflow.policy("Intro", Workflow.cleanSentence), to: "README.md", in: repository)
        try Workflow.git(["add", "README.md"], in: repository)
        try Workflow.git(["commit", "-q", "-m", "start"], in: repository)

        // Staged: a rigid rule on line 9. Work tree: the rule is gone and
        // the text is different, so only the index can give this finding.
        try Workflow.write(Workflow.policy("Refunds", Workflow.rigidSentence), to: "policies/refunds.md", in: repository)
        try Workflow.git(["add", "policies/refunds.md"], in: repository)
        try Workflow.write(Workflow.policy("Refunds", "Padding.\n\n" + Workflow.cleanSentence), to: "policies/refunds.md", in: repository)
        // Changed in the work tree only: not staged, so not linted.
        try Workflow.write(Workflow.policy("Intro", Workflow.rigidSentence), to: "README.md", in: repository)

        let staged = try runFriction(["lint", "--staged", "--format", "json"], in: repository)
        #expect(staged.status == 1, "stderr: \(staged.stderr)")
        let findings = try Workflow.findings(inJSON: staged.stdout)
        let rigid = findings.filter { $0.rule == "rigid-rule" }
        #expect(rigid.count == 1)
        #expect(rigid.first?.path == "policies/refunds.md")
        #expect(rigid.first?.line == 9)
        #expect(rigid.first?.text == "will not be issued under any circumstances")
        #expect(!findings.contains { $0.path == "README.md" })

        // From a subfolder, paths are as the user sees them from there.
        let fromSubfolder = try runFriction(["lint", "--staged", "--format", "compact"], in: repository.appendingPathComponent("policies"))
        #expect(fromSubfolder.stdout.contains("refunds.md:9:9: warning:"), "\(fromSubfolder.stdout)")
        #expect(!fromSubfolder.stdout.contains("policies/"))

        // The plain lint reads the work tree, which has no rigid rule here.
        let workTree = try runFriction(["lint", "--format", "json", "policies"], in: repository)
        #expect(!(try Workflow.findings(inJSON: workTree.stdout)).contains { $0.rule == "rigid-rule" })

        // Stage the clean work tree version: --staged is clean again.
        try Workflow.git(["add", "policies/refunds.md"], in: repository)
        try Workflow.git(["checkout", "--", "README.md"], in: repository)
        let clean = try runFriction(["lint", "--staged"], in: repository)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }

    @Test("--staged outside a git repository is a usage error")
    func stagedOutsideGit() throws {
        let directory = try Workflow.temporaryDirectory("nogit")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runFriction(["lint", "--staged"], in: directory, environment: Workflow.gitEnvironment())
        #expect(result.status == 2)
        #expect(result.stderr.contains("not inside a git work tree"))
    }

    @Test("--changed-since reports only findings on added or changed lines")
    func changedSince() throws {
        let repository = try Workflow.repository("since")
        defer { try? FileManager.default.removeItem(at: repository) }
        // Old friction, committed: a rigid rule on line 9 of refunds.md and one in legacy.md.
        try Workflow.write(Workflow.policy("Refunds", Workflow.rigidSentence), to: "refunds.md", in: repository)
        try Workflow.write(Workflow.policy("Legacy", Workflow.rigidSentence), to: "legacy.md", in: repository)
        try Workflow.git(["add", "-A"], in: repository)
        try Workflow.git(["commit", "-q", "-m", "legacy rulebook"], in: repository)
        let base = try Workflow.git(["rev-parse", "HEAD"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)

        // A new commit moves the old rule down and adds a new one after it.
        let edited = Workflow.policy("Refunds", "Our stores open at nine.\n\n" + Workflow.rigidSentence
                                     + "\n\nAgents are not permitted to waive the late fee.")
        try Workflow.write(edited, to: "refunds.md", in: repository)
        try Workflow.git(["commit", "-q", "-am", "new rule"], in: repository)
        // An uncommitted edit in the work tree, and a new untracked policy.
        try Workflow.write(edited + "Exchanges will not be accepted under any circumstances.\n", to: "refunds.md", in: repository)
        try Workflow.write(Workflow.policy("Gift cards", Workflow.rigidSentence), to: "new/gift-cards.md", in: repository)

        let result = try runFriction(["lint", "--changed-since", base, "--format", "json"], in: repository)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let rigid = try Workflow.findings(inJSON: result.stdout).filter { $0.rule == "rigid-rule" }
        let places = rigid.map { "\($0.path):\($0.line)" }.sorted()
        // Not refunds.md:11 (the old rule, moved) and nothing from legacy.md.
        #expect(places == ["new/gift-cards.md:9", "refunds.md:13", "refunds.md:14"])

        // Since HEAD, only the uncommitted line and the untracked file.
        let sinceHead = try runFriction(["lint", "--changed-since", "HEAD", "--format", "json"], in: repository)
        let headPlaces = try Workflow.findings(inJSON: sinceHead.stdout).filter { $0.rule == "rigid-rule" }.map { "\($0.path):\($0.line)" }.sorted()
        #expect(headPlaces == ["new/gift-cards.md:9", "refunds.md:14"])

        // Paths narrow the files.
        let narrowed = try runFriction(["lint", "--changed-since", "HEAD", "--format", "json", "new"], in: repository)
        #expect(try Workflow.findings(inJSON: narrowed.stdout).allSatisfy { $0.path == "new/gift-cards.md" })

        let unknown = try runFriction(["lint", "--changed-since", "no-such-branch"], in: repository)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'no-such-branch' is not a commit"))
    }

    @Test("A zero-context diff gives the added lines of the new version")
    func parsesUnifiedDiff() {
        let diff = """
            diff --git a/a.md b/a.md
            --- a/a.md
            +++ b/a.md
            @@ -3,0 +4,2 @@ heading
            +new line
            ++++ an added line that looks like a header
            @@ -10 +12 @@
            -old
            +changed
            @@ -20,2 +21,0 @@
            -gone
            -gone too
            diff --git "a/t\\303\\251st.md" "b/t\\303\\251st.md"
            --- /dev/null
            +++ "b/t\\303\\251st.md"
            @@ -0,0 +1 @@
            +hello
            \\ No newline at end of file
            """
        let lines = ChangedLines(unifiedDiff: diff)
        #expect(lines.lines["a.md"] == [4, 5, 12])
        #expect(lines.lines["tést.md"] == [1])
        #expect(lines.contains(path: "a.md", lines: 11, through: 12))
        #expect(!lines.contains(path: "a.md", lines: 6, through: 11))
    }
}
