import Testing
@testable import FrictionCore

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
