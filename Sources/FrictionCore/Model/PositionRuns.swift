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
    }

    private var runs: [Run] = []
    /// Number of characters.
    public private(set) var count = 0

    public init() {}

    public init<Positions: Sequence>(_ positions: Positions) where Positions.Element == SourcePosition {
        for position in positions { append(position) }
    }

    /// Adds one character at `position`.
    @inline(__always)
    public mutating func append(_ position: SourcePosition) {
        if let run = runs.last, run.line == position.line, run.column + (count - run.offset) == position.column {
            // Still the same run.
        } else {
            runs.append(Run(offset: count, line: position.line, column: position.column))
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
        runs.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Where the character at `offset` (0 ..< count) stands.
    public func position(at offset: Int) -> SourcePosition {
        let run = runs[runIndex(containing: offset)]
        return SourcePosition(line: run.line, column: run.column + offset - run.offset)
    }

    /// The positions of characters `range`, counted from the range's start.
    public func slice(_ range: Range<Int>) -> PositionRuns {
        var slice = PositionRuns()
        guard !range.isEmpty else { return slice }
        var index = runIndex(containing: range.lowerBound)
        // Sized once: the runs of the slice are those from `index` to the
        // one containing its last character.
        slice.runs.reserveCapacity(runIndex(containing: range.upperBound - 1) - index + 1)
        let first = runs[index]
        slice.runs.append(Run(offset: 0, line: first.line, column: first.column + range.lowerBound - first.offset))
        index += 1
        while index < runs.count, runs[index].offset < range.upperBound {
            var run = runs[index]
            run.offset -= range.lowerBound
            slice.runs.append(run)
            index += 1
        }
        slice.count = range.count
        return slice
    }

    /// Every character's position, spelled out.
    public var positions: [SourcePosition] {
        var result: [SourcePosition] = []
        result.reserveCapacity(count)
        for (index, run) in runs.enumerated() {
            let end = index + 1 < runs.count ? runs[index + 1].offset : count
            for offset in run.offset..<end {
                result.append(SourcePosition(line: run.line, column: run.column + offset - run.offset))
            }
        }
        return result
    }

    /// The lowest to the highest line any character stands on.
    public var lines: ClosedRange<Int> {
        guard let first = runs.first else { return 1...1 }
        var low = first.line
        var high = first.line
        for run in runs {
            low = min(low, run.line)
            high = max(high, run.line)
        }
        return low...high
    }

    /// The last run that starts at or before `offset`.
    private func runIndex(containing offset: Int) -> Int {
        max(runs.partitionIndex { $0.offset <= offset } - 1, 0)
    }
}
