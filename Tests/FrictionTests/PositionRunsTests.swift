import FrictionCore
import Testing

/// Positions stored as runs give back, for every slice, what spelling them
/// out character by character gives.
@Suite("Position runs")
struct PositionRunsTests {
    /// A block of 30 characters over three lines: runs of one character,
    /// runs broken by removed markup (a column skipped), and a line that
    /// comes back to an earlier line's columns.
    static let positions: [SourcePosition] = {
        var positions: [SourcePosition] = []
        for column in 1...8 { positions.append(SourcePosition(line: 1, column: column)) }
        for column in 11...14 { positions.append(SourcePosition(line: 1, column: column)) }
        positions.append(SourcePosition(line: 1, column: 20))
        for column in 3...9 { positions.append(SourcePosition(line: 2, column: column)) }
        positions.append(SourcePosition(line: 4, column: 1))
        for column in 1...9 { positions.append(SourcePosition(line: 3, column: column)) }
        return positions
    }()

    @Test func everySliceSpellsOutItsCharacters() {
        let runs = PositionRuns(Self.positions)
        #expect(runs.positions == Self.positions)
        #expect(runs.lines == 1...4)
        for lower in 0..<Self.positions.count {
            for upper in (lower + 1)...Self.positions.count {
                let expected = Array(Self.positions[lower..<upper])
                let slice = runs.slice(lower..<upper)
                #expect(slice.positions == expected, "slice \(lower)..<\(upper)")
                #expect(slice.count == expected.count)
                #expect(expected.indices.allSatisfy { slice.position(at: $0) == expected[$0] })
                #expect(slice.lines == expected.map(\.line).min()!...expected.map(\.line).max()!)
                // The same runs however they were made: equal values.
                #expect(slice == PositionRuns(expected))
            }
        }
    }

    @Test func emptiedRunsEqualNewOnes() {
        var runs = PositionRuns(Self.positions)
        runs.removeAll()
        #expect(runs == PositionRuns())
        #expect(runs.count == 0)
        runs.append(line: 7, column: 3, count: 4)
        #expect(runs.positions == (3...6).map { SourcePosition(line: 7, column: $0) })
        #expect(runs == PositionRuns((3...6).map { SourcePosition(line: 7, column: $0) }))
    }
}
