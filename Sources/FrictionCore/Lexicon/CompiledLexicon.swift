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
    /// `all`: concept `c`'s are `byConcept[conceptStart[c] ..< conceptStart[c + 1]]`.
    /// Two arrays for the sentence, not one per concept it matched (those
    /// were most of matching's allocations).
    private let byConcept: [LexiconMatch]
    private let conceptStart: [Int]

    init(all: [LexiconMatch], conceptCount: Int) {
        self.all = all
        // Most sentences match nothing: no table to build for them.
        guard !all.isEmpty else {
            byConcept = []
            conceptStart = []
            return
        }
        var start = Array(repeating: 0, count: conceptCount + 1)
        for match in all { start[match.concept + 1] += 1 }
        for concept in 0..<conceptCount { start[concept + 1] += start[concept] }
        var next = start
        var grouped = all
        for match in all {
            grouped[next[match.concept]] = match
            next[match.concept] += 1
        }
        byConcept = grouped
        conceptStart = start
    }

    public func of(_ concept: Int?) -> ArraySlice<LexiconMatch> {
        guard let concept, concept + 1 < conceptStart.count else { return [] }
        return byConcept[conceptStart[concept]..<conceptStart[concept + 1]]
    }

    public func has(_ concept: Int?) -> Bool { !of(concept).isEmpty }
}

/// Every lexicon of a run compiled into one token automaton.
public struct CompiledLexicon: Sendable {
    public let entries: [LexiconEntry]
    public let concepts: [String]
    private let conceptIndex: [String: Int]
    private let entryConcept: [Int]
    private let automaton: TokenAutomaton
    /// Shared by every copy of this lexicon (see `MatchScratchPool`).
    private let scratchPool = MatchScratchPool()

    init(entries: [LexiconEntry], patterns: [Pattern]) {
        var automaton = TokenAutomaton()
        for (number, pattern) in patterns.enumerated() { automaton.add(pattern, entry: number) }
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
        var ids: [Int32] = []
        var isNumber: [Bool] = []
        var isYear: [Bool] = []
        var anchors: [Bool] = []
        var found: [LexiconMatch] = []
        public init() {}
    }

    /// Working memory for a document's matching: give it back with
    /// `recycle` when the document is done, for the next one to use.
    public func borrowScratch() -> MatchScratch { scratchPool.take() }

    public func recycle(_ scratch: MatchScratch) { scratchPool.give(scratch) }

    /// `matches(in:)`, reusing `scratch` between calls.
    public func matches(in tokens: [Token], scratch: inout MatchScratch) -> LexiconMatches {
        // The per-token tables live in `scratch`: taken out for the call and
        // put back after, so that matching a sentence allocates only its result.
        var ids = scratch.ids, isNumber = scratch.isNumber, isYear = scratch.isYear, anchors = scratch.anchors
        var found = scratch.found
        var automatonScratch = scratch.automaton
        scratch = MatchScratch()
        defer {
            scratch.automaton = automatonScratch
            (scratch.ids, scratch.isNumber, scratch.isYear, scratch.anchors) = (ids, isNumber, isYear, anchors)
            scratch.found = found
        }
        ids.removeAll(keepingCapacity: true)
        isNumber.removeAll(keepingCapacity: true)
        isYear.removeAll(keepingCapacity: true)
        for token in tokens {
            ids.append(automaton.id(of: token.normalized))
            let number = token.kind == .number
            isNumber.append(number)
            isYear.append(number && Self.isYear(token.normalized))
        }
        // A sentence may begin after a list marker or an opening quote.
        // (`anchors[i]`: a pattern anchored with `^` may start at token i.)
        anchors.removeAll(keepingCapacity: true)
        anchors.append(contentsOf: repeatElement(false, count: tokens.count + 1))
        anchors[0] = true
        var first = 0
        while first < tokens.count, tokens[first].kind != .word, tokens[first].kind != .number {
            first += 1
            anchors[first] = true
        }
        // ... and after a colon, semicolon or dash that opens a new clause.
        for (index, token) in tokens.enumerated() where token.kind == .punctuation
            && (token.normalized == ":" || token.normalized == ";" || token.normalized == "-") {
            anchors[index + 1] = true
        }
        // For each entry and start, the longest match. The automaton reports
        // one start at a time, in order, and a start's ends never decrease:
        // an entry seen again at the same start only moves its end.
        found.removeAll(keepingCapacity: true)
        // A local copy: the closure below would otherwise copy all of `self`.
        let entryConcept = self.entryConcept
        var startFirst = 0
        var currentStart = -1
        automaton.run(ids: ids, isNumber: isNumber, isYear: isYear, anchorPositions: anchors,
                      scratch: &automatonScratch) { entry, start, end in
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
        var result = found
        result.sort { $0.tokens.lowerBound != $1.tokens.lowerBound ? $0.tokens.lowerBound < $1.tokens.lowerBound : $0.entry < $1.entry }
        return LexiconMatches(all: result, conceptCount: concepts.count)
    }

    /// A four-digit number from 1800 to 2199.
    private static func isYear(_ text: String) -> Bool {
        guard text.utf8.count == 4, let value = Int(text) else { return false }
        return value >= 1800 && value <= 2199
    }
}
