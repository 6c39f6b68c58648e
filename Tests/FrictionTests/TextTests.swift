import FrictionCore
import FrictionParsers
import Testing

@Suite("Sentences and tokens")
struct TextTests {
    private func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(scalars).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    @Test(arguments: [
        "Bring ID, e.g. a passport, to the desk.",
        "Items, i.e. shoes and bags, are covered.",
        "Gloves, hats etc. are final sale.",
        "See form No. 12 for details.",
        "Our U.S. stores open at 9 a.m. on weekdays.",
        "Acme Inc. and Widgets Ltd. are partners.",
        "Dr. Smith approves exceptions.",
        "Fees rise by 2.5 percent under section 4.2.1 of the terms.",
        "Contact J. Smith in finance.",
    ])
    func abbreviationsDecimalsAndSectionNumbersStayInOneSentence(_ text: String) {
        #expect(sentences(text) == [text])
    }

    @Test func sentencesSplitAtTerminators() {
        #expect(sentences("No refunds. Ask a manager! Why? Because.") == ["No refunds.", "Ask a manager!", "Why?", "Because."])
        #expect(sentences("He said “No.” Then left.") == ["He said “No.”", "Then left."])
        #expect(sentences("Ends with etc. The next one starts.") == ["Ends with etc.", "The next one starts."])
        #expect(sentences("A list item without a stop") == ["A list item without a stop"])
        // The terminators beyond ASCII, among characters above and below them.
        #expect(sentences("Refunds close soon… Ask first！ Staff decide？ The end。 Café — “Done”") ==
                ["Refunds close soon…", "Ask first！", "Staff decide？", "The end。", "Café — “Done”"])
        #expect(sentences("日本語の文です。 Next one ends here. 42") == ["日本語の文です。", "Next one ends here.", "42"])
    }

    @Test func tokensAreNormalisedWithContractionsExpanded() {
        let text = "We CAN’T refund—Don't ask; it's non‑refundable. The customer’s card cannot."
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        let words = tokens.filter { $0.kind == .word }.map(\.normalized)
        #expect(words == ["we", "can", "not", "refund", "do", "not", "ask", "it", "is", "non-refundable",
                          "the", "customer", "'s", "card", "can", "not"])
        // Both halves of a contraction point at the whole word.
        let cant = tokens.filter { $0.normalized == "can" || $0.normalized == "not" }.prefix(2)
        #expect(cant.map(\.range) == [3..<8, 3..<8])
        #expect(tokens.contains { $0.kind == .punctuation && $0.normalized == "-" })
    }

    @Test func quotesBecomeQuoteTokens() {
        let tokens = Tokenizer.tokenize(Array("Never say ‘that’s just policy’ or \"no\".".unicodeScalars))
        #expect(tokens.filter { $0.kind == .quote }.count == 4)
        #expect(tokens.contains { $0.normalized == "that" } && tokens.contains { $0.normalized == "is" })
    }

    /// Short ASCII words take a fast path through the tokenizer; long words
    /// (over 15 bytes) and words with other characters take the general one.
    /// Both must cut, fold and hash words alike.
    @Test func wordsAreCutAndFoldedAlikeWhateverTheirLengthOrScript() {
        let text = "Version 4.2.1 costs 1,000 USD; see Section_12b, re-apply`s and the ^caret, "
            + "confidentiality, Internationalisation responsibilities Café 1.5. end-"
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        #expect(tokens.map(\.normalized) == [
            "version", "4.2.1", "costs", "1,000", "usd", ";", "see", "section_12b", ",", "re-apply", "'s", "and", "the",
            "^", "caret", ",", "confidentiality", ",", "internationalisation", "responsibilities", "café", "1.5", ".",
            "end", "-",
        ])
        #expect(tokens.filter { $0.kind == .number }.map(\.normalized) == ["4.2.1", "1,000", "1.5"])
        #expect(tokens.filter(\.isCapitalized).map(\.normalized) == ["version", "usd", "section_12b", "internationalisation", "café"])
        // The same text and hash as a token made from the string itself.
        for token in tokens {
            #expect(token == Token(normalized: token.normalized, kind: token.kind, range: token.range, isCapitalized: token.isCapitalized))
        }
        let long = tokens.first { $0.normalized == "responsibilities" }
        #expect(long?.range == 113..<129)
    }

    @Test func identifiersWithUnderscoresAreOneToken() {
        let tokens = Tokenizer.tokenize(Array("Set no_toc and customer_id.".unicodeScalars))
        #expect(tokens.map(\.normalized) == ["set", "no_toc", "and", "customer_id", "."])
    }
}
