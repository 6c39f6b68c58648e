/// The source positions of a sequence of characters, stored as runs of
/// consecutive columns on one line: a block wrapped over three lines with one
/// emphasised word is a handful of runs, not 16 bytes per character.
///
/// Parsers append a block's positions here as they gather its text, and each
/// sentence keeps the slice of runs it covers, so positions are never spelled
/// out per character unless a caller asks for `positions`.
public struct PositionRuns: Sendable, Equatable {
    /// Characters `offset...` stand at `column + (i - offset)` on `line`,
    /// until the next run starts.
    private struct Run: Sendable, Equatable {
        var offset: Int
        var line: Int
        var column: Int

        static let none = Run(offset: 0, line: 0, column: 0)
    }

    private var runCount: Int { count == 0 ? 0 : rest.count + 1 }

    @inline(__always)
    private func run(_ index: Int) -> Run { index == 0 ? first : rest[index - 1] }

    /// The first run, held in place (its offset is 0): most sentences are
    /// one run, and a sentence's slice then needs no array of its own (one
    /// allocation in eight of a run's). Meaningless while `count` is 0, and
    /// then always `Run.none`, so that equal positions are equal values.
    private var first = Run.none
    /// The runs after the first, in order.
    private var rest: [Run] = []
    /// Number of characters.
    public private(set) var count = 0

    public init() {}

    public init<Positions: Sequence>(_ positions: Positions) where Positions.Element == SourcePosition {
        for position in positions { append(position) }
    }

    /// Adds one character at `position`.
    @inline(__always)
    public mutating func append(_ position: SourcePosition) {
        if count == 0 {
            first = Run(offset: 0, line: position.line, column: position.column)
        } else {
            let last = rest.last ?? first
            if last.line != position.line || last.column + (count - last.offset) != position.column {
                rest.append(Run(offset: count, line: position.line, column: position.column))
            }
        }
        count += 1
    }

    /// Adds `count` characters at consecutive columns from `column` on `line`.
    public mutating func append(line: Int, column: Int, count added: Int) {
        guard added > 0 else { return }
        append(SourcePosition(line: line, column: column))
        count += added - 1
    }

    public mutating func removeAll() {
        first = .none
        rest.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Where the character at `offset` (0 ..< count) stands.
    public func position(at offset: Int) -> SourcePosition {
        let run = run(runIndex(containing: offset))
        return SourcePosition(line: run.line, column: run.column + offset - run.offset)
    }

    /// The positions of characters `range`, counted from the range's start.
    public func slice(_ range: Range<Int>) -> PositionRuns {
        var slice = PositionRuns()
        guard !range.isEmpty else { return slice }
        var index = runIndex(containing: range.lowerBound)
        let last = runIndex(containing: range.upperBound - 1)
        let start = run(index)
        slice.first = Run(offset: 0, line: start.line, column: start.column + range.lowerBound - start.offset)
        if last > index {
            // Sized once: the runs after the first are those up to the one
            // containing the slice's last character.
            slice.rest.reserveCapacity(last - index)
            while index < last {
                index += 1
                var run = run(index)
                run.offset -= range.lowerBound
                slice.rest.append(run)
            }
        }
        slice.count = range.count
        return slice
    }

    /// Every character's position, spelled out.
    public var positions: [SourcePosition] {
        var result: [SourcePosition] = []
        result.reserveCapacity(count)
        let runCount = runCount
        for index in 0..<runCount {
            let run = run(index)
            let end = index + 1 < runCount ? rest[index].offset : count
            for offset in run.offset..<end {
                result.append(SourcePosition(line: run.line, column: run.column + offset - run.offset))
            }
        }
        return result
    }

    /// The lowest to the highest line any character stands on.
    public var lines: ClosedRange<Int> {
        guard count > 0 else { return 1...1 }
        var low = first.line
        var high = first.line
        for run in rest {
            low = min(low, run.line)
            high = max(high, run.line)
        }
        return low...high
    }

    /// The last run that starts at or before `offset`.
    private func runIndex(containing offset: Int) -> Int {
        rest.partitionIndex { $0.offset <= offset }
    }
}
