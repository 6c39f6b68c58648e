public enum TokenKind: String, Sendable, Codable {
    case word
    case number
    /// A quotation mark, straight or curly, single or double, opening or closing.
    case quote
    case punctuation
    case symbol
}

/// A normalised token with a map back to the characters it came from.
///
/// Expanded contractions share their source: "can't" gives `can` and `not`,
/// both covering the whole word.
public struct Token: Sendable, Equatable {
    /// Case-folded, with apostrophes, quotes and dashes unified.
    public private(set) var normalized: String
    public var kind: TokenKind
    /// Scalar offsets in the sentence, half-open.
    public var range: Range<Int>
    /// The word started with an upper-case letter in the source.
    public var isCapitalized: Bool
    /// `WordHash` of `normalized`, for the lexicons' word tables.
    let normalizedHash: UInt64

    public init(normalized: String, kind: TokenKind, range: Range<Int>, isCapitalized: Bool = false) {
        self.init(normalized: normalized, hash: WordHash.of(normalized), kind: kind, range: range, isCapitalized: isCapitalized)
    }

    /// A token whose hash the tokenizer computed while folding its bytes.
    init(normalized: String, hash: UInt64, kind: TokenKind, range: Range<Int>, isCapitalized: Bool = false) {
        self.normalized = normalized
        self.normalizedHash = hash
        self.kind = kind
        self.range = range
        self.isCapitalized = isCapitalized
    }
}
