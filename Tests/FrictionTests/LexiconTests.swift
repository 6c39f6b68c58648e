import Foundation
import Testing
import FrictionCore
import FrictionParsers
import FrictionRules

/// A temporary lexicon directory with the given files.
func lexiconDirectory(_ files: [String: String]) throws -> String {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("friction-lexicon-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
    return directory
}

private func findings(_ text: String, lexicon: CompiledLexicon, rule: String = "rigid-rule") throws -> [Finding] {
    let document = try DocumentReader().parse(bytes: Array(text.utf8), path: "x.md")
    return RuleSet(lexicon: lexicon).check(document).findings.filter { $0.rule == rule }
}

@Suite struct LexiconTests {
    @Test func builtInLexiconsLoadAndDefineEveryConcept() throws {
        let lexicon = try LexiconLoader.load()
        for concept in ["rigid", "scripted-refusal", "rule-as-reason", "exception", "empowerment", "escalation", "rationale",
                        "protective", "commitment", "approval-bottleneck", "internal-handoff", "vague-commitment",
                        "customer-facing", "descriptive", "anti-friction", "instruction"] {
            #expect(lexicon.concept(concept) != nil, "missing concept \(concept)")
        }
        #expect(Set(lexicon.entries.map { "\($0.concept)/\($0.id)/\($0.pattern)" }).count == lexicon.entries.count)
    }

    @Test func builtInLexiconsAreEmbeddedFromTheSourceTree() throws {
        // The repository's Lexicons/ must match what the binary embeds.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let errors = LexiconLoader.check(directory: root.appendingPathComponent("Lexicons/en").path)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func userDirectoryAddsAndDisablesEntries() throws {
        let directory = try lexiconDirectory([
            "rigid.yml": """
                entries:
                  - id: house-rule
                    pattern: "out of bounds"
                    note: Our own wording.
                    suggestion: Say who can allow it.
                disable: [non-x, non-x-fragment]
                """,
        ])
        let base = try LexiconLoader.load()
        #expect(try findings("Early termination fees are non-negotiable.", lexicon: base).count == 1)
        let extended = try LexiconLoader.load(directories: [directory])
        #expect(try findings("Early termination fees are non-negotiable.", lexicon: extended).isEmpty)
        let added = try findings("Refunds are out of bounds for sale items.", lexicon: extended)
        #expect(added.map(\.text) == ["out of bounds"])
        #expect(added.first?.suggestion == "Say who can allow it.")
        #expect(LexiconLoader.check(directory: directory).isEmpty)
    }

    @Test func withoutBuiltInsOnlyUserEntriesMatch() throws {
        let directory = try lexiconDirectory(["rigid.yml": "entries:\n  - id: only-this\n    pattern: 'out of bounds'\n"])
        let lexicon = try LexiconLoader.load(includeBuiltIn: false, directories: [directory])
        #expect(lexicon.entries.map(\.id) == ["only-this"])
    }

    @Test func badPatternIsLocated() throws {
        let directory = try lexiconDirectory(["rigid.yml": "entries:\n  - id: broken\n    pattern: \"not (permitted\"\n"])
        #expect(throws: FrictionError.self) { try LexiconLoader.load(directories: [directory]) }
        let errors = LexiconLoader.check(directory: directory)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.path == directory + "/rigid.yml")
        #expect(error.line == 3)
        #expect(error.column != nil)
        #expect(error.reason.contains("missing ')'"))
    }

    @Test func unknownKeysAreErrors() throws {
        let directory = try lexiconDirectory([
            "a.yml": "entries:\n  - id: x\n    pattern: foo\n    wieght: 2\n",
            "b.yml": "entires: []\n",
        ])
        let errors = LexiconLoader.check(directory: directory)
        #expect(errors.count == 2)
        #expect(errors.contains { $0.path?.hasSuffix("a.yml") == true && $0.line == 4 && $0.reason.contains("unknown key 'wieght'") })
        #expect(errors.contains { $0.path?.hasSuffix("b.yml") == true && $0.line == 1 && $0.reason.contains("unknown key 'entires'") })
    }

    @Test func malformedYAMLIsLocated() throws {
        let directory = try lexiconDirectory(["bad.yml": "entries:\n  - id: x\n    pattern: [unclosed\n"])
        let errors = LexiconLoader.check(directory: directory)
        let error = try #require(errors.first)
        #expect(error.path?.hasSuffix("bad.yml") == true)
        #expect(error.line != nil)
        #expect(error.reason.contains("invalid YAML"))
    }

    @Test func otherMistakesAreReported() throws {
        let directory = try lexiconDirectory([
            "a.yml": "entries:\n  - id: x\n    pattern: '{nosuchclass} refund'\n",
            "b.yml": "disable: [no-such-entry]\n",
            "c.yml": "entries:\n  - pattern: foo\n",
            "d.yml": "entries:\n  - id: y\n    pattern: foo\n    weight: heavy\n",
            "e.yml": "entries:\n  - id: z\n    pattern: foo\n  - id: z\n    pattern: bar\n",
        ])
        let reasons = LexiconLoader.check(directory: directory).map(\.description)
        #expect(reasons.count == 5, "\(reasons)")
        #expect(reasons.contains { $0.contains("a.yml:3") && $0.contains("unknown word class") })
        #expect(reasons.contains { $0.contains("b.yml:1") && $0.contains("no-such-entry") })
        #expect(reasons.contains { $0.contains("c.yml:2") && $0.contains("no 'id'") })
        #expect(reasons.contains { $0.contains("d.yml:4") && $0.contains("weight") })
        #expect(reasons.contains { $0.contains("e.yml:4") && $0.contains("duplicate entry id") })
    }

    @Test func missingDirectoryIsAnError() {
        let errors = LexiconLoader.check(directory: "/nonexistent/lexicons")
        #expect(errors.count == 1)
        #expect(throws: FrictionError.self) { try LexiconLoader.load(directories: ["/nonexistent/lexicons"]) }
    }
}
