import Foundation
import FrictionCore
import FrictionKit
import Testing

/// The plain git hook, `friction init`, the generated rule docs and the
/// installed binary.
@Suite("Workflows")
struct WorkflowTests {
    @Test("install-hook writes a pre-commit hook that blocks a rigid rule and lets a clean commit through")
    func installHook() throws {
        let repository = try Workflow.repository("hook")
        defer { try? FileManager.default.removeItem(at: repository) }
        let environment = Workflow.gitEnvironment()

        let install = try runFriction(["install-hook"], in: repository, environment: environment)
        #expect(install.status == 0, "\(install.stderr)")
        let hook = repository.appendingPathComponent(".git/hooks/pre-commit")
        let script = try String(contentsOf: hook, encoding: .utf8)
        #expect(script.contains("lint --staged"))
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))

        // A rigid rule staged: the commit is stopped and the finding shown.
        try Workflow.write(Workflow.policy("Refunds", Workflow.rigidSentence), to: "refunds.md", in: repository)
        try Workflow.git(["add", "refunds.md"], in: repository, environment: environment)
        let blocked = try Workflow.run("git", ["commit", "-m", "rigid"], in: repository, environment: environment)
        #expect(blocked.status != 0)
        #expect(blocked.text.contains("rigid-rule"), "\(blocked.text)")
        #expect(blocked.text.contains("refunds.md"))
        #expect(try Workflow.run("git", ["rev-parse", "--verify", "HEAD"], in: repository, environment: environment).status != 0,
                "the commit must not have been made")

        // The clean version staged: the commit goes through.
        try Workflow.write(Workflow.policy("Refunds", Workflow.cleanSentence), to: "refunds.md", in: repository)
        try Workflow.git(["add", "refunds.md"], in: repository, environment: environment)
        let clean = try Workflow.run("git", ["commit", "-m", "clean"], in: repository, environment: environment)
        #expect(clean.status == 0, "\(clean.text)")

        // An existing hook is kept unless --force.
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: hook)
        let refused = try runFriction(["install-hook"], in: repository, environment: environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists"))
        #expect(try String(contentsOf: hook, encoding: .utf8) == "#!/bin/sh\nexit 0\n")
        let forced = try runFriction(["install-hook", "--force", "--", "--fail-level", "error"], in: repository, environment: environment)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: hook, encoding: .utf8).contains("lint --staged --fail-level error"))
    }

    @Test("init writes a commented starter .friction.yml that loads, with every example switched on too")
    func initWritesStarterConfiguration() throws {
        let directory = try Workflow.temporaryDirectory("init")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try runFriction(["init"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let path = directory.appendingPathComponent(".friction.yml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rules = try RuleCatalog.descriptions()
        for rule in rules { #expect(text.contains("#  \(rule.identifier): \(rule.defaultSeverity.rawValue)")) }

        let known = Set(rules.map(\.identifier))
        let loaded = try ConfigurationLoader.parse(text, path: path, baseDirectory: directory.path, knownRules: known)
        #expect(loaded.failLevel == .warning)
        #expect(loaded.rules.isEmpty)
        // Every example line (`#key:`, or `#  ` and an indented line), switched on, is a valid setting.
        let switchedOn = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let example = line.hasPrefix("#  ") || (line.hasPrefix("#") && !line.hasPrefix("# ") && line != "#")
            return example ? String(line.dropFirst()) : String(line)
        }.joined(separator: "\n")
        let full = try ConfigurationLoader.parse(switchedOn, path: path, baseDirectory: directory.path, knownRules: known)
        #expect(full.rules.count == rules.count)
        #expect(!full.include.isEmpty && !full.exclude.isEmpty && full.overrides.count == 1 && full.lexiconDirectories.count == 1)

        // The starter file is a working configuration for lint.
        try Workflow.write(Workflow.policy("Refunds", Workflow.cleanSentence), to: "refunds.md", in: directory)
        #expect(try runFriction(["lint", "refunds.md"], in: directory).status == 0)

        try Data("fail-level: error\n".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try runFriction(["init"], in: directory)
        #expect(refused.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "fail-level: error\n")
        #expect(try runFriction(["init", "--force"], in: directory).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test("docs/rules.md is what `friction rules --format markdown` generates (run `make docs` when this fails)")
    func ruleDocsAreCurrent() throws {
        let generated = RuleDocumentation.markdown(try RuleCatalog.descriptions())
        let onDisk = try String(contentsOf: TestPaths.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(onDisk.hasPrefix("<!-- Generated by "))
        #expect(onDisk == generated, "docs/rules.md is stale: run `make docs`")
        let printed = try runFriction(["rules", "--format", "markdown"])
        #expect(printed.stdout == generated)
        for rule in try RuleCatalog.descriptions() {
            #expect(generated.contains("\n## \(rule.identifier)\n"))
            for example in rule.triggeringExamples where !example.contains("\n") { #expect(generated.contains(example)) }
        }
    }

    @Test("make install-files installs a binary that works alone in an empty folder, and completions")
    func installedBinaryWorksAlone() throws {
        let prefix = try Workflow.temporaryDirectory("prefix")
        let alone = try Workflow.temporaryDirectory("alone")
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: alone)
        }
        let install = try Workflow.run("make", ["--no-print-directory", "install-files", "PREFIX=\(prefix.path)", "BINARY=\(TestPaths.binary.path)"],
                                       in: TestPaths.root)
        #expect(install.status == 0, "\(install.text)")
        for (completion, marker) in [("share/bash-completion/completions/friction", "complete"), ("share/zsh/site-functions/_friction", "#compdef"),
                                     ("share/fish/vendor_completions.d/friction.fish", "complete -c 'friction'")] {
            let text = (try? String(contentsOf: prefix.appendingPathComponent(completion), encoding: .utf8)) ?? ""
            #expect(text.contains(marker) && text.contains("install-hook"), "\(completion)")
        }

        // Copied again into an empty folder and run from there: the same
        // JSON as the binary in the build tree, run from the checkout.
        let binary = alone.appendingPathComponent("friction")
        try FileManager.default.copyItem(at: prefix.appendingPathComponent("bin/friction"), to: binary)
        let arguments = ["lint", "--format", "json", "--config", TestPaths.root.appendingPathComponent(".friction.yml").path,
                         TestPaths.root.appendingPathComponent("Policies").path]
        let reference = try runFriction(arguments)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = alone
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == reference.status)
        #expect(reference.stdout.contains("\"rigid-rule\""))
        #expect(String(decoding: data, as: UTF8.self) == reference.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: alone.path) == ["friction"])
    }
}
