/// A sentence of prose with a source position for every character.
///
/// Stored compactly: the text once (UTF-8), its scalars only when it is not
/// plain ASCII, and positions as runs of consecutive columns on one line
/// (a sentence wrapped over three lines with one emphasised word is a handful
/// of runs, not 16 bytes per character). `scalars` and `positions` rebuild
/// the per-character arrays on demand; `scalar(at:)` and `position(at:)`
/// answer for one character without building them.
public struct Sentence: Sendable, Equatable {
    /// The sentence as plain text: markup removed, line wraps folded to one
    /// space, entities and escapes decoded.
    public private(set) var text: String
    public var tokens: [Token]
    public var block: Int
    public var section: Int?
    public var blockKind: BlockKind
    /// Number of Unicode scalars in `text`.
    public let count: Int
    /// The scalars of `text` when it is not ASCII; empty when it is (an
    /// ASCII scalar offset is then a UTF-8 offset).
    private let nonASCIIScalars: [Unicode.Scalar]
    private let runs: PositionRuns

    public init(scalars: [Unicode.Scalar], positions: [SourcePosition], tokens: [Token],
                block: Int, section: Int?, blockKind: BlockKind) {
        self.init(scalars: scalars[...], positions: PositionRuns(positions), tokens: tokens,
                  block: block, section: section, blockKind: blockKind)
    }

    public init(scalars: ArraySlice<Unicode.Scalar>, positions: ArraySlice<SourcePosition>, tokens: [Token],
                block: Int, section: Int?, blockKind: BlockKind) {
        self.init(scalars: scalars, positions: PositionRuns(positions), tokens: tokens,
                  block: block, section: section, blockKind: blockKind)
    }

    /// A sentence whose positions come as runs already (a slice of its
    /// block's, see `PositionRuns.slice`).
    public init(scalars: ArraySlice<Unicode.Scalar>, positions: PositionRuns, tokens: [Token],
                block: Int, section: Int?, blockKind: BlockKind) {
        precondition(scalars.count == positions.count, "every character needs a position")
        let (text, isASCII) = UnicodeText.string(scalars)
        self.text = text
        self.count = scalars.count
        self.nonASCIIScalars = isASCII ? [] : Array(scalars)
        self.runs = positions
        self.tokens = tokens
        self.block = block
        self.section = section
        self.blockKind = blockKind
    }

    /// The same text as Unicode scalars, the unit that offsets count in.
    public var scalars: [Unicode.Scalar] {
        nonASCIIScalars.isEmpty && count > 0 ? Array(text.unicodeScalars) : nonASCIIScalars
    }

    /// `positions[i]` is where `scalars[i]` stands in the source.
    public var positions: [SourcePosition] { runs.positions }

    /// The scalar at `offset` (0 ..< count).
    public func scalar(at offset: Int) -> Unicode.Scalar {
        if nonASCIIScalars.isEmpty {
            return Unicode.Scalar(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: offset)])
        }
        return nonASCIIScalars[offset]
    }

    /// Where the scalar at `offset` (0 ..< count) stands in the source.
    public func position(at offset: Int) -> SourcePosition { runs.position(at: offset) }

    /// The lowest to the highest line any of its characters stands on.
    public var lines: ClosedRange<Int> { runs.lines }

    public var range: SourceRange {
        guard count > 0 else {
            return SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
        }
        return SourceRange(start: position(at: 0), end: position(at: count - 1))
    }

    /// Source range of the characters `offsets` (scalar offsets, half-open).
    public func sourceRange(of offsets: Range<Int>) -> SourceRange {
        let lower = min(max(offsets.lowerBound, 0), count - 1)
        let upper = min(max(offsets.upperBound - 1, lower), count - 1)
        return SourceRange(start: position(at: lower), end: position(at: upper))
    }

    /// Source range covered by tokens `tokenRange` (half-open token indices).
    public func sourceRange(ofTokens tokenRange: Range<Int>) -> SourceRange {
        sourceRange(of: tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound)
    }

    /// The original text of `offsets`.
    public func text(of offsets: Range<Int>) -> String {
        let clamped = offsets.clamped(to: 0..<count)
        if nonASCIIScalars.isEmpty {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: clamped.lowerBound)
            let end = utf8.index(start, offsetBy: clamped.count)
            return String(decoding: utf8[start..<end], as: UTF8.self)
        }
        return UnicodeText.string(nonASCIIScalars[clamped]).string
    }

    /// The original words that tokens `tokenRange` came from.
    public func text(ofTokens tokenRange: Range<Int>) -> String {
        text(of: tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound)
    }
}

/// Building strings from Unicode scalars.
public enum UnicodeText {
    /// The string of `scalars`, its UTF-8 written straight into the string's
    /// own storage, and whether every scalar is ASCII.
    /// Inlinable so that callers in other modules get it specialised: the
    /// generic version walked its scalars through protocol witnesses, some
    /// 600 instructions a character (4% of a run, from headings alone).
    @inlinable
    public static func string<C: Collection>(_ scalars: C) -> (string: String, isASCII: Bool) where C.Element == Unicode.Scalar {
        if let result = scalars.withContiguousStorageIfAvailable(string(contiguous:)) { return result }
        return Array(scalars).withUnsafeBufferPointer(string(contiguous:))
    }

    /// `string(_:)` of scalars in one buffer (a sentence's, a word's): read
    /// unchecked, and an ASCII text, nearly every one, copied a byte per
    /// scalar in a loop the compiler can vectorise.
    @inlinable
    static func string(contiguous scalars: UnsafeBufferPointer<Unicode.Scalar>) -> (string: String, isASCII: Bool) {
        // All ASCII when no scalar has a bit above the seventh: one OR over
        // the buffer (vectorised), where counting each scalar's UTF-8 width
        // took a branch per scalar.
        var bits: UInt32 = 0
        for scalar in scalars { bits |= scalar.value }
        let isASCII = bits < 0x80
        var length = scalars.count
        if !isASCII {
            length = 0
            for scalar in scalars { length += scalar.value < 0x80 ? 1 : UTF8.width(scalar) }
        }
        let string = String(unsafeUninitializedCapacity: length) { buffer in
            if isASCII {
                for index in 0..<scalars.count { buffer[index] = UInt8(truncatingIfNeeded: scalars[index].value) }
                return length
            }
            var index = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[index] = byte
                    index += 1
                }
            }
            return index
        }
        return (string, isASCII)
    }
}
