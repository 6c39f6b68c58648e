import FrictionCore

/// Rule-based sentence splitting inside one block of prose.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
/// brackets) followed by white space, unless the period belongs to an
/// abbreviation ("e.g.", "Dr.", "No. 5", "U.S."), an initial ("J. Smith"), or
/// the next word starts in lower case. Blocks end sentences too, so list
/// items, table cells and headings need no final punctuation.
public enum SentenceSplitter {
    /// Abbreviations after which a period never ends a sentence.
    static let neverFinal: Set<String> = [
        "e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "mr", "mrs", "ms", "mx", "dr", "prof", "st",
        "approx", "incl", "esp", "dept", "jr", "sr", "gen", "gov", "rev", "hon", "messrs",
    ]
    /// Abbreviations that are never final before a number ("No. 5", "Sec. 4").
    static let beforeNumber: Set<String> = ["no", "nos", "art", "sec", "secs", "para", "paras", "fig", "pp", "p", "vol", "ref", "ch", "tel", "ext"]
    /// Abbreviations that can end a sentence: they do only when a common
    /// sentence opener follows ("...from Acme Ltd. The next...").
    static let sometimesFinal: Set<String> = ["etc", "inc", "ltd", "co", "corp", "llc", "plc", "a.m", "p.m", "am", "pm", "u.s", "u.k", "e.u", "u.s.a", "n.b", "p.s"]
    static let openers: Set<String> = [
        "the", "a", "an", "we", "you", "if", "this", "these", "it", "our", "all", "please", "in", "for",
        "when", "they", "i", "staff", "customers", "no", "do", "never", "any", "each", "every", "there",
        "where", "only", "however", "after", "before", "on", "at", "from", "to", "with", "as",
    ]

    /// Ranges of the sentences in `scalars`, trimmed of surrounding white space.
    public static func split(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        split(scalars, into: &sentences)
        return sentences
    }

    /// `split(_:)` into `sentences`, emptied first: a builder reuses one
    /// array for every block (an array per block was a tenth of a run's
    /// allocations).
    public static func split(_ scalars: [Unicode.Scalar], into sentences: inout [Range<Int>]) {
        sentences.removeAll(keepingCapacity: true)
        var start = 0
        var index = 0
        let count = scalars.count
        while index < count {
            index = scalars.withUnsafeBufferPointer { nextTerminator(in: $0, from: index) }
            guard index < count else { break }
            var end = index + 1
            while end < count && (CharacterClasses.isSentenceTerminator(scalars[end])
                                  || CharacterClasses.isClosingAfterTerminator(scalars[end])) {
                end += 1
            }
            guard end < count, CharacterClasses.isWhitespace(scalars[end]) else { index = end; continue }
            var next = end
            while next < count && CharacterClasses.isWhitespace(scalars[next]) { next += 1 }
            guard next < count else { break }
            if endsSentence(scalars, terminator: index, next: next) {
                append(start..<end, of: scalars, to: &sentences)
                start = next
            }
            index = next
        }
        append(start..<count, of: scalars, to: &sentences)
    }

    /// The first index at or after `start` of a scalar that ends a
    /// sentence (`isSentenceTerminator`), or `count`. Every scalar of every
    /// block is tested here, through the buffer: below U+0040 by one bit of
    /// a mask (`!`, `.` and `?`), and only from U+2026 (the lowest of the
    /// others) by the full test.
    private static func nextTerminator(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        let asciiTerminators: UInt64 = 1 << 0x21 | 1 << 0x2E | 1 << 0x3F
        var index = start
        let count = scalars.count
        while index < count {
            let value = scalars[index].value
            if value < 64 {
                if asciiTerminators >> UInt64(value) & 1 != 0 { return index }
            } else if value >= 0x2026 && CharacterClasses.isSentenceTerminator(scalars[index]) {
                return index
            }
            index += 1
        }
        return count
    }

    /// The longest abbreviation in the lists, in characters: a longer word
    /// before a period is in none of them, and is not looked up.
    static let longestAbbreviation = neverFinal.union(beforeNumber).union(sometimesFinal).map(\.unicodeScalars.count).max() ?? 0

    private static func endsSentence(_ scalars: [Unicode.Scalar], terminator: Int, next: Int) -> Bool {
        let following = scalars[next]
        if CharacterClasses.isLowercase(following) { return false }
        guard scalars[terminator] == "." else { return true }
        // An ellipsis before a lower-case word was handled above; "..." ends.
        if terminator > 0 && scalars[terminator - 1] == "." { return true }
        let start = wordStart(scalars, terminator)
        guard start < terminator, terminator - start <= longestAbbreviation else { return true }
        let lower = lowercased(scalars[start..<terminator])
        if neverFinal.contains(lower) { return false }
        if beforeNumber.contains(lower) { return !CharacterClasses.isDigit(following) }
        // A single capital letter is an initial: "J. Smith".
        if terminator - start == 1 && CharacterClasses.isUppercase(scalars[start]) { return false }
        if sometimesFinal.contains(lower) {
            return openers.contains(lowercased(scalars[next..<nextWordEnd(scalars, from: next)]))
        }
        return true
    }

    /// Where the word that ends at `terminator` starts, with inner periods ("U.S", "a.m").
    private static func wordStart(_ scalars: [Unicode.Scalar], _ terminator: Int) -> Int {
        var start = terminator
        while start > 0 {
            let previous = scalars[start - 1]
            if CharacterClasses.isLetter(previous) || (previous == "." && start - 1 > 0 && CharacterClasses.isLetter(scalars[start - 2])) {
                start -= 1
            } else {
                break
            }
        }
        return start
    }

    /// ASCII folded a byte at a time; anything else through `lowercased()`.
    private static func lowercased(_ word: ArraySlice<Unicode.Scalar>) -> String {
        let (text, isASCII) = UnicodeText.string(word)
        guard isASCII else { return text.lowercased() }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private static func nextWordEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count && CharacterClasses.isLetter(scalars[end]) { end += 1 }
        return end
    }

    private static func append(_ range: Range<Int>, of scalars: [Unicode.Scalar], to sentences: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && CharacterClasses.isWhitespace(scalars[lower]) { lower += 1 }
        while upper > lower && CharacterClasses.isWhitespace(scalars[upper - 1]) { upper -= 1 }
        if lower < upper { sentences.append(lower..<upper) }
    }
}
