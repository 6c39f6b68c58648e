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

    @Test func identifiersWithUnderscoresAreOneToken() {
        let tokens = Tokenizer.tokenize(Array("Set no_toc and customer_id.".unicodeScalars))
        #expect(tokens.map(\.normalized) == ["set", "no_toc", "and", "customer_id", "."])
    }
}
