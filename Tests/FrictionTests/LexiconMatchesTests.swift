@testable import FrictionCore
import Testing

/// A sentence's matches grouped by concept: each concept's matches in the
/// order of `all`, whether grouped by the short-list insertion or the sort.
@Suite("Lexicon matches by concept")
struct LexiconMatchesTests {
    @Test("each concept's matches come in their order, absent concepts give none", arguments: [0, 1, 2, 7, 33, 200])
    func grouping(count: Int) {
        // Concepts 0 ..< 70 (some above the 64 of the bit set), interleaved.
        let all = (0..<count).map { LexiconMatch(entry: $0, concept: ($0 * 37) % 70, tokens: $0..<($0 + 1)) }
        let matches = LexiconMatches(all: all)
        #expect(matches.all == all)
        for concept in 0..<72 {
            let expected = all.filter { $0.concept == concept }
            #expect(Array(matches.of(concept)) == expected, "concept \(concept)")
            #expect(matches.has(concept) == !expected.isEmpty, "concept \(concept)")
        }
        #expect(matches.of(nil).isEmpty)
        #expect(!matches.has(nil))
    }
}
