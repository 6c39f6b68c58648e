/// A sentence of prose with a source position for every character.
public struct Sentence: Sendable, Equatable {
    /// The sentence as plain text: markup removed, line wraps folded to one
    /// space, entities and escapes decoded.
    public var text: String
    /// The same text as Unicode scalars, the unit that offsets count in.
    public var scalars: [Unicode.Scalar]
    /// `positions[i]` is where `scalars[i]` stands in the source.
    public var positions: [SourcePosition]
    public var tokens: [Token]
    public var block: Int
    public var section: Int?
    public var blockKind: BlockKind

    public init(scalars: [Unicode.Scalar], positions: [SourcePosition], tokens: [Token],
                block: Int, section: Int?, blockKind: BlockKind) {
        precondition(scalars.count == positions.count, "every character needs a position")
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.text = String(view)
        self.scalars = scalars
        self.positions = positions
        self.tokens = tokens
        self.block = block
        self.section = section
        self.blockKind = blockKind
    }

    public var range: SourceRange {
        SourceRange(start: positions.first ?? SourcePosition(line: 1, column: 1),
                    end: positions.last ?? SourcePosition(line: 1, column: 1))
    }

    /// Source range of the characters `offsets` (scalar offsets, half-open).
    public func sourceRange(of offsets: Range<Int>) -> SourceRange {
        let lower = min(max(offsets.lowerBound, 0), positions.count - 1)
        let upper = min(max(offsets.upperBound - 1, lower), positions.count - 1)
        return SourceRange(start: positions[lower], end: positions[upper])
    }

    /// Source range covered by tokens `tokenRange` (half-open token indices).
    public func sourceRange(ofTokens tokenRange: Range<Int>) -> SourceRange {
        sourceRange(of: tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound)
    }

    /// The original text of `offsets`.
    public func text(of offsets: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[offsets.clamped(to: 0..<scalars.count)])
        return String(view)
    }

    /// The original words that tokens `tokenRange` came from.
    public func text(ofTokens tokenRange: Range<Int>) -> String {
        text(of: tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound)
    }
}
