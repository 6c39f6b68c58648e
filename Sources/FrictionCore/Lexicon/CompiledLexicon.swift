/// One phrase of a lexicon concept.
public struct LexiconEntry: Sendable, Equatable {
    public var id: String
    /// The concept (file name without extension): `rigid`, `empowerment`...
    public var concept: String
    public var pattern: String
    public var note: String?
    public var weight: Double
    public var suggestion: String?
    /// Where the entry was defined.
    public var path: String
    public var line: Int?
}

/// One place where a lexicon entry matched a sentence (token indices, half-open).
public struct LexiconMatch: Sendable, Equatable {
    public var entry: Int
    public var concept: Int
    public var tokens: Range<Int>
}

/// All matches in one sentence, grouped by concept.
public struct LexiconMatches: Sendable {
    public let all: [LexiconMatch]
    /// `all` ordered by concept, each concept's matches in their order in
    /// `all`; a concept's run is found by binary search. One array for the
    /// sentence, not one per concept it matched, nor a table of concept
    /// starts (a sentence matches a handful of entries; the tables of every
    /// concept cost more to build than the searches they saved).
    private let byConcept: [LexiconMatch]
    /// Bit `c` set: concept `c` (below 64) has a match. Most questions are
    /// about concepts a sentence did not match, answered from here.
    private let present: UInt64

    init(all: [LexiconMatch]) {
        self.all = all
        var present: UInt64 = 0
        for match in all where match.concept < 64 { present |= 1 << UInt64(match.concept) }
        self.present = present
        // Already grouped (one match, or matches of one concept, or in
        // concept order): shared with `all`, not copied.
        guard zip(all, all.dropFirst()).contains(where: { $0.concept > $1.concept }) else {
            byConcept = all
            return
        }
        var grouped = all
        if grouped.count <= Self.insertionSortLimit {
            // Stable: a match moves left only past matches of a later concept.
            for index in 1..<grouped.count {
                let match = grouped[index]
                var slot = index
                while slot > 0 && grouped[slot - 1].concept > match.concept {
                    grouped[slot] = grouped[slot - 1]
                    slot -= 1
                }
                grouped[slot] = match
            }
        } else {
            grouped = all.enumerated().sorted { ($0.element.concept, $0.offset) < ($1.element.concept, $1.offset) }.map(\.element)
        }
        byConcept = grouped
    }

    /// Above this many matches, a sentence's matches are grouped by a sort
    /// that is not quadratic.
    private static let insertionSortLimit = 32

    public func of(_ concept: Int?) -> ArraySlice<LexiconMatch> {
        guard let concept, concept >= 64 || present & (1 << UInt64(concept)) != 0 else { return [] }
        let start = firstIndex(ofConceptAtLeast: concept)
        let end = firstIndex(ofConceptAtLeast: concept + 1)
        return byConcept[start..<end]
    }

    public func has(_ concept: Int?) -> Bool {
        guard let concept else { return false }
        return concept < 64 ? present & (1 << UInt64(concept)) != 0 : !of(concept).isEmpty
    }

    private func firstIndex(ofConceptAtLeast concept: Int) -> Int {
        byConcept.partitionIndex { $0.concept < concept }
    }
}

/// Every lexicon of a run compiled into one token automaton.
///
/// A class, immutable once made: every file of a run reads the same one,
/// on every thread. As a struct, each copy (one per file, in the linter,
/// the rules and the coverage matcher) retained its thirty-odd tables, and
/// those reference counts were written from both cores at once.
public final class CompiledLexicon: Sendable {
    public let entries: [LexiconEntry]
    public let concepts: [String]
    private let conceptIndex: [String: Int]
    private let entryConcept: [Int]
    private let automaton: TokenAutomaton
    /// Shared by every thread matching with this lexicon (see `MatchScratchPool`).
    private let scratchPool = MatchScratchPool()

    /// `matching`: whether the automaton matches an entry (every one by
    /// default); the others are kept as entries, and never match.
    convenience init(entries: [LexiconEntry], patterns: [Pattern], matching: (LexiconEntry) -> Bool = { _ in true }) {
        var automaton = TokenAutomaton()
        for (number, pattern) in patterns.enumerated() where matching(entries[number]) {
            automaton.add(pattern, entry: number)
        }
        automaton.finish()
        self.init(entries: entries, automaton: automaton)
    }

    /// Entries with the automaton already compiled from their patterns.
    init(entries: [LexiconEntry], automaton: TokenAutomaton) {
        var concepts: [String] = []
        var index: [String: Int] = [:]
        var entryConcept: [Int] = []
        for entry in entries {
            let concept: Int
            if let known = index[entry.concept] {
                concept = known
            } else {
                concept = concepts.count
                index[entry.concept] = concept
                concepts.append(entry.concept)
            }
            entryConcept.append(concept)
        }
        self.entries = entries
        self.concepts = concepts
        self.conceptIndex = index
        self.entryConcept = entryConcept
        self.automaton = automaton
    }

    /// The compiled automaton as integers (`TokenAutomaton.serialized`).
    var serializedAutomaton: [Int32] { automaton.serialized() }

    /// Index of a concept, or nil when no loaded lexicon defines it.
    public func concept(_ name: String) -> Int? { conceptIndex[name] }

    /// Every match in `tokens`; for each entry and start, the longest match.
    public func matches(in tokens: [Token]) -> LexiconMatches {
        var scratch = MatchScratch()
        return matches(in: tokens, scratch: &scratch)
    }

    /// Working memory for matching, reused from one sentence to the next by
    /// callers that match many sentences (one per thread, not shared).
    public struct MatchScratch: Sendable {
        var automaton = TokenAutomaton.Scratch()
        var facts: [TokenAutomaton.TokenFacts] = []
        var found: [LexiconMatch] = []
        public init() {}
    }

    /// Working memory for a document's matching: give it back with
    /// `recycle` when the document is done, for the next one to use.
    public func borrowScratch() -> MatchScratch { scratchPool.take() }

    public func recycle(_ scratch: MatchScratch) { scratchPool.give(scratch) }

    /// `matches(in:)`, reusing `scratch` between calls.
    public func matches(in tokens: [Token], scratch: inout MatchScratch) -> LexiconMatches {
        matches(in: tokens, scratch: &scratch, checkingSignature: true)
    }

    /// `checkingSignature: false` enters every state whatever words the
    /// sentence holds (see `WordSignature`): for tests that hold the two
    /// ways of matching to the same matches.
    func matches(in tokens: [Token], scratch: inout MatchScratch, checkingSignature: Bool) -> LexiconMatches {
        // The per-token table lives in `scratch`: taken out for the call and
        // put back after, so that matching a sentence allocates only its result.
        var facts = scratch.facts
        var found = scratch.found
        var automatonScratch = scratch.automaton
        scratch = MatchScratch()
        defer {
            scratch.automaton = automatonScratch
            scratch.facts = facts
            scratch.found = found
        }
        // The table only grows: written in place through a buffer, the first
        // `tokens.count` entries are this sentence's (an append per token
        // checked the array's uniqueness and room each time).
        if facts.count < tokens.count {
            facts += repeatElement(TokenAutomaton.TokenFacts(id: TokenAutomaton.unknown, isNumber: false, isYear: false, isAnchor: false),
                                   count: tokens.count - facts.count)
        }
        // One pass through the tokens' buffer: read in place, a token's
        // text is compared only when its hash finds a lexicon word. The
        // sentence's signature (`WordSignature`) is gathered on the way.
        var signature = WordSignature.alwaysBit
        facts.withUnsafeMutableBufferPointer { facts in
            tokens.withUnsafeBufferPointer { tokens in
                // A sentence may begin after a list marker or an opening quote,
                // and after a colon, semicolon or dash that opens a new clause:
                // a pattern anchored with `^` may start there.
                var leading = true
                var anchored = true
                for index in tokens.indices {
                    let kind = tokens[index].kind
                    let number = kind == .number
                    let id = automaton.id(of: tokens[index])
                    signature |= automaton.signatureBit(of: id)
                    facts[index] = TokenAutomaton.TokenFacts(id: id, isNumber: number,
                                                             isYear: number && Self.isYear(tokens[index]), isAnchor: anchored)
                    if leading && (kind == .word || number) { leading = false }
                    anchored = leading || (kind == .punctuation && Self.opensClause(tokens[index]))
                }
            }
        }
        // For each entry and start, the longest match. The automaton reports
        // one start at a time, in order, and a start's ends never decrease:
        // an entry seen again at the same start only moves its end.
        found.removeAll(keepingCapacity: true)
        // Read once, not through `self` at every match the closure reports.
        let entryConcept = self.entryConcept
        var startFirst = 0
        var currentStart = -1
        if !checkingSignature { signature = WordSignature.unconstrained }
        automaton.run(facts[..<tokens.count], signature: signature, scratch: &automatonScratch) { entry, start, end in
            if start != currentStart {
                currentStart = start
                startFirst = found.count
            }
            for index in startFirst..<found.count where found[index].entry == entry {
                if end > found[index].tokens.upperBound { found[index].tokens = start..<end }
                return
            }
            found.append(LexiconMatch(entry: entry, concept: entryConcept[entry], tokens: start..<end))
        }
        // Sorted in the scratch array, then copied out once. (Sorting a copy
        // that shared its storage copied it first, even when empty: an
        // allocation per sentence, most of them for no match at all.)
        guard !found.isEmpty else { return LexiconMatches(all: []) }
        if found.count > 1 {
            found.sort { $0.tokens.lowerBound != $1.tokens.lowerBound ? $0.tokens.lowerBound < $1.tokens.lowerBound : $0.entry < $1.entry }
        }
        return LexiconMatches(all: Array(found))
    }

    private static let clauseOpeners = [":", ";", "-"].map(TokenText.init(normalized:))

    @inline(__always)
    private static func opensClause(_ token: Token) -> Bool {
        clauseOpeners.contains(token.text)
    }

    /// A four-digit number from 1800 to 2199, read from the token's bytes.
    private static func isYear(_ token: Token) -> Bool {
        guard token.normalizedCount == 4 else { return false }
        return token.withNormalizedUTF8 { digits in
            var value = 0
            for digit in digits {
                guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return false }
                value = value * 10 + Int(digit - UInt8(ascii: "0"))
            }
            return value >= 1800 && value <= 2199
        }
    }
}
