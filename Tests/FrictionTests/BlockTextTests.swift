import Testing
import FrictionCore
@testable import FrictionParsers

/// `BlockText.appendVerbatim` copies most prose eight bytes at a time; it
/// must give exactly what appending the characters one by one gives.
@Suite struct BlockTextTests {
    /// Pieces that fall on either side of the eight-byte path: spaces single
    /// and doubled, tabs and line feeds, control and non-ASCII characters.
    static let pieces = ["a", "word", "Refunds", " ", "  ", "\t", "\n", "\u{1}", "é", "—", "日本", "\u{00A0}", "x y", ".", "12,5"]

    /// The text as `append(_:at:)` builds it, a character at a time.
    static func appendedOneByOne(_ parts: [String], column: Int) -> BlockText {
        var text = BlockText()
        var at = column
        for part in parts {
            for scalar in part.unicodeScalars {
                text.append(scalar, at: SourcePosition(line: 3, column: at))
                at += 1
            }
        }
        return text
    }

    @Test(arguments: 0..<40)
    func verbatimTextIsWhatAppendingEachCharacterGives(seed: Int) {
        // A small linear congruential generator: the same texts on every run.
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let parts = (0..<(1 + next(30))).map { _ in Self.pieces[next(Self.pieces.count)] }
        // A prefix already in the block decides whether a leading space folds.
        let prefix = next(3) == 0 ? [] : [["x", " "][next(2)]]
        let expected = Self.appendedOneByOne(prefix + parts, column: 5)
        var text = BlockText()
        var column = 5
        for part in prefix {
            column += text.appendVerbatim(Array(part.utf8)[...], line: 3, column: column)
        }
        let joined = parts.joined()
        let columns = text.appendVerbatim(Array(joined.utf8)[...], line: 3, column: column)
        #expect(columns == joined.unicodeScalars.count)
        #expect(text.scalars == expected.scalars, "\(prefix + parts)")
        #expect(text.positions == expected.positions, "\(prefix + parts)")
    }

    @Test func eightByteRunsKeepTheirColumnsAcrossFoldedSpaces() {
        var text = BlockText()
        let columns = text.appendVerbatim(Array("  Refunds are  final\tafter thirty days.".utf8)[...], line: 1, column: 1)
        #expect(columns == 39)
        #expect(String(String.UnicodeScalarView(text.scalars)) == "Refunds are final after thirty days.")
        // Columns count from 1: the kept space of the doubled one, "final",
        // the tab folded to a space, "after".
        let positions = text.positions
        #expect(positions[11] == SourcePosition(line: 1, column: 14))
        #expect(positions[12] == SourcePosition(line: 1, column: 16))
        #expect(positions[17] == SourcePosition(line: 1, column: 21))
        #expect(positions[18] == SourcePosition(line: 1, column: 22))
        #expect(positions.last == SourcePosition(line: 1, column: 39))
    }
}
