import Testing
import FrictionCore
import FrictionParsers
import FrictionRules

/// One example from one rule's description, in one wrapping.
struct RuleExample: Sendable, CustomTestStringConvertible {
    enum Wrapping: String, Sendable, CaseIterable {
        case markdown, xml, codeBlock = "code-block", multiByte = "multi-byte"
    }

    let rule: RuleDescription
    let source: String
    let triggering: Bool
    let wrapping: Wrapping

    var testDescription: String {
        "\(rule.identifier) \(triggering ? "triggers" : "passes") [\(wrapping.rawValue)]: \(source.prefix(60))"
    }

    /// Every rule's examples in every wrapping that applies to them.
    static let all: [RuleExample] = {
        var cases: [RuleExample] = []
        for rule in RuleSet.ruleTypes.map({ $0.description }) {
            let examples = rule.triggeringExamples.map { ($0, true) } + rule.nonTriggeringExamples.map { ($0, false) }
            for (source, triggering) in examples {
                for wrapping in Wrapping.allCases where applies(wrapping, rule: rule, source: source) {
                    cases.append(RuleExample(rule: rule, source: source, triggering: triggering, wrapping: wrapping))
                }
            }
        }
        return cases
    }()

    static func applies(_ wrapping: Wrapping, rule: RuleDescription, source: String) -> Bool {
        switch wrapping {
        case .markdown: return true
        case .codeBlock: return rule.scope != .document && !source.contains("```")
        case .xml, .multiByte:
            // Only single-paragraph prose can be moved into another container.
            guard rule.scope == .sentence, !source.contains("\n") else { return false }
            return !["#", "|", "-", "`"].contains(where: { source.hasPrefix($0) })
        }
    }

    /// The file to lint, still holding the marker.
    var wrapped: (text: String, path: String) {
        switch wrapping {
        case .markdown: return (source, "example.md")
        case .codeBlock: return ("```\n" + source + "\n```\n", "example.md")
        case .multiByte: return ("Zoë’s café is on the left. " + source + "\n", "example.md")
        case .xml:
            let escaped = source.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            return ("<policy>\n<section>\n<title>T</title>\n<p>Zoë’s café — " + escaped + "</p>\n</section>\n</policy>\n", "example.xml")
        }
    }
}

/// Line and column (in Unicode scalars) of the marker, and the text without it.
func locateMarker(_ text: String) -> (text: String, position: SourcePosition?) {
    var line = 1
    var column = 1
    var position: SourcePosition?
    var output = String.UnicodeScalarView()
    let marker = RuleDescription.marker.unicodeScalars.first!
    for scalar in text.unicodeScalars {
        if scalar == marker {
            position = SourcePosition(line: line, column: column)
            continue
        }
        output.append(scalar)
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }
    return (String(output), position)
}

let exampleRules: RuleSet = {
    do { return RuleSet(lexicon: try LexiconLoader.load()) } catch { fatalError("built-in lexicons do not load: \(error)") }
}()

@Suite struct RuleExampleTests {
    @Test("Every rule has a complete description")
    func descriptionsAreComplete() {
        let descriptions = exampleRules.descriptions
        #expect(descriptions.map(\.identifier) == descriptions.map(\.identifier).sorted())
        let expected: Set = ["rigid-rule", "scripted-refusal", "rule-as-reason", "missing-empowerment", "missing-rationale",
                             "approval-bottleneck", "internal-handoff", "vague-commitment", "missing-owner",
                             "missing-review-date", "parse-error"]
        #expect(Set(descriptions.map(\.identifier)) == expected)
        for rule in descriptions where rule.identifier != "parse-error" {
            #expect(rule.triggeringExamples.count >= 5, "\(rule.identifier) needs 5 triggering examples")
            #expect(rule.nonTriggeringExamples.count >= 5, "\(rule.identifier) needs 5 non-triggering examples")
            for example in rule.triggeringExamples {
                #expect(example.filter { $0 == RuleDescription.marker }.count == 1, "\(rule.identifier): one marker in \(example)")
            }
            #expect(!rule.rationale.isEmpty && !rule.message.isEmpty && !rule.suggestion.isEmpty)
        }
    }

    @Test("Rule examples", arguments: RuleExample.all)
    func example(_ example: RuleExample) throws {
        let (text, path) = example.wrapped
        let (clean, marker) = locateMarker(text)
        let document = try DocumentReader().parse(bytes: Array(clean.utf8), path: path)
        let findings = exampleRules.check(document) { $0 == example.rule.identifier }.findings
            .filter { $0.rule == example.rule.identifier }
        if example.triggering && example.wrapping != .codeBlock {
            let marker = try #require(marker)
            #expect(findings.contains { $0.range.start == marker },
                    "expected a finding at \(marker), got \(findings.map { "\($0.range.start) \($0.text)" })")
        } else {
            #expect(findings.isEmpty, "unexpected: \(findings.map { "\($0.range.start) \($0.text)" })")
        }
    }
}
