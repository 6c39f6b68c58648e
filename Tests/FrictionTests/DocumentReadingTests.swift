import Foundation
import FrictionCore
import FrictionParsers
import FrictionRules
import Testing

/// Which documents are judged for friction: service policies are; long
/// runbooks and legal drafting are read (annotations kept) but get no
/// friction findings; short notes are judged on their own words; a declared
/// audience always gets a document judged.
@Suite("Document reading")
struct DocumentReadingTests {
    /// The rules each fixture gets, from the compact format, with an empty
    /// configuration so the project's own excludes do not apply.
    private func rules(of fixture: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("empty.yml")
        try "".write(to: config, atomically: true, encoding: .utf8)
        let result = try runFriction(["lint", "--format", "compact", "--config", config.path, TestPaths.fixture("reading/\(fixture)")])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap { line in
            guard let open = line.lastIndex(of: "["), line.hasSuffix("]") else { return nil }
            return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        }
    }

    @Test("a service policy is judged: rigid rules, the section, owner and review date")
    func servicePolicyIsJudged() throws {
        let found = try rules(of: "service.md")
        #expect(found.filter { $0 == "rigid-rule" }.count == 4, "\(found)")
        #expect(found.contains("missing-empowerment"))
        #expect(found.contains("missing-owner"))
        #expect(found.contains("missing-review-date"))
    }

    @Test("a long runbook that never names a customer gets no friction findings")
    func runbookIsNotJudged() throws {
        #expect(try rules(of: "runbook.md") == [])
    }

    @Test("legal drafting (shall, this subpart) gets no friction findings, even about refunds")
    func legalDraftingIsNotJudged() throws {
        #expect(try rules(of: "regulation.md") == [])
    }

    @Test("a short note is judged on its own words")
    func shortNoteIsJudged() throws {
        #expect(try rules(of: "short-note.md").contains("rigid-rule"))
    }

    @Test("evidence read a part at a time adds up to the reading of the whole")
    func evidenceAddsUp() throws {
        let ruleSet = RuleSet(lexicon: try LexiconLoader.load(includeBuiltIn: true, directories: []))
        func evidence(_ text: String) throws -> ReadingEvidence {
            ruleSet.analyze(try DocumentReader().parse(bytes: Array(text.utf8), path: "part.md")).evidence
        }
        let service = try String(contentsOfFile: TestPaths.fixture("reading/service.md"), encoding: .utf8)
        let runbook = try String(contentsOfFile: TestPaths.fixture("reading/runbook.md"), encoding: .utf8)
        var parts = try evidence(service)
        parts.add(try evidence(runbook))
        let whole = try evidence(service + "\n" + runbook)
        #expect(parts == whole)
        #expect(whole.reading == .servicePolicy)
        #expect(try evidence(runbook).reading == .otherGuidance)
        // A part judged as its whole was read keeps its findings.
        let runbookDocument = try DocumentReader().parse(bytes: Array(runbook.utf8), path: "runbook.md")
        #expect(ruleSet.check(runbookDocument).findings.isEmpty)
        #expect(!ruleSet.check(runbookDocument, reading: .servicePolicy).findings.isEmpty)
    }

    @Test("a declared audience gets a runbook judged, and weak wording still needs a service to limit")
    func audienceIsAlwaysJudged() throws {
        let found = try rules(of: "runbook-with-audience.md")
        // "Under no circumstances" is strong wording; "never deploy", "will
        // not be promoted" and "cannot be resized" limit no one's service.
        #expect(found.filter { $0 == "rigid-rule" }.count == 1, "\(found)")
        #expect(!found.contains("missing-owner"))
    }
}
