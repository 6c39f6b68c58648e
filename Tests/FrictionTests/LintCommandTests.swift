import Foundation
import Testing

@Suite("friction lint, end to end")
struct LintCommandTests {
    @Test func jsonIsIdenticalWhateverTheNumberOfJobs() throws {
        let one = try runFriction(["lint", "--format", "json", "--jobs", "1", "Policies"])
        let many = try runFriction(["lint", "--format", "json", "--jobs", "4", "Policies"])
        #expect(one.status == many.status)
        #expect(one.stdout == many.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count >= 17)
        #expect(files.allSatisfy { ($0["path"] as? String)?.hasPrefix("Policies/") == true })
        let findings = files.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        #expect(!findings.isEmpty)
        for finding in findings {
            for key in ["rule", "severity", "message", "line", "column", "endLine", "endColumn", "text"] {
                #expect(finding[key] != nil, "finding without \(key)")
            }
        }
    }

    @Test func exitCodesFollowTheDesign() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let clean = directory.appendingPathComponent("clean.md")
        try "---\nowner: Ops\nreview: 2030-01-01\n---\n# Help\n\nWe answer every email within one working day.\n".write(to: clean, atomically: true, encoding: .utf8)
        let rigid = directory.appendingPathComponent("rigid.md")
        try "---\nowner: Ops\nreview: 2030-01-01\n---\n# Refunds\n\nRefunds will not be issued under any circumstances.\n".write(to: rigid, atomically: true, encoding: .utf8)
        let broken = directory.appendingPathComponent("broken.xml")
        try "<policy><p>unclosed</policy>".write(to: broken, atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("bad.yml")
        try "rules:\n  not-a-rule: error\n".write(to: config, atomically: true, encoding: .utf8)

        #expect(try runFriction(["lint", clean.path], in: directory).status == 0)
        let found = try runFriction(["lint", "--format", "compact", rigid.path], in: directory)
        #expect(found.status == 1)
        #expect(found.stdout.contains("rigid.md:7:"))
        #expect(found.stdout.contains("[rigid-rule]"))
        let unreadable = try runFriction(["lint", "--format", "compact", broken.path, clean.path], in: directory)
        #expect(unreadable.status == 1)
        #expect(unreadable.stdout.contains("broken.xml:1:"))
        #expect(unreadable.stdout.contains("[parse-error]"))
        let misconfigured = try runFriction(["lint", "--config", config.path, clean.path], in: directory)
        #expect(misconfigured.status == 2)
        #expect(misconfigured.stderr.contains("bad.yml:2:3: unknown rule 'not-a-rule'"))
        let badFormat = try runFriction(["lint", "--format", "yaml", clean.path], in: directory)
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("unknown format 'yaml'"))
    }

    @Test func suppressionCommentsSilenceFindings() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-suppress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("p.md")
        try """
            ---
            owner: Ops
            review: 2030-01-01
            ---
            # Refunds

            <!-- friction-disable-next-line rigid-rule -- agreed with Legal -->
            Refunds will not be issued under any circumstances.
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try runFriction(["lint", "--format", "json", file.path], in: directory)
        #expect(!result.stdout.contains("\"rigid-rule\""))
        #expect(result.stdout.contains("\"suppressed\": 1"))
    }

    @Test func legislationIsReadButNotJudgedAsARulebook() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-law-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let statute = "<bill xmlns=\"http://schemas.gpo.gov/xml/uslm\"><section><heading>Refunds</heading><content>Refunds will not be issued under any circumstances.</content></section></bill>"
        try statute.write(to: directory.appendingPathComponent("bill.xml"), atomically: true, encoding: .utf8)
        let policy = "<policy><title>Refunds</title><p>Refunds will not be issued under any circumstances.</p></policy>"
        try policy.write(to: directory.appendingPathComponent("policy.xml"), atomically: true, encoding: .utf8)
        let result = try runFriction(["lint", "--format", "compact", "bill.xml", "policy.xml"], in: directory)
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("bill.xml") && $0.contains("[rigid-rule]") })
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("policy.xml") && $0.contains("[rigid-rule]") })
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownOption = try runFriction(["lint", "--no-such-option", "Policies"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("--no-such-option"))
        let missingArgument = try runFriction(["explain"])
        #expect(missingArgument.status == 2)
        let both = try runFriction(["lint", "--baseline", "a.json", "--write-baseline", "b.json", "Policies"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("cannot be used together"))
        let help = try runFriction(["lint", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: friction lint"))
    }

    @Test func aUTF16FileIsQuotedFromItsDecodedText() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-utf16-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "---\nowner: Ops\nreview: 2030-01-01\n---\n# Refunds\n\nRefunds will not be issued under any circumstances.\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: directory.appendingPathComponent("utf16.md"))
        let result = try runFriction(["lint", "utf16.md"], in: directory, environment: ["NO_COLOR": "1"])
        #expect(result.stdout.contains("      Refunds will not be issued under any circumstances.\n              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("\u{0}"))
    }
}
