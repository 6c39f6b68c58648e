/// A nondeterministic automaton over interned token ids, built from every
/// lexicon pattern at once (Thompson construction, epsilon closures computed
/// up front). The first step from the start state is a table lookup by token
/// id, so a sentence costs one word lookup per token plus the work of the
/// few patterns that actually begin there.
struct TokenAutomaton: Sendable {
    enum Label: Sendable, Equatable {
        case token(Int32)
        case any
        case number
        case year
    }

    /// Token id of a word that no pattern mentions.
    static let unknown: Int32 = -1

    /// Edges while building; emptied by `finish`, which keeps their count.
    private var edges: [[(label: Label, target: Int32)]] = []
    private(set) var stateCount = 0
    /// Entry indices accepted in each state (after closure), while building.
    private var accepts: [[Int32]] = []
    /// State `s` accepts entries `acceptEntries[acceptStart[s] ..< acceptStart[s + 1]]`.
    private var acceptStart: [Int32] = []
    private var acceptEntries: [Int32] = []
    /// Epsilon closure of each state's targets, stored per edge target.
    private var closures: [[Int32]] = []
    /// First step from the start, free or anchored at the sentence start:
    /// over token id `i`, to `firstTargets[firstStart[i] ..< firstStart[i + 1]]`.
    private var firstStart: [Int32] = []
    private var firstTargets: [Int32] = []
    private var firstAny: [Int32] = []
    private var firstNumber: [Int32] = []
    private var firstYear: [Int32] = []
    private var anchoredStart: [Int32] = []
    private var anchoredTargets: [Int32] = []
    private var anchoredAny: [Int32] = []
    private var anchoredNumber: [Int32] = []
    private var anchoredYear: [Int32] = []

    /// Every word the patterns mention, with its token id.
    private(set) var words = WordTable()

    /// One step from a state, its epsilon closure included, in flat tables:
    /// state `s`'s token steps are `stepIDs[stepStart[s] ..< stepStart[s + 1]]`
    /// (sorted by token id, binary-searched) with `stepTargets` alongside;
    /// its steps over any token, a number or a year likewise. A step then
    /// costs a short binary search per live state instead of a scan over
    /// every edge of every state in its closure.
    private var stepStart: [Int32] = []
    private var stepIDs: [Int32] = []
    private var stepTargets: [Int32] = []
    private var otherStart: [Int32] = []
    private var otherLabels: [Label] = []
    private var otherTargets: [Int32] = []
    /// What the matching loop reads of each state, side by side: where its
    /// accepts, token steps and other steps are in the flat tables, and a
    /// mask with bit `id % 64` set for every token id it steps on (most live
    /// states have no step for the next token, and the mask says so without
    /// the binary search). One record per state is one cache line's read
    /// where the separate tables were four. Derived from the tables, so
    /// never serialized.
    private struct StateRecord {
        var acceptStart: Int32
        var acceptEnd: Int32
        var stepStart: Int32
        var stepEnd: Int32
        var otherStart: Int32
        var otherEnd: Int32
        var stepMask: UInt64
    }
    private var records: [StateRecord] = []
    /// For each word id, the states that a match starting at that word
    /// (not a number, not at a clause's start) is in after it: what they
    /// accept, merged, and each state's step mask, side by side. Three
    /// quarters of the live states the loop visited over the GitLab
    /// handbook were these, five or six per start (every pattern that
    /// begins with "you", say), and most have no step for the next token:
    /// their masks, read in a row, rule them out without a visit (a record
    /// each, scattered over the table). Derived from the tables, like
    /// `records`. (Merging their token steps too would cut the visits
    /// further, but states after a gap step on whole word classes: that
    /// was 390,000 steps to sort at every start-up.)
    private struct FirstStep {
        var acceptStart: Int32 = 0
        var acceptEnd: Int32 = 0
        var memberStart: Int32 = 0
        var memberEnd: Int32 = 0
        /// The members' step masks ORed.
        var stepMask: UInt64 = 0
        /// The members' needed words (`WordSignature`) ORed.
        var needs: UInt64 = 0
        /// Some member steps over any token, a number or a year.
        var hasOtherSteps = false
    }
    private struct FirstMember {
        var state: Int32
        var hasOtherSteps: Bool
        var stepMask: UInt64
        /// The words it needs to go on (`WordSignature.stepMasks`); its
        /// own accepts are in the merged ones.
        var needs: UInt64
    }
    private struct FirstSteps {
        var steps: [FirstStep] = []
        var accepts: [Int32] = []
        var members: [FirstMember] = []
    }
    private var firstSteps = FirstSteps()
    /// The words each state needs (see `WordSignature`), made with the
    /// automaton and serialized with it.
    private var signature = WordSignature(wordBits: [], stepMasks: [])
    /// For each state, whether to enter it given a sentence's signature:
    /// a state that accepts is always entered (its accepts are reported
    /// when it is), another one when the sentence holds a word it needs.
    /// Derived, like `records`.
    private var entryMasks: [UInt64] = []

    private var epsilon: [[Int32]] = []
    private var rawAccept: [[Int32]] = []
    private var starts: [Int32] = []
    private var anchoredStarts: [Int32] = []

    /// An empty automaton: `add` patterns, then `finish`.
    init() {}

    func id(of token: String) -> Int32 { words.id(of: token) ?? Self.unknown }

    @inline(__always)
    func id(of token: Token) -> Int32 { words.id(of: token) ?? Self.unknown }

    /// The bit a word adds to a sentence's signature (see `WordSignature`);
    /// 0 for a word no state needs, or an unknown one.
    @inline(__always)
    func signatureBit(of id: Int32) -> UInt64 { signature.bit(of: id) }

    /// What matching needs of one token: its word id, whether it is a
    /// number or a year, and whether an anchored pattern may start there.
    struct TokenFacts: Sendable {
        var id: Int32
        var isNumber: Bool
        var isYear: Bool
        var isAnchor: Bool
    }

    mutating func intern(_ word: String) -> Int32 { words.insert(word) }

    private mutating func newState() -> Int32 {
        edges.append([])
        epsilon.append([])
        rawAccept.append([])
        return Int32(edges.count - 1)
    }

    mutating func add(_ pattern: Pattern, entry: Int) {
        let start = newState()
        let end = compile(pattern.nodes, from: start)
        rawAccept[Int(end)].append(Int32(entry))
        if pattern.anchored { anchoredStarts.append(start) } else { starts.append(start) }
    }

    private mutating func compile(_ nodes: [PatternNode], from state: Int32) -> Int32 {
        var current = state
        for node in nodes {
            switch node {
            case .word(let word):
                let next = newState()
                edges[Int(current)].append((.token(intern(word)), next))
                current = next
            case .anyToken, .number, .year:
                let next = newState()
                edges[Int(current)].append((node == .number ? .number : node == .year ? .year : .any, next))
                current = next
            case .alternatives(let alternatives, let optional):
                // A one-token alternative (most word-class members) is an edge
                // straight to the end; only longer ones get a branch of states.
                let end = newState()
                for alternative in Self.flattened(alternatives) {
                    if alternative.count == 1, let label = label(of: alternative[0]) {
                        edges[Int(current)].append((label, end))
                        continue
                    }
                    let branch = newState()
                    epsilon[Int(current)].append(branch)
                    let branchEnd = compile(alternative, from: branch)
                    epsilon[Int(branchEnd)].append(end)
                }
                if optional { epsilon[Int(current)].append(end) }
                current = end
            case .gap(let width):
                let end = newState()
                epsilon[Int(current)].append(end)
                var step = current
                for _ in 0..<width {
                    let next = newState()
                    edges[Int(step)].append((.any, next))
                    epsilon[Int(next)].append(end)
                    step = next
                }
                current = end
            }
        }
        return current
    }

    /// The edge label of a node that matches exactly one token.
    private mutating func label(of node: PatternNode) -> Label? {
        switch node {
        case .word(let word): return .token(intern(word))
        case .anyToken: return .any
        case .number: return .number
        case .year: return .year
        case .alternatives, .gap: return nil
        }
    }

    /// `alternatives` with every alternative that is itself one required
    /// group (`word~`, `{class}`) replaced by that group's alternatives.
    private static func flattened(_ alternatives: [[PatternNode]]) -> [[PatternNode]] {
        func isGroup(_ alternative: [PatternNode]) -> Bool {
            if alternative.count == 1, case .alternatives(_, optional: false) = alternative[0] { return true }
            return false
        }
        guard alternatives.contains(where: isGroup) else { return alternatives }
        var result: [[PatternNode]] = []
        func add(_ alternatives: [[PatternNode]]) {
            for alternative in alternatives {
                if alternative.count == 1, case .alternatives(let inner, optional: false) = alternative[0] {
                    add(inner)
                } else {
                    result.append(alternative)
                }
            }
        }
        add(alternatives)
        return result
    }

    /// Computes closures and the first-step tables; call once after `add`.
    mutating func finish() {
        let count = edges.count
        // A state with no edges and no accepts of its own and a single epsilon
        // move (the end of an alternative, say) behaves exactly like the state
        // that move leads to: edges go straight there instead.
        func representative(_ state: Int32) -> Int32 {
            var s = state
            while edges[Int(s)].isEmpty, rawAccept[Int(s)].isEmpty, epsilon[Int(s)].count == 1 { s = epsilon[Int(s)][0] }
            return s
        }
        for state in 0..<count {
            for index in edges[state].indices { edges[state][index].target = representative(edges[state][index].target) }
        }
        // While matching, the live states are only ever edge targets (a start
        // state is left through the first-step tables), so closures, accepts
        // and step tables are computed for those and the start states alone:
        // most states are the entry and exit of an alternative, reached only
        // through epsilon moves.
        var needed = Array(repeating: false, count: count)
        for state in edges { for (_, target) in state { needed[Int(target)] = true } }
        for root in starts + anchoredStarts { needed[Int(root)] = true }
        closures = Array(repeating: [], count: count)
        accepts = Array(repeating: [], count: count)
        var mark = Array(repeating: -1, count: count)
        for state in 0..<count where needed[state] {
            var stack: [Int32] = [Int32(state)]
            var closure: [Int32] = []
            mark[state] = state
            while let s = stack.popLast() {
                closure.append(s)
                for t in epsilon[Int(s)] where mark[Int(t)] != state {
                    mark[Int(t)] = state
                    stack.append(t)
                }
            }
            closures[state] = closure
            var accepted: [Int32] = []
            for s in closure { accepted.append(contentsOf: rawAccept[Int(s)]) }
            accepts[state] = accepted
        }
        stepStart.reserveCapacity(count + 1)
        otherStart.reserveCapacity(count + 1)
        var tokenSteps: [(id: Int32, target: Int32)] = []
        for state in 0..<count {
            stepStart.append(Int32(stepIDs.count))
            otherStart.append(Int32(otherTargets.count))
            tokenSteps.removeAll(keepingCapacity: true)
            let otherFirst = otherTargets.count
            for s in closures[state] {
                for (label, target) in edges[Int(s)] {
                    if case .token(let id) = label {
                        tokenSteps.append((id, target))
                    } else if !(otherFirst..<otherTargets.count).contains(where: { otherLabels[$0] == label && otherTargets[$0] == target }) {
                        otherLabels.append(label)
                        otherTargets.append(target)
                    }
                }
            }
            tokenSteps.sort { $0.id != $1.id ? $0.id < $1.id : $0.target < $1.target }
            for (index, step) in tokenSteps.enumerated() where index == 0 || tokenSteps[index - 1] != step {
                stepIDs.append(step.id)
                stepTargets.append(step.target)
            }
        }
        stepStart.append(Int32(stepIDs.count))
        otherStart.append(Int32(otherTargets.count))
        let firstStep: [Int32: [Int32]]
        let anchoredStep: [Int32: [Int32]]
        (firstStep, firstAny, firstNumber, firstYear) = firstTables(starts)
        (anchoredStep, anchoredAny, anchoredNumber, anchoredYear) = firstTables(anchoredStarts)
        (firstStart, firstTargets) = Self.flat(firstStep, count: words.count)
        (anchoredStart, anchoredTargets) = Self.flat(anchoredStep, count: words.count)
        acceptStart.reserveCapacity(count + 1)
        for state in 0..<count {
            acceptStart.append(Int32(acceptEntries.count))
            acceptEntries += accepts[state]
        }
        acceptStart.append(Int32(acceptEntries.count))
        stateCount = count
        signature = WordSignature.compute(stateCount: count, wordCount: words.count, stepStart: stepStart, stepIDs: stepIDs,
                                          otherStart: otherStart, otherTargets: otherTargets, acceptStart: acceptStart,
                                          starts: starts + anchoredStarts,
                                          frequentIDs: WordSignature.frequentWords.compactMap { words.id(of: $0) })
        records = Self.records(acceptStart: acceptStart, stepStart: stepStart, stepIDs: stepIDs, otherStart: otherStart)
        entryMasks = Self.entryMasks(acceptStart: acceptStart, signature: signature)
        firstSteps = mergedFirstSteps()
        epsilon = []
        rawAccept = []
        closures = []
        accepts = []
        edges = []
    }

    /// A table keyed by token id as offsets into one array of targets.
    private static func flat(_ table: [Int32: [Int32]], count: Int) -> (starts: [Int32], targets: [Int32]) {
        var starts: [Int32] = []
        var targets: [Int32] = []
        starts.reserveCapacity(count + 1)
        for id in 0..<Int32(count) {
            starts.append(Int32(targets.count))
            if let found = table[id] { targets += found }
        }
        starts.append(Int32(targets.count))
        return (starts, targets)
    }

    private func firstTables(_ roots: [Int32]) -> ([Int32: [Int32]], [Int32], [Int32], [Int32]) {
        var step: [Int32: [Int32]] = [:]
        var any: [Int32] = []
        var number: [Int32] = []
        var year: [Int32] = []
        for root in roots {
            for s in closures[Int(root)] {
                for (label, target) in edges[Int(s)] {
                    switch label {
                    case .token(let id): step[id, default: []].append(target)
                    case .any: any.append(target)
                    case .number: number.append(target)
                    case .year: year.append(target)
                    }
                }
            }
        }
        return (step, any, number, year)
    }

    /// Working memory of `run`, kept between sentences so that matching a
    /// sentence allocates nothing that depends on the automaton's size.
    /// Every table has one slot per state: a set of live states never holds
    /// a state twice, so it never outgrows them.
    struct Scratch {
        var stamp: [Int] = []
        var generation = 0
        var current: [Int32] = []
        var next: [Int32] = []
    }

    /// Every (entry, start, end) match over the tokens `facts` describe
    /// (end exclusive), with working memory from `scratch`. `signature`:
    /// `WordSignature.alwaysBit` and the `signatureBit` of every token's id
    /// ORed (a state whose needed words are not there is not entered).
    func run(_ facts: ArraySlice<TokenFacts>, signature: UInt64, scratch: inout Scratch, _ report: (Int, Int, Int) -> Void) {
        guard stateCount > 0 else { return }
        if scratch.stamp.count != stateCount {
            scratch = Scratch(stamp: Array(repeating: -1, count: stateCount), generation: 0,
                              current: Array(repeating: 0, count: stateCount), next: Array(repeating: 0, count: stateCount))
        }
        // The state sets and their marks are written through buffer pointers:
        // as arrays, every write checked that the storage was not shared, and
        // every append that it had room (a tenth of the automaton's time).
        var generation = scratch.generation
        scratch.stamp.withUnsafeMutableBufferPointer { stamp in
            scratch.current.withUnsafeMutableBufferPointer { current in
                scratch.next.withUnsafeMutableBufferPointer { next in
                    var sets = LiveStates(stamp: stamp, generation: generation, current: current, next: next, signature: signature)
                    records.withUnsafeBufferPointer { records in
                        acceptEntries.withUnsafeBufferPointer { acceptEntries in
                            stepIDs.withUnsafeBufferPointer { stepIDs in
                                stepTargets.withUnsafeBufferPointer { stepTargets in
                                    firstSteps.steps.withUnsafeBufferPointer { firstSteps in
                                        self.firstSteps.accepts.withUnsafeBufferPointer { firstAccepts in
                                            self.firstSteps.members.withUnsafeBufferPointer { firstMembers in
                                                entryMasks.withUnsafeBufferPointer { entryMasks in
                                                    let tables = RunTables(records: records, acceptEntries: acceptEntries,
                                                                           stepIDs: stepIDs, stepTargets: stepTargets,
                                                                           firstSteps: firstSteps, firstAccepts: firstAccepts,
                                                                           firstMembers: firstMembers, entryMasks: entryMasks)
                                                    facts.withUnsafeBufferPointer { facts in
                                                        run(facts, sets: &sets, tables: tables, report)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    generation = sets.generation
                }
            }
        }
        scratch.generation = generation
    }

    /// The tables the matching loop reads most, as unchecked buffers: every
    /// range and target in them was checked when the automaton was made.
    private struct RunTables {
        let records: UnsafeBufferPointer<StateRecord>
        let acceptEntries: UnsafeBufferPointer<Int32>
        let stepIDs: UnsafeBufferPointer<Int32>
        let stepTargets: UnsafeBufferPointer<Int32>
        let firstSteps: UnsafeBufferPointer<FirstStep>
        let firstAccepts: UnsafeBufferPointer<Int32>
        let firstMembers: UnsafeBufferPointer<FirstMember>
        let entryMasks: UnsafeBufferPointer<UInt64>
    }

    /// The live states before and after a step, in the scratch's buffers.
    /// `stamp[s] == generation` says `s` is already in the set being filled.
    private struct LiveStates {
        let stamp: UnsafeMutableBufferPointer<Int>
        var generation: Int
        /// The sentence's signature (see `WordSignature`).
        let signature: UInt64
        private(set) var current: UnsafeMutableBufferPointer<Int32>
        private var next: UnsafeMutableBufferPointer<Int32>
        private(set) var currentCount = 0
        private var nextCount = 0

        init(stamp: UnsafeMutableBufferPointer<Int>, generation: Int,
             current: UnsafeMutableBufferPointer<Int32>, next: UnsafeMutableBufferPointer<Int32>, signature: UInt64) {
            (self.stamp, self.generation, self.current, self.next, self.signature) = (stamp, generation, current, next, signature)
        }

        /// The states live at the current position.
        var live: Slice<UnsafeMutableBufferPointer<Int32>> { current[0..<currentCount] }

        /// Empties the current set, to be filled from a new start.
        mutating func restart() {
            generation += 1
            currentCount = 0
        }

        /// Adds `state` to the current set, once.
        mutating func enter(_ state: Int32) {
            guard stamp[Int(state)] != generation else { return }
            stamp[Int(state)] = generation
            current[currentCount] = state
            currentCount += 1
        }

        /// Starts filling the next set, for one step.
        mutating func beginStep() { generation += 1 }

        /// Adds `state` to the next set, once.
        mutating func step(to state: Int32) {
            guard stamp[Int(state)] != generation else { return }
            stamp[Int(state)] = generation
            next[nextCount] = state
            nextCount += 1
        }

        /// After a step: the next states become the current ones.
        mutating func advance() {
            swap(&current, &next)
            currentCount = nextCount
            nextCount = 0
        }
    }

    private func run(_ facts: UnsafeBufferPointer<TokenFacts>, sets: inout LiveStates, tables: RunTables,
                     _ report: (Int, Int, Int) -> Void) {
        let count = facts.count
        // Can a match start at a word no pattern mentions (not a number, not
        // after a clause opener)? Only through a pattern that begins with {any}.
        let unknownWordsStart = !firstAny.isEmpty
        let signature = sets.signature
        // A state is entered only when the sentence holds a word it needs
        // to reach an accept, or when it accepts (see `WordSignature`).
        @inline(__always) func worthEntering(_ state: Int32) -> Bool { tables.entryMasks[Int(state)] & signature != 0 }
        for start in 0..<count {
            let first = facts[start]
            sets.restart()
            var position = start
            if !first.isNumber && !first.isAnchor && first.id != Self.unknown {
                // A word: the states it enters are read from its `FirstStep`,
                // their accepts merged and their masks side by side. Most
                // words begin nothing, or nothing that the next token goes
                // on with ("the", "to"): they end at the merged mask.
                let step = tables.firstSteps[Int(first.id)]
                for index in Int(step.acceptStart)..<Int(step.acceptEnd) {
                    report(Int(tables.firstAccepts[index]), start, start + 1)
                }
                position = start + 1
                guard position < count else { continue }
                let next = facts[position]
                let nextID = next.id
                let bit: UInt64 = nextID == Self.unknown ? 0 : 1 << (UInt64(nextID) & 63)
                guard (step.stepMask & bit != 0 || step.hasOtherSteps) && step.needs & signature != 0 else { continue }
                for member in tables.firstMembers[Int(step.memberStart)..<Int(step.memberEnd)] {
                    let mayStep = member.stepMask & bit != 0
                    guard (mayStep || member.hasOtherSteps) && member.needs & signature != 0 else { continue }
                    forEachStep(of: tables.records[Int(member.state)], over: next, byToken: mayStep, tables: tables) {
                        if worthEntering($0) { sets.enter($0) }
                    }
                }
            } else {
                // A number, a word at a clause's start, or a word no pattern
                // mentions (which begins a match only through a pattern that
                // begins with {any}).
                guard first.isNumber || first.isAnchor || unknownWordsStart else { continue }
                @inline(__always) func enter(_ targets: [Int32]) {
                    for t in targets where worthEntering(t) { sets.enter(t) }
                }
                @inline(__always) func enter(_ id: Int32, starts: [Int32], targets: [Int32]) {
                    guard id >= 0 else { return }
                    for index in Int(starts[Int(id)])..<Int(starts[Int(id) + 1]) where worthEntering(targets[index]) {
                        sets.enter(targets[index])
                    }
                }
                let id = first.id
                enter(id, starts: firstStart, targets: firstTargets)
                enter(firstAny)
                if first.isNumber { enter(firstNumber) }
                if first.isYear { enter(firstYear) }
                if first.isAnchor {
                    enter(id, starts: anchoredStart, targets: anchoredTargets)
                    enter(anchoredAny)
                    if first.isNumber { enter(anchoredNumber) }
                    if first.isYear { enter(anchoredYear) }
                }
            }
            while !sets.live.isEmpty {
                // Report accepts at `position + 1`, then step every live
                // state (closure included) over the next token.
                for s in sets.live {
                    let record = tables.records[Int(s)]
                    for index in Int(record.acceptStart)..<Int(record.acceptEnd) {
                        report(Int(tables.acceptEntries[index]), start, position + 1)
                    }
                }
                position += 1
                guard position < count else { break }
                sets.beginStep()
                let next = facts[position]
                let nextID = next.id
                for s in sets.live {
                    // A word no pattern mentions (most words) has no token
                    // steps, and the state's mask rules out most other words.
                    let record = tables.records[Int(s)]
                    let mayStep = nextID != Self.unknown && record.stepMask & 1 << (UInt64(nextID) & 63) != 0
                    forEachStep(of: record, over: next, byToken: mayStep, tables: tables) {
                        if worthEntering($0) { sets.step(to: $0) }
                    }
                }
                sets.advance()
            }
        }
    }

    /// Calls `body` with each state that `record`'s state steps to over the
    /// token `next` describes: its token steps for that id (a binary search
    /// for the first, done only when `byToken`, its mask having matched),
    /// then its steps over any token, a number or a year.
    @inline(__always)
    private func forEachStep(of record: StateRecord, over next: TokenFacts, byToken: Bool, tables: RunTables,
                             _ body: (Int32) -> Void) {
        if byToken {
            let end = Int(record.stepEnd)
            var low = tables.stepIDs[Int(record.stepStart)..<end].partitionIndex { $0 < next.id }
            while low < end && tables.stepIDs[low] == next.id {
                body(tables.stepTargets[low])
                low += 1
            }
        }
        for index in Int(record.otherStart)..<Int(record.otherEnd) where Self.takes(otherLabels[index], next) {
            body(otherTargets[index])
        }
    }

    /// Whether a step other than by token id (any token, a number, a year)
    /// goes over the token `facts` describes.
    @inline(__always)
    private static func takes(_ label: Label, _ facts: TokenFacts) -> Bool {
        switch label {
        case .token: false
        case .any: true
        case .number: facts.isNumber
        case .year: facts.isYear
        }
    }

    // MARK: Built at build time

    /// Bumped whenever the serialized layout or the compiler changes, so that
    /// automata embedded by an older build are never read.
    static let formatVersion: Int32 = 3

    /// The finished automaton as one array of integers: every table, each
    /// preceded by its length (see `init(serialized:)`).
    func serialized() -> [Int32] {
        precondition(edges.isEmpty && stateCount > 0, "serialize a finished automaton")
        var out: [Int32] = [Self.formatVersion, Int32(stateCount)]
        func put(_ table: [Int32]) {
            out.append(Int32(table.count))
            out += table
        }
        // A word's signature bit as its index (-1: none); a state's mask as its two halves.
        let wordBits = signature.wordBits.map { $0 == 0 ? Int32(-1) : Int32($0.trailingZeroBitCount) }
        let stepMasks = signature.stepMasks.flatMap { [Int32(truncatingIfNeeded: $0), Int32(truncatingIfNeeded: $0 >> 32)] }
        for table in [acceptStart, acceptEntries, stepStart, stepIDs, stepTargets, otherStart,
                      otherLabels.map(Self.code), otherTargets, firstStart, firstTargets, firstAny, firstNumber,
                      firstYear, anchoredStart, anchoredTargets, anchoredAny, anchoredNumber, anchoredYear,
                      wordBits, stepMasks] {
            put(table)
        }
        out.append(Int32(words.count))
        for id in 0..<words.count { put(words.bytes(of: id).map { Int32($0) }) }
        return out
    }

    /// An automaton from `serialized()`; nil when the data is of another
    /// format version or malformed.
    init?(serialized data: [Int32]) {
        var index = 0
        func take() -> Int32? {
            guard index < data.count else { return nil }
            index += 1
            return data[index - 1]
        }
        func table() -> [Int32]? {
            guard let count = take(), count >= 0, index + Int(count) <= data.count else { return nil }
            index += Int(count)
            return Array(data[(index - Int(count))..<index])
        }
        guard take() == Self.formatVersion, let states = take(), states > 0 else { return nil }
        var tables: [[Int32]] = []
        for _ in 0..<20 {
            guard let next = table() else { return nil }
            tables.append(next)
        }
        guard let wordCount = take(), wordCount >= 0 else { return nil }
        var words = WordTable(minimumCapacity: Int(wordCount))
        // Each word's bytes go straight into the table, through one buffer
        // (a table, an array of bytes and a string per word were half of
        // reading the automaton, itself a fifth of a one-file lint).
        var word = [UInt8](repeating: 0, count: 256)
        for id in 0..<wordCount {
            guard let length = take(), length >= 0, index + Int(length) <= data.count else { return nil }
            if Int(length) > word.count { word = [UInt8](repeating: 0, count: Int(length)) }
            let read = word.withUnsafeMutableBufferPointer { word -> Int32? in
                for offset in 0..<Int(length) {
                    let value = data[index + offset]
                    guard value >= 0 && value < 256 else { return nil }
                    word[offset] = UInt8(value)
                }
                return words.insert(utf8: UnsafeBufferPointer(rebasing: word[..<Int(length)]))
            }
            index += Int(length)
            guard read == id else { return nil }
        }
        guard index == data.count, tables[0].count == Int(states) + 1, tables[2].count == Int(states) + 1,
              tables[5].count == Int(states) + 1 else { return nil }
        var labels: [Label] = []
        for code in tables[6] {
            guard let label = Self.label(code: code) else { return nil }
            labels.append(label)
        }
        stateCount = Int(states)
        (acceptStart, acceptEntries, stepStart, stepIDs, stepTargets, otherStart) =
            (tables[0], tables[1], tables[2], tables[3], tables[4], tables[5])
        (otherLabels, otherTargets, firstStart, firstTargets, firstAny, firstNumber, firstYear) =
            (labels, tables[7], tables[8], tables[9], tables[10], tables[11], tables[12])
        (anchoredStart, anchoredTargets, anchoredAny, anchoredNumber, anchoredYear) =
            (tables[13], tables[14], tables[15], tables[16], tables[17])
        guard tables[18].count == Int(wordCount), tables[18].allSatisfy({ $0 >= -1 && $0 < Int32(WordSignature.groupBits) }),
              tables[19].count == 2 * Int(states) else { return nil }
        let halves = tables[19].map { UInt64(UInt32(bitPattern: $0)) }
        signature = WordSignature(wordBits: tables[18].map { $0 < 0 ? 0 : 1 << UInt64($0) },
                                  stepMasks: (0..<Int(states)).map { halves[2 * $0] | halves[2 * $0 + 1] << 32 })
        // `run` reads states and tables through unchecked buffers: every
        // state a table steps to must be one of the automaton's, and every
        // state's ranges must lie in the tables they index.
        for targets in [stepTargets, otherTargets, firstTargets, firstAny, firstNumber, firstYear,
                        anchoredTargets, anchoredAny, anchoredNumber, anchoredYear]
        where !targets.allSatisfy({ $0 >= 0 && $0 < states }) {
            return nil
        }
        guard stepIDs.count == stepTargets.count, otherLabels.count == otherTargets.count,
              Self.isOffsets(acceptStart, into: acceptEntries.count), Self.isOffsets(stepStart, into: stepIDs.count),
              Self.isOffsets(otherStart, into: otherTargets.count),
              Self.isOffsets(firstStart, into: firstTargets.count), Self.isOffsets(anchoredStart, into: anchoredTargets.count),
              firstStart.count == words.count + 1, anchoredStart.count == words.count + 1 else { return nil }
        self.words = words
        records = Self.records(acceptStart: acceptStart, stepStart: stepStart, stepIDs: stepIDs, otherStart: otherStart)
        entryMasks = Self.entryMasks(acceptStart: acceptStart, signature: signature)
        firstSteps = mergedFirstSteps()
    }

    /// Offsets from 0 to `count`, never decreasing: the starts of a flat table.
    private static func isOffsets(_ starts: [Int32], into count: Int) -> Bool {
        starts.first == 0 && starts.last == Int32(count) && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }

    private static func records(acceptStart: [Int32], stepStart: [Int32], stepIDs: [Int32], otherStart: [Int32]) -> [StateRecord] {
        guard !stepStart.isEmpty else { return [] }
        return (0..<(stepStart.count - 1)).map { state in
            StateRecord(acceptStart: acceptStart[state], acceptEnd: acceptStart[state + 1],
                        stepStart: stepStart[state], stepEnd: stepStart[state + 1],
                        otherStart: otherStart[state], otherEnd: otherStart[state + 1],
                        stepMask: stepIDs[Int(stepStart[state])..<Int(stepStart[state + 1])].reduce(0) { $0 | 1 << (UInt64($1) & 63) })
        }
    }

    /// `entryMasks`: what a state needs to go on, or everything when it accepts.
    private static func entryMasks(acceptStart: [Int32], signature: WordSignature) -> [UInt64] {
        signature.stepMasks.indices.map { state in
            acceptStart[state + 1] > acceptStart[state] ? WordSignature.unconstrained : signature.stepMasks[state]
        }
    }

    /// `FirstSteps`, from the first-step tables and the records. Run at
    /// every start-up, for both automata: a word that enters one state
    /// (most of them) copies that state's accepts, and only the others
    /// sort their states and accepts.
    private func mergedFirstSteps() -> FirstSteps {
        var merged = FirstSteps()
        guard !firstStart.isEmpty else { return merged }
        merged.steps.reserveCapacity(firstStart.count - 1)
        merged.members.reserveCapacity(firstTargets.count + firstAny.count)
        var members: [Int32] = []
        var accepts: [Int32] = []
        for id in 0..<(firstStart.count - 1) {
            members.removeAll(keepingCapacity: true)
            for index in Int(firstStart[id])..<Int(firstStart[id + 1]) { members.append(firstTargets[index]) }
            for state in firstAny { members.append(state) }
            if members.count > 1 { members.sort() }
            accepts.removeAll(keepingCapacity: true)
            var step = FirstStep()
            step.memberStart = Int32(merged.members.count)
            for (index, member) in members.enumerated() where index == 0 || members[index - 1] != member {
                let record = records[Int(member)]
                for index in Int(record.acceptStart)..<Int(record.acceptEnd) { accepts.append(acceptEntries[index]) }
                let hasOtherSteps = record.otherEnd > record.otherStart
                let needs = signature.stepMasks[Int(member)]
                merged.members.append(FirstMember(state: member, hasOtherSteps: hasOtherSteps, stepMask: record.stepMask, needs: needs))
                step.stepMask |= record.stepMask
                step.needs |= needs
                step.hasOtherSteps = step.hasOtherSteps || hasOtherSteps
            }
            step.memberEnd = Int32(merged.members.count)
            if accepts.count > 1 { accepts.sort() }
            step.acceptStart = Int32(merged.accepts.count)
            for (index, entry) in accepts.enumerated() where index == 0 || accepts[index - 1] != entry { merged.accepts.append(entry) }
            step.acceptEnd = Int32(merged.accepts.count)
            merged.steps.append(step)
        }
        return merged
    }

    /// Steps other than by token id: any token, a number, a year.
    private static func code(_ label: Label) -> Int32 {
        switch label {
        case .any: return 0
        case .number: return 1
        case .year: return 2
        case .token: preconditionFailure("token steps are in the id tables")
        }
    }

    private static func label(code: Int32) -> Label? {
        switch code {
        case 0: return .any
        case 1: return .number
        case 2: return .year
        default: return nil
        }
    }
}
