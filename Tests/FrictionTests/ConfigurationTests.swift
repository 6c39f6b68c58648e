import FrictionCore
import FrictionKit
import Foundation
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    let known: Set<String> = ["rigid-rule", "missing-owner", "vague-commitment"]

    @Test func readsEverySetting() throws {
        let text = """
            rules:
              rigid-rule: error
              missing-owner: off
              vague-commitment: { severity: info }
            include: ["**/*.md", "policies/"]
            exclude: [drafts/**]
            fail-level: error
            lexicons: [lexicons/ours]
            overrides:
              - paths: ["hr/*.md"]
                rules: { rigid-rule: off }
            """
        let configuration = try ConfigurationLoader.parse(text, path: "/repo/.friction.yml", baseDirectory: "/repo", knownRules: known)
        #expect(configuration.rules["rigid-rule"] == .severity(.error))
        #expect(configuration.rules["missing-owner"] == .off)
        #expect(configuration.rules["vague-commitment"] == .severity(.info))
        #expect(configuration.failLevel == .error)
        #expect(configuration.lexiconDirectories == ["/repo/lexicons/ours"])
        #expect(configuration.includes("a/b.md"))
        #expect(!configuration.includes("drafts/x.md"))
        #expect(configuration.includes("policies/x.xml"))
        #expect(!configuration.includes("other/x.xml"))
        #expect(configuration.setting(for: "rigid-rule", at: "hr/leave.md") == .off)
        #expect(configuration.setting(for: "rigid-rule", at: "retail/returns.md") == .severity(.error))
    }

    @Test(arguments: [
        ("rules:\n  no-such-rule: error\n", 2, "unknown rule 'no-such-rule'"),
        ("rule:\n  rigid-rule: error\n", 1, "unknown key 'rule'"),
        ("rules:\n  rigid-rule: loud\n", 2, "'loud' is not a severity"),
        ("rules: [unclosed\n", 2, "invalid YAML"),
        ("overrides:\n  - rules: { rigid-rule: off }\n", 2, "an override needs 'paths'"),
        ("fail-level: everything\n", 1, "'everything' is not a severity"),
    ])
    func mistakesAreLocatedErrors(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try ConfigurationLoader.parse(text, path: ".friction.yml", baseDirectory: "/", knownRules: known)
            Issue.record("expected an error for \(text)")
        } catch let error as FrictionError {
            #expect(error.path == ".friction.yml")
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("every mistake in a configuration is reported in one run, each on its own line")
    func everyMistakeAtOnce() throws {
        let text = "rules:\n  rigid-rule: loud\n  no-such-rule: off\nfail-level: sometimes\ncolour: blue\noverrides:\n  - rules: {vague-commitment: off}\n"
        #expect(throws: FrictionError.several([
            .configuration(path: ".friction.yml", line: 2, column: 15, reason: "'loud' is not a severity (expected info, warning, error or off)"),
            .configuration(path: ".friction.yml", line: 3, column: 3, reason: "unknown rule 'no-such-rule'; `friction rules` lists them"),
            .configuration(path: ".friction.yml", line: 4, column: 13, reason: "'sometimes' is not a severity (expected info, warning, error or off)"),
            .configuration(path: ".friction.yml", line: 5, column: 1,
                           reason: "unknown key 'colour' (expected one of: exclude, fail-level, frameworks, include, lexicons, overrides, rules)"),
            .configuration(path: ".friction.yml", line: 7, column: 5, reason: "an override needs 'paths'"),
        ])) {
            _ = try ConfigurationLoader.parse(text, path: ".friction.yml", baseDirectory: "/", knownRules: nil)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent(".friction.yml"), atomically: true, encoding: .utf8)
        let run = try runFriction(["lint", TestPaths.root.appendingPathComponent("Policies").path], in: directory)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 5, "\(run.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("friction: ") && $0.contains(".friction.yml:") }, "\(run.stderr)")
    }

    @Test("excludes match however the path is written: relative, with '..', absolute, or through a link")
    func excludesMatchEveryPathSpelling() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-paths-\(UUID().uuidString)")
        let drafts = directory.appendingPathComponent("repo/drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let repository = directory.appendingPathComponent("repo")
        try "exclude: [\"drafts/**\"]\n".write(to: repository.appendingPathComponent(".friction.yml"), atomically: true, encoding: .utf8)
        try "# Refunds\n\nRefunds will not be issued under any circumstances.\n".write(
            to: drafts.appendingPathComponent("refunds.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("link"), withDestinationURL: repository)
        for spelling in ["drafts/refunds.md", "./drafts/../drafts/refunds.md", drafts.appendingPathComponent("refunds.md").path,
                         directory.appendingPathComponent("link/drafts/refunds.md").path] {
            let run = try runFriction(["lint", "--format", "compact", spelling], in: repository)
            #expect(run.status == 0, "\(spelling): \(run.stdout)\(run.stderr)")
            #expect(!run.stdout.contains("rigid-rule"), "\(spelling)")
        }
    }

    @Test func globs() {
        #expect(Glob("*.md").matches("a/b/c.md"))
        #expect(Glob("docs/**/*.xml").matches("docs/x.xml"))
        #expect(Glob("docs/**/*.xml").matches("docs/a/b/x.xml"))
        #expect(!Glob("docs/*.xml").matches("docs/a/x.xml"))
        #expect(Glob("README.md").matches("Policies/README.md"))
        #expect(!Glob("hr/?.md").matches("hr/ab.md"))
    }

    @Test func foundUpwardFromTheWorkingDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("friction-config-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "fail-level: error\n".write(to: root.appendingPathComponent(".friction.yml"), atomically: true, encoding: .utf8)
        let found = try #require(ConfigurationLoader.find(from: nested.path))
        #expect(URL(fileURLWithPath: found).standardizedFileURL.path == root.appendingPathComponent(".friction.yml").standardizedFileURL.path)
        let configuration = try ConfigurationLoader.load(explicitPath: nil, workingDirectory: nested.path, knownRules: known)
        #expect(configuration.failLevel == .error)
    }

    @Test func ruleOptionsDoNotDependOnKeyOrderAndOverridesCanSwitchARuleBackOn() throws {
        let text = """
            rules:
              rigid-rule: { enabled: false, severity: error }
              missing-owner: { enabled: true }
              vague-commitment: off
            overrides:
              - paths: ["customer/**"]
                rules: { vague-commitment: on }
            """
        let configuration = try ConfigurationLoader.parse(text, path: ".friction.yml", baseDirectory: "/", knownRules: known)
        #expect(configuration.rules["rigid-rule"] == .off)
        #expect(configuration.rules["missing-owner"] == .on)
        #expect(configuration.setting(for: "vague-commitment", at: "hr/leave.md") == .off)
        #expect(configuration.setting(for: "vague-commitment", at: "customer/returns.md") == .on)
    }
}
