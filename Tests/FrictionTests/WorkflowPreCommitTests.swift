import Foundation
import Testing

/// The real pre-commit framework (from PyPI, in a temporary virtual
/// environment) running this checkout's `.pre-commit-hooks.yaml` in a
/// temporary policy repository. Skipped, with a message, only when pip
/// cannot reach PyPI.
@Suite("pre-commit framework")
struct WorkflowPreCommitTests {
    /// A virtual environment with `pre-commit` installed, made once per run.
    final class Environment: Sendable {
        let directory: URL
        let preCommit: URL
        let installLog: String
        var installed: Bool { FileManager.default.isExecutableFile(atPath: preCommit.path) }

        static let shared = Environment()

        private init() {
            directory = (try? Workflow.temporaryDirectory("precommit-venv")) ?? FileManager.default.temporaryDirectory
            preCommit = directory.appendingPathComponent("venv/bin/pre-commit")
            var log = ""
            do {
                let venv = try Workflow.run("python3", ["-m", "venv", directory.appendingPathComponent("venv").path],
                                            in: directory, timeout: 120)
                log += venv.text
                if venv.status == 0 {
                    let pip = try Workflow.run(directory.appendingPathComponent("venv/bin/pip").path,
                                               ["install", "--disable-pip-version-check", "--quiet", "--timeout", "30", "--retries", "2", "pre-commit"],
                                               in: directory, timeout: 400)
                    log += pip.text
                }
            } catch {
                log += "\(error)"
            }
            installLog = log
        }

        /// True unless pre-commit is missing and PyPI cannot be reached:
        /// any other failure to install it fails the test instead.
        static var usable: Bool {
            if shared.installed { return true }
            let probe = try? Workflow.run("python3", ["-c", "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/pre-commit/', timeout=20)"],
                                          in: FileManager.default.temporaryDirectory, timeout: 60)
            return probe?.status == 0
        }
    }

    @Test("A commit adding a rigid rule is blocked with the finding shown; a clean commit passes",
          .enabled(if: Environment.usable, "pip cannot reach PyPI to install pre-commit"))
    func preCommitFramework() throws {
        let environment = Environment.shared
        try #require(environment.installed, "pre-commit did not install: \(environment.installLog)")
        let work = try Workflow.temporaryDirectory("precommit")
        defer {
            try? FileManager.default.removeItem(at: work)
            try? FileManager.default.removeItem(at: environment.directory)
        }

        // The hook repository: a snapshot of this checkout (uncommitted work
        // included), committed in a temporary repository.
        let hooks = work.appendingPathComponent("friction")
        let files = try Workflow.git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], in: TestPaths.root)
        for relative in files.split(separator: "\0").map(String.init) {
            let source = TestPaths.root.appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let target = hooks.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        try Workflow.git(["init", "-q"], in: hooks)
        try Workflow.git(["add", "-A"], in: hooks)
        try Workflow.git(["commit", "-q", "-m", "snapshot"], in: hooks)
        let revision = try Workflow.git(["rev-parse", "HEAD"], in: hooks).trimmingCharacters(in: .whitespacesAndNewlines)

        // `friction-system` runs the friction on PATH: the binary these tests
        // built (the `friction` hook builds the same code with `swift build`).
        let bin = work.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("friction"), withDestinationURL: TestPaths.binary)
        var env = Workflow.gitEnvironment(extraPath: [bin.path, environment.preCommit.deletingLastPathComponent().path])
        env["PRE_COMMIT_HOME"] = work.appendingPathComponent("cache").path

        let policies = work.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        try Workflow.git(["init", "-q"], in: policies, environment: env)
        try Workflow.write("""
            repos:
              - repo: \(hooks.path)
                rev: \(revision)
                hooks:
                  - id: friction-system

            """, to: ".pre-commit-config.yaml", in: policies)
        let install = try Workflow.run(environment.preCommit.path, ["install"], in: policies, environment: env)
        try #require(install.status == 0, "pre-commit install: \(install.text)")
        try Workflow.git(["add", ".pre-commit-config.yaml"], in: policies, environment: env)
        let setup = try Workflow.run("git", ["commit", "-m", "pre-commit"], in: policies, environment: env, timeout: 300)
        try #require(setup.status == 0, "first commit: \(setup.text)")

        // A rigid rule: blocked, with the finding in the output.
        try Workflow.write(Workflow.policy("Refunds", Workflow.rigidSentence), to: "refunds.md", in: policies)
        try Workflow.git(["add", "refunds.md"], in: policies, environment: env)
        let blocked = try Workflow.run("git", ["commit", "-m", "no refunds"], in: policies, environment: env, timeout: 300)
        #expect(!blocked.timedOut)
        #expect(blocked.status != 0, "\(blocked.text)")
        #expect(blocked.text.contains("Failed"), "\(blocked.text)")
        #expect(blocked.text.contains("refunds.md"))
        #expect(blocked.text.contains("[rigid-rule]"))
        #expect(blocked.text.contains(Workflow.rigidSentence))
        let afterBlocked = try Workflow.git(["rev-list", "--count", "HEAD"], in: policies, environment: env)
        #expect(afterBlocked.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        // The clean version: the commit passes.
        try Workflow.write(Workflow.policy("Refunds", Workflow.cleanSentence), to: "refunds.md", in: policies)
        try Workflow.git(["add", "refunds.md"], in: policies, environment: env)
        let clean = try Workflow.run("git", ["commit", "-m", "refunds with discretion"], in: policies, environment: env, timeout: 300)
        #expect(clean.status == 0, "\(clean.text)")
        #expect(clean.text.contains("Passed"), "\(clean.text)")
        let afterClean = try Workflow.git(["rev-list", "--count", "HEAD"], in: policies, environment: env)
        #expect(afterClean.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }
}
