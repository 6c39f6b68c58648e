/// Which words a sentence holds, as one 64-bit mask, and for each state of
/// a `TokenAutomaton` the words it still needs: a state none of whose
/// needed words is in the sentence can reach no accept, and is not entered.
///
/// Most live states the matcher visited were patterns waiting, across a
/// gap, for a word the sentence does not hold: "(this|the|it) ...2
/// (policy|document|...)" after every "the", "(service|{patron}) ...6
/// (matters|...)" after every "customer". A sentence's signature rules
/// them out at the start.
///
/// A state's *needed words* are a set that every path from it to an accept
/// steps over at least once: its own token steps, and through its steps
/// over any token, a number or a year, what the states they reach need
/// (nothing can be said of a state reached that accepts). Each needed word
/// gets a bit; words needed by exactly the same states share one, so that a
/// word class costs a bit, not a bit per member. With more groups than bits,
/// groups share bits: a state is then entered more often than it need be,
/// never less. The signature is only ever a necessary condition.
struct WordSignature: Sendable {
    /// The bit always set in a sentence's signature, and in no word's: a
    /// state whose needed words cannot be named (`unconstrained`) is then
    /// entered also in a sentence with no needed word at all.
    static let alwaysBit: UInt64 = 1 << 63
    /// The mask of a state nothing is known of: always entered.
    static let unconstrained: UInt64 = ~0
    /// Bits available to word groups (the last one is `alwaysBit`).
    static let groupBits = 63

    /// Words frequent enough in any English text that a state needing one of
    /// them would be entered in nearly every sentence: such a state is left
    /// unconstrained rather than give the word a bit that would be set in
    /// every signature (and keep every state sharing the bit). A matter of
    /// speed only; no list here can change what matches.
    static let frequentWords: [String] = [
        "the", "a", "an", "to", "of", "and", "or", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "be", "was", "were", "been", "it", "this", "that", "these", "those", "you", "your", "we", "our", "they",
        "their", "he", "she", "his", "her", "i", "my", "me", "us", "them", "not", "no", "do", "does", "did", "can",
        "will", "would", "should", "may", "must", "have", "has", "had", "if", "when", "so", "but", "all", "any",
        "more", "most", "some", "there", "what", "which", "who", "how", "about", "into", "than", "then", "also",
        "just", "only", "other", "out", "up", "use", "new", "one", "each", "make", "get", "see", "need", "work",
        "team", "time", "here", "its", "'s", "-", ",", ".", ":", ";", "(", ")", "\"",
    ]

    /// For each word id, its bit (0 for a word no state needs).
    var wordBits: [UInt64]
    /// For each state, the bits of the words it needs after it is entered
    /// (its token steps and what follows them), `unconstrained` when none
    /// can be named.
    var stepMasks: [UInt64]

    /// The signature of a sentence whose words have these ids (unknown
    /// words, -1, add nothing).
    @inline(__always)
    func bit(of id: Int32) -> UInt64 { id >= 0 ? wordBits[Int(id)] : 0 }

    /// Works the masks out from an automaton's flat tables (see
    /// `TokenAutomaton`): per state, token steps `stepIDs[stepStart[s] ..<
    /// stepStart[s + 1]]`, other steps to `otherTargets[otherStart[s] ..<
    /// otherStart[s + 1]]`, and whether it accepts. `starts`: the patterns'
    /// start states, never entered (a match begins through the first-step
    /// tables): their first words would only take up bits.
    static func compute(stateCount: Int, wordCount: Int, stepStart: [Int32], stepIDs: [Int32],
                        otherStart: [Int32], otherTargets: [Int32], acceptStart: [Int32],
                        starts: [Int32], frequentIDs: [Int32]) -> WordSignature {
        // Needed words as bit sets over word ids, one row per state.
        let width = max(1, (wordCount + 63) / 64)
        var rows = [UInt64](repeating: 0, count: stateCount * width)
        var unknown = [Bool](repeating: false, count: stateCount)
        var done = [Bool](repeating: false, count: stateCount)
        var frequent = [UInt64](repeating: 0, count: width)
        for id in frequentIDs where id >= 0 { frequent[Int(id) / 64] |= 1 << UInt64(id % 64) }
        func accepts(_ state: Int) -> Bool { acceptStart[state + 1] > acceptStart[state] }
        // Patterns are finite: a state's other steps lead to states made
        // after it along one pattern, so the recursion ends (a state met
        // again before it is done is taken as unknown, to be safe).
        var visiting = [Bool](repeating: false, count: stateCount)
        func need(_ state: Int) {
            guard !done[state] else { return }
            guard !visiting[state] else {
                unknown[state] = true
                return
            }
            visiting[state] = true
            for index in Int(stepStart[state])..<Int(stepStart[state + 1]) {
                let id = Int(stepIDs[index])
                rows[state * width + id / 64] |= 1 << UInt64(id % 64)
            }
            for index in Int(otherStart[state])..<Int(otherStart[state + 1]) {
                let target = Int(otherTargets[index])
                need(target)
                if accepts(target) || unknown[target] {
                    unknown[state] = true
                    break
                }
                for word in 0..<width { rows[state * width + word] |= rows[target * width + word] }
            }
            if !unknown[state] {
                for word in 0..<width where rows[state * width + word] & frequent[word] != 0 {
                    unknown[state] = true
                    break
                }
            }
            visiting[state] = false
            done[state] = true
        }
        for state in 0..<stateCount { need(state) }
        for state in starts { unknown[Int(state)] = true }

        // Words needed by exactly the same distinct sets form a group.
        var setIndex: [ArraySlice<UInt64>: Int] = [:]
        var setOfState = [Int](repeating: -1, count: stateCount)
        for state in 0..<stateCount where !unknown[state] {
            let row = rows[(state * width)..<((state + 1) * width)]
            if let known = setIndex[row] {
                setOfState[state] = known
            } else {
                setOfState[state] = setIndex.count
                setIndex[row] = setIndex.count
            }
        }
        var sets = [ArraySlice<UInt64>](repeating: [], count: setIndex.count)
        for (row, index) in setIndex { sets[index] = row }
        var membership = [[Int]](repeating: [], count: wordCount)
        for (index, row) in sets.enumerated() {
            for (offset, word) in row.enumerated() where word != 0 {
                var bits = word
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    membership[offset * 64 + bit].append(index)
                    bits &= bits - 1
                }
            }
        }
        var groups: [[Int]: Int] = [:]
        var wordBits = [UInt64](repeating: 0, count: wordCount)
        for id in 0..<wordCount where !membership[id].isEmpty {
            let group: Int
            if let known = groups[membership[id]] { group = known } else {
                group = groups.count
                groups[membership[id]] = group
            }
            wordBits[id] = 1 << UInt64(group % groupBits)
        }
        var setMasks = [UInt64](repeating: 0, count: sets.count)
        for (index, row) in sets.enumerated() {
            for (offset, word) in row.enumerated() where word != 0 {
                var bits = word
                while bits != 0 {
                    setMasks[index] |= wordBits[offset * 64 + bits.trailingZeroBitCount]
                    bits &= bits - 1
                }
            }
        }
        let stepMasks = (0..<stateCount).map { state in
            setOfState[state] < 0 ? unconstrained : setMasks[setOfState[state]]
        }
        return WordSignature(wordBits: wordBits, stepMasks: stepMasks)
    }
}
