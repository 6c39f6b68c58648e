/// A nondeterministic automaton over interned token ids, built from every
/// lexicon pattern at once (Thompson construction, epsilon closures computed
/// up front). The first step from the start state is a single dictionary
/// lookup, so a sentence costs one hash lookup per token plus the work of the
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

    private(set) var edges: [[(label: Label, target: Int32)]] = []
    /// Entry indices accepted in each state (after closure).
    private(set) var accepts: [[Int32]] = []
    /// Epsilon closure of each state's targets, stored per edge target.
    private var closures: [[Int32]] = []
    /// First step from the start, free or anchored at the sentence start.
    private var firstStep: [Int32: [Int32]] = [:]
    private var firstAny: [Int32] = []
    private var firstNumber: [Int32] = []
    private var firstYear: [Int32] = []
    private var anchoredStep: [Int32: [Int32]] = [:]
    private var anchoredAny: [Int32] = []
    private var anchoredNumber: [Int32] = []
    private var anchoredYear: [Int32] = []

    private(set) var interner: [String: Int32] = [:]

    private var epsilon: [[Int32]] = []
    private var rawAccept: [[Int32]] = []
    private var starts: [Int32] = []
    private var anchoredStarts: [Int32] = []

    func id(of token: String) -> Int32 { interner[token] ?? Self.unknown }

    mutating func intern(_ word: String) -> Int32 {
        if let id = interner[word] { return id }
        let id = Int32(interner.count)
        interner[word] = id
        return id
    }

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
                let end = newState()
                for alternative in alternatives {
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

    /// Computes closures and the first-step tables; call once after `add`.
    mutating func finish() {
        let count = edges.count
        closures = Array(repeating: [], count: count)
        accepts = Array(repeating: [], count: count)
        var mark = Array(repeating: -1, count: count)
        for state in 0..<count {
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
        (firstStep, firstAny, firstNumber, firstYear) = firstTables(starts)
        (anchoredStep, anchoredAny, anchoredNumber, anchoredYear) = firstTables(anchoredStarts)
        epsilon = []
        rawAccept = []
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

    /// Every (entry, start, end) match over `ids` (end exclusive); `isNumber`
    /// says which tokens are numbers.
    func run(ids: [Int32], isNumber: [Bool], isYear: [Bool], anchorPositions: Set<Int>, _ report: (Int, Int, Int) -> Void) {
        let count = ids.count
        var stamp = Array(repeating: -1, count: edges.count)
        var generation = 0
        var current: [Int32] = []
        var next: [Int32] = []
        for start in 0..<count {
            current.removeAll(keepingCapacity: true)
            generation += 1
            func enter(_ targets: [Int32], into set: inout [Int32]) {
                for t in targets where stamp[Int(t)] != generation {
                    stamp[Int(t)] = generation
                    set.append(t)
                }
            }
            let id = ids[start]
            if let targets = firstStep[id] { enter(targets, into: &current) }
            enter(firstAny, into: &current)
            if isNumber[start] { enter(firstNumber, into: &current) }
            if isYear[start] { enter(firstYear, into: &current) }
            if anchorPositions.contains(start) {
                if let targets = anchoredStep[id] { enter(targets, into: &current) }
                enter(anchoredAny, into: &current)
                if isNumber[start] { enter(anchoredNumber, into: &current) }
                if isYear[start] { enter(anchoredYear, into: &current) }
            }
            var position = start
            while !current.isEmpty {
                // Expand closures and report accepts at `position + 1`.
                generation += 1
                var expanded: [Int32] = []
                for s in current {
                    for c in closures[Int(s)] where stamp[Int(c)] != generation {
                        stamp[Int(c)] = generation
                        expanded.append(c)
                    }
                    for entry in accepts[Int(s)] { report(Int(entry), start, position + 1) }
                }
                position += 1
                guard position < count else { break }
                next.removeAll(keepingCapacity: true)
                generation += 1
                let nextID = ids[position]
                for s in expanded {
                    for (label, target) in edges[Int(s)] where stamp[Int(target)] != generation {
                        let ok: Bool
                        switch label {
                        case .token(let want): ok = want == nextID
                        case .any: ok = true
                        case .number: ok = isNumber[position]
                        case .year: ok = isYear[position]
                        }
                        if ok {
                            stamp[Int(target)] = generation
                            next.append(target)
                        }
                    }
                }
                swap(&current, &next)
            }
        }
    }
}
