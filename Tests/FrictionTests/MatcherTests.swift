import Foundation
import Testing
@testable import FrictionCore
import FrictionRules

@Suite struct MatcherTests {
    static let classes: [String: [[PatternNode]]] = [
        "be": [[.word("is")], [.word("are")]],
    ]

    func lexicon(_ patterns: [String]) throws -> CompiledLexicon {
        var text = "classes:\n  be: [is, are, was, were]\nentries:\n"
        for (index, pattern) in patterns.enumerated() {
            text += "  - id: e\(index)\n    pattern: '\(pattern)'\n"
        }
        var errors: [FrictionError] = []
        let file = try LexiconFile.parse(text, path: "test.yml")
        let compiled = LexiconLoader.assemble([file], errors: &errors, strictDisable: true)
        #expect(errors.isEmpty, "\(errors)")
        return compiled
    }

    func matches(_ patterns: [String], _ sentence: String) throws -> [(String, String)] {
        let lexicon = try lexicon(patterns)
        let scalars = Array(sentence.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        return lexicon.matches(in: tokens).all.map { match in
            let start = tokens[match.tokens.lowerBound].range.lowerBound
            let end = tokens[match.tokens.upperBound - 1].range.upperBound
            return (lexicon.entries[match.entry].id, String(String.UnicodeScalarView(scalars[start..<end])))
        }
    }

    @Test func literalAndContractions() throws {
        #expect(try matches(["can not"], "Staff can't do that.").map(\.1) == ["can't"])
        #expect(try matches(["can not"], "Staff CANNOT do that.").map(\.1) == ["CANNOT"])
        #expect(try matches(["can not"], "Staff can do that.").isEmpty)
    }

    @Test func classesAlternativesOptional() throws {
        #expect(try matches(["{be} not (permitted|allowed)"], "Agents are not allowed to.").map(\.1) == ["are not allowed"])
        #expect(try matches(["not [be] refunded"], "Fees will not be refunded.").map(\.1) == ["not be refunded"])
        #expect(try matches(["not [be] refunded"], "Fees are not refunded.").map(\.1) == ["not refunded"])
        #expect(try matches(["(a b|c)"], "x c y a b").map(\.1) == ["c", "a b"])
    }

    @Test func gapsAreBounded() throws {
        #expect(try matches(["not ...3 under any circumstances"], "will not, at all, under any circumstances").isEmpty)
        #expect(try matches(["not ...4 under any circumstances"], "will not, at all, under any circumstances").count == 1)
        #expect(try matches(["not ...2 under any circumstances"], "will not be seen at all under any circumstances").isEmpty)
    }

    @Test func inflections() throws {
        let found = try matches(["refund~"], "Refunds, refunded, refunding and refund.").map(\.1)
        #expect(found == ["Refunds", "refunded", "refunding", "refund"])
        #expect(PatternParser.inflections(of: "apply").contains("applies"))
        #expect(PatternParser.inflections(of: "waive").contains("waiving"))
    }

    @Test func anchorsNumbersAndQuotes() throws {
        #expect(try matches(["^ no {any}"], "No refunds.").count == 1)
        #expect(try matches(["^ no {any}"], "There is no refund.").isEmpty)
        #expect(try matches(["up to $ {number}"], "Agents may give up to $50.").map(\.1) == ["up to $50"])
        #expect(try matches(["\" that is"], "Avoid “that’s policy”.").map(\.1) == ["“that’s"])
        #expect(try matches(["until {year}"], "Until 2018 and until 5.").map(\.1) == ["Until 2018"])
    }

    /// A word that begins several patterns: its states are merged for the
    /// first step, except at a clause's start and for numbers, which take
    /// the general path. Both must find the same matches.
    @Test func wordsThatBeginSeveralPatternsMatchAlikeAtAndAfterTheStart() throws {
        let patterns = ["you", "you can", "you {any} not", "you {number}", "you ...2 refund~", "{any} refunds"]
        let sentence = "You can not give you 5 refunds."
        #expect(try matches(patterns, sentence).map { "\($0.0): \($0.1)" } == [
            "e0: You", "e1: You can", "e2: You can not", "e0: you", "e3: you 5", "e4: you 5 refunds", "e5: 5 refunds",
        ])
        // The same words after the start, without the pattern that starts anywhere.
        let found = try matches(Array(patterns.dropLast()), "Then you can not give you 5 refunds.")
        #expect(found.map(\.0) == ["e0", "e1", "e2", "e0", "e3", "e4"])
        #expect(found.map(\.1) == ["you", "you can", "you can not", "you", "you 5", "you 5 refunds"])
        // A number first: "5 refunds" through the general path.
        #expect(try matches(["{number} refund~", "5 days"], "Give 5 refunds in 5 days.").map(\.1) == ["5 refunds", "5 days"])
    }

    /// A state is entered only when the sentence holds a word it needs to
    /// reach an accept (`WordSignature`): gaps, classes, optional words and
    /// steps over any token or a number before the needed word.
    @Test func statesWaitingForAWordTheSentenceLacksAreSkippedAndNothingElse() throws {
        let patterns = ["the ...2 (policy|document) ...2 (applies|covers)", "(refund~|credit~) ...3 {any} approved",
                        "ask ...2 [the] manager", "up to {number} days", "never", "so that"]
        #expect(try matches(patterns, "The new policy covers refunds.").map(\.1) == ["The new policy covers"])
        #expect(try matches(patterns, "The new rule covers refunds.").isEmpty)
        #expect(try matches(patterns, "Refunds are then approved.").map(\.1) == ["Refunds are then approved"])
        #expect(try matches(patterns, "Ask the duty manager, never wait up to 5 days.").map(\.1)
            == ["Ask the duty manager", "never", "up to 5 days"])
        #expect(try matches(patterns, "Ask the duty lead so that it works.").map(\.1) == ["so that"])
    }

    /// The signature only ever skips states that cannot lead to a match:
    /// the built-in lexicons (the rules' and coverage's) find the same
    /// matches with and without it, over sentences written to trigger them.
    @Test func theWordSignatureNeverChangesWhatTheBuiltInLexiconsMatch() throws {
        let lexicons = [try LexiconLoader.load(), try CoverageMatcher.make(frameworkFiles: []).lexicon]
        var sentences = RuleSet.ruleTypes.flatMap { $0.description.triggeringExamples + $0.description.nonTriggeringExamples }
            .map { locateMarker($0).text }
        for framework in try FrameworkLoader.builtIn() { sentences += framework.elements.map(\.example) }
        // The sample rulebook, a line at a time.
        let policies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Policies")
        for name in try FileManager.default.contentsOfDirectory(atPath: policies.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: policies.appendingPathComponent(name), encoding: .utf8)
            sentences += text.split(separator: "\n").map(String.init)
        }
        #expect(sentences.count > 300)
        var matched = 0
        for lexicon in lexicons {
            var scratch = CompiledLexicon.MatchScratch()
            for sentence in sentences {
                let tokens = Tokenizer.tokenize(Array(sentence.unicodeScalars))
                let checked = lexicon.matches(in: tokens, scratch: &scratch, checkingSignature: true).all
                let unchecked = lexicon.matches(in: tokens, scratch: &scratch, checkingSignature: false).all
                #expect(checked == unchecked, "\(sentence)")
                matched += checked.count
            }
        }
        #expect(matched > 1_000)
    }

    @Test func apostrophesAreUnified() throws {
        #expect(try matches(["do not"], "Don’t and don't and DON'T.").count == 3)
    }

    @Test(arguments: [
        ("(a|b", "missing ')'"), ("a ]", "unexpected ']'"), ("{nope}", "unknown word class"),
        ("...3 a", "cannot start with a gap"), ("a ...99 b", "1 to 12"), ("[a]", "match no words"),
        ("a~b", "'~' must end a word"), ("(word)?", "not pattern syntax"), ("a | b", "outside"),
    ])
    func badPatterns(_ pattern: String, _ reason: String) {
        #expect(throws: PatternError.self) { try PatternParser.parse(pattern, classes: Self.classes) }
        do {
            _ = try PatternParser.parse(pattern, classes: Self.classes)
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }
}
