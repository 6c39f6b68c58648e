import Foundation

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
///
/// A token holds no reference (see `TokenText`): a sentence's array of
/// tokens is freed in one step, where freeing a string per token was a
/// twentieth of a run.
public struct Token: Sendable, Equatable {
    // Laid out in this order, the two flags share the last eight bytes: 40
    // bytes a token, where flags between the wider fields padded it to 48.
    /// `normalized` as a plain value, compared whole (and hashed, see
    /// `TokenText.hash`) by the word tables.
    let text: TokenText
    /// Scalar offsets in the sentence, half-open.
    public var range: Range<Int>
    public var kind: TokenKind
    /// The word started with an upper-case letter in the source.
    public var isCapitalized: Bool

    /// Case-folded, with apostrophes, quotes and dashes unified.
    public var normalized: String { text.string }

    /// The length of `normalized` in UTF-8 bytes.
    public var normalizedCount: Int { text.count }

    public init(normalized: String, kind: TokenKind, range: Range<Int>, isCapitalized: Bool = false) {
        var normalized = normalized
        self.init(text: normalized.withUTF8(TokenText.init), kind: kind, range: range, isCapitalized: isCapitalized)
    }

    /// A token made from its folded UTF-8 bytes, with no string in between.
    init(utf8: UnsafeBufferPointer<UInt8>, kind: TokenKind, range: Range<Int>, isCapitalized: Bool = false) {
        self.init(text: TokenText(utf8), kind: kind, range: range, isCapitalized: isCapitalized)
    }

    init(text: TokenText, kind: TokenKind, range: Range<Int>, isCapitalized: Bool) {
        self.text = text
        self.kind = kind
        self.range = range
        self.isCapitalized = isCapitalized
    }

    /// Calls `body` with the UTF-8 bytes of `normalized`, without making a string.
    @inline(__always)
    func withNormalizedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.withUTF8(body)
    }
}

/// A token's normalised text as a value with no reference in it: up to 15
/// UTF-8 bytes held in place (nearly every token), a longer word as its
/// number in `LongWords`. Byte 15 is the count, or `longFlag` for a long word
/// (whose number is then the first eight bytes). Unused bytes are zero, so
/// equal texts are equal values.
struct TokenText: Sendable, Equatable {
    private var bytes: (UInt64, UInt64) = (0, 0)

    static let inlineCapacity = 15
    private static let longFlag: UInt8 = 0x80

    static func == (left: TokenText, right: TokenText) -> Bool {
        left.bytes.0 == right.bytes.0 && left.bytes.1 == right.bytes.1
    }

    /// A hash for the lexicons' word tables: the two halves multiplied in
    /// full width and the product's halves folded (wyhash's mix), so that
    /// the low bits, a table's slot, depend on every byte. Worked out from
    /// the value when a table is probed: the tokenizer hashed each word a
    /// byte at a time, a multiply per character in its loop. Equal texts,
    /// long words too (one number per word), hash alike.
    @inline(__always)
    var hash: UInt64 {
        let product = (bytes.0 ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: bytes.1 ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }

    /// The text of `count` (at most `inlineCapacity`) bytes laid out in
    /// `bytes` as a token holds them, the rest zero.
    @inline(__always)
    init(inline bytes: (UInt64, UInt64), count: Int) {
        var storage = bytes
        withUnsafeMutableBytes(of: &storage) { $0[Self.inlineCapacity] = UInt8(count) }
        self.bytes = storage
    }

    /// The text of a word already in normalised form (lower case, `'` and
    /// `-`), as a token would hold it: for comparing tokens with fixed words
    /// without making a string from each token.
    init(normalized word: String) {
        var word = word
        self = word.withUTF8(TokenText.init)
    }

    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        self.init(count: utf8.count) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(utf8))
            return true
        }!
    }

    /// The text of `count` bytes that `fill` writes, in place when they fit;
    /// nil when `fill` gives up (returns false).
    @inline(__always)
    init?(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Bool) {
        if count <= Self.inlineCapacity {
            var storage: (UInt64, UInt64) = (0, 0)
            let filled = withUnsafeMutableBytes(of: &storage) { raw in
                raw[Self.inlineCapacity] = UInt8(count)
                return fill(UnsafeMutableRawBufferPointer(rebasing: raw[..<count]))
            }
            guard filled else { return nil }
            bytes = storage
            return
        }
        let number = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer -> Int? in
            fill(UnsafeMutableRawBufferPointer(buffer)) ? LongWords.shared.number(of: UnsafeBufferPointer(buffer)) : nil
        }
        guard let number else { return nil }
        bytes.0 = UInt64(number)
        withUnsafeMutableBytes(of: &bytes) { $0[Self.inlineCapacity] = Self.longFlag }
    }

    private var tag: UInt8 { withUnsafeBytes(of: bytes) { $0[Self.inlineCapacity] } }

    var count: Int {
        tag == Self.longFlag ? LongWords.shared.word(Int(bytes.0)).utf8.count : Int(tag)
    }

    var string: String {
        if tag == Self.longFlag { return LongWords.shared.word(Int(bytes.0)) }
        return withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if tag == Self.longFlag {
            var word = LongWords.shared.word(Int(bytes.0))
            return word.withUTF8(body)
        }
        var copy = bytes
        let count = Int(tag)
        return withUnsafeBytes(of: &copy) { raw in
            UnsafeRawBufferPointer(rebasing: raw[..<count]).withMemoryRebound(to: UInt8.self, body)
        }
    }
}

/// Words longer than a token holds in place (long identifiers, a few long
/// words), each stored once for the process and known by its number. They
/// are rare: a lock and a table here cost less than a string in every token.
/// The table only grows, by the distinct long words read.
private final class LongWords: @unchecked Sendable {
    static let shared = LongWords()

    private let lock = NSLock()
    private var numbers: [String: Int] = [:]
    private var words: [String] = []

    func number(of utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let word = String(decoding: utf8, as: UTF8.self)
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[word] { return known }
        words.append(word)
        numbers[word] = words.count - 1
        return words.count - 1
    }

    func word(_ number: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return words[number]
    }
}
