/// Splits a sentence into normalised tokens for matching.
///
/// Words are case-folded; apostrophes, quotes and dashes are unified;
/// contractions are expanded ("can't" → `can not`, "won't" → `will not`,
/// "cannot" → `can not`, "it's" → `it is`); a possessive "'s" becomes its own
/// token. Every token keeps the scalar range it came from.
public enum Tokenizer {
    public static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        scalars.withUnsafeBufferPointer(tokenize)
    }

    /// The tokens of a sentence cut from a block's scalars (ranges count
    /// from the slice's start), without copying it into an array first.
    public static func tokenize(_ scalars: ArraySlice<Unicode.Scalar>) -> [Token] {
        scalars.withUnsafeBufferPointer(tokenize)
    }

    /// Every scalar of every sentence is read here several times: through a
    /// buffer pointer, without an array bounds check each time.
    private static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        // Words and punctuation: a token per four characters or fewer in
        // nearly every sentence (one fifth made most arrays grow once).
        tokens.reserveCapacity(scalars.count / 4 + 2)
        // One buffer for the folded UTF-8 of non-ASCII words, reused across
        // words; allocated by the first such word, if any.
        var buffer: [UInt8] = []
        var index = 0
        let count = scalars.count
        let table = AsciiFold.table
        while index < count {
            let scalar = scalars[index]
            if CharacterClasses.isWhitespace(scalar) {
                index += 1
                continue
            }
            if CharacterClasses.isLetter(scalar) || CharacterClasses.isDigit(scalar) {
                let start = index
                if let end = appendASCIIWord(scalars, from: start, table: table, to: &tokens) {
                    index = end
                    continue
                }
                index = wordEnd(scalars, from: index)
                appendWord(scalars, start..<index, buffer: &buffer, to: &tokens)
                continue
            }
            if CharacterClasses.isApostrophe(scalar) || CharacterClasses.isDoubleQuote(scalar) {
                tokens.append(mark(quote, at: index))
            } else if CharacterClasses.isDash(scalar) {
                tokens.append(mark(dash, at: index))
            } else {
                appendMark(scalar, kind: isSymbol(scalar) ? .symbol : .punctuation, at: index, to: &tokens)
            }
            index += 1
        }
        return tokens
    }

    /// A one-character token, made from the character's UTF-8 bytes.
    @inline(__always)
    private static func appendMark(_ scalar: Unicode.Scalar, kind: TokenKind, at index: Int, to tokens: inout [Token]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { buffer in
            var count = 0
            for unit in UTF8.encode(scalar)! {
                buffer[count] = unit
                count += 1
            }
            let utf8 = UnsafeBufferPointer(rebasing: buffer[..<count])
            tokens.append(Token(utf8: utf8, kind: kind, range: index..<(index + 1)))
        }
    }

    private static let quote = Token(normalized: "\"", kind: .quote, range: 0..<1)
    private static let dash = Token(normalized: "-", kind: .punctuation, range: 0..<1)

    /// `token`, moved to the character at `index`.
    @inline(__always)
    private static func mark(_ token: Token, at index: Int) -> Token {
        var token = token
        token.range = index..<(index + 1)
        return token
    }

    /// Currency and math symbols, and `%`, `&`, `#`, `@`, `/`. ASCII is
    /// answered from the list, without a Unicode property lookup.
    @inline(__always)
    private static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        // The ASCII currency (Sc) and math (Sm) symbols, then the others.
        case "$", "+", "<", "=", ">", "|", "~", "%", "&", "#", "@", "/": return true
        case "\u{0}"..."\u{7F}": return false
        default: return CharacterClasses.unicodeIsSymbol(scalar)
        }
    }

    /// A word runs over letters and digits, and over an apostrophe, hyphen,
    /// period or comma that sits between two of them ("don't", "non-refundable",
    /// "4.2.1", "1,000"). `appendASCIIWord` applies the same rules to ASCII
    /// words: change both together (a test compares the two paths).
    private static func wordEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        var index = start
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if CharacterClasses.isLetter(scalar) || CharacterClasses.isDigit(scalar) || CharacterClasses.isDiacritic(scalar) {
                index += 1
                continue
            }
            guard index + 1 < count else { break }
            let next = scalars[index + 1]
            let nextIsAlnum = CharacterClasses.isLetter(next) || CharacterClasses.isDigit(next)
            // "no_toc", "customer_id": identifiers are one token, not words.
            if scalar == "_" && nextIsAlnum {
                index += 1
                continue
            }
            if (CharacterClasses.isApostrophe(scalar) || CharacterClasses.isDash(scalar)) && nextIsAlnum
                && scalar.value != 0x2014 && scalar.value != 0x2013 {
                index += 1
                continue
            }
            if (scalar == "." || scalar == ",") && CharacterClasses.isDigit(next)
                && index > start && CharacterClasses.isDigit(scalars[index - 1]) {
                index += 1
                continue
            }
            break
        }
        return index
    }

    /// Nearly every word is ASCII and at most 15 characters long: found
    /// and folded in one pass, straight into the token's text, with
    /// the rules of `wordEnd` and `appendWord`. The end of the word, or nil
    /// (nothing appended) at a non-ASCII character in it or a sixteenth
    /// character, for the general path.
    @inline(__always)
    private static func appendASCIIWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, table: [UInt16],
                                        to tokens: inout [Token]) -> Int? {
        var word: (UInt64, UInt64) = (0, 0)
        var flags: UInt16 = 0
        let count = scalars.count
        let end = withUnsafeMutableBytes(of: &word) { bytes -> Int? in
            table.withUnsafeBufferPointer { table in
                var index = start
                var length = 0
                while index < count {
                    let value = scalars[index].value
                    guard value < 0x80 else { return nil }
                    let entry = table[Int(value)]
                    if entry & AsciiFold.wordCharacter == 0 {
                        // A connector joins two parts of one word (see `wordEnd`);
                        // anything else (a space, nearly always) ends it, and
                        // the next character is not read.
                        guard index + 1 < count else { break }
                        let joins: Bool
                        switch value {
                        case 0x5F, 0x27, 0x2D:  // `_`, `'`, `-`
                            let next = scalars[index + 1]
                            joins = CharacterClasses.isLetter(next) || CharacterClasses.isDigit(next)
                        case 0x2E, 0x2C:  // `.` and `,` between digits
                            joins = CharacterClasses.isDigit(scalars[index + 1]) && index > start
                                && CharacterClasses.isDigit(scalars[index - 1])
                        default: joins = false
                        }
                        guard joins else { break }
                    }
                    guard length < TokenText.inlineCapacity else { return nil }
                    let byte = UInt8(truncatingIfNeeded: entry)
                    bytes[length] = byte
                    flags |= entry
                    length += 1
                    index += 1
                }
                return index
            }
        }
        guard let end else { return nil }
        append(TokenText(inline: word, count: end - start), range: start..<end,
               capitalized: CharacterClasses.isUppercase(scalars[start]),
               allDigits: flags & AsciiFold.notNumeric == 0, hasApostrophe: flags & AsciiFold.apostrophe != 0, to: &tokens)
        return end
    }

    private static func appendWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, buffer folded: inout [UInt8],
                                   to tokens: inout [Token]) {
        let capitalized = CharacterClasses.isUppercase(scalars[range.lowerBound])
        // Most words are ASCII: folded through a table straight into the
        // token's text, with the same rules as below (a backquote is an
        // apostrophe; `-` stays). A non-ASCII character stops it, for the
        // Unicode path.
        var flags: UInt16 = 0
        let ascii = AsciiFold.table.withUnsafeBufferPointer { table in
            TokenText(count: range.count) { buffer -> Bool in
                var index = 0
                for offset in range {
                    let value = scalars[offset].value
                    guard value < 0x80 else { return false }
                    let entry = table[Int(value)]
                    let byte = UInt8(truncatingIfNeeded: entry)
                    buffer[index] = byte
                    flags |= entry
                    index += 1
                }
                return true
            }
        }
        if let ascii {
            append(ascii, range: range, capitalized: capitalized,
                   allDigits: flags & AsciiFold.notNumeric == 0, hasApostrophe: flags & AsciiFold.apostrophe != 0, to: &tokens)
            return
        }
        var allDigits = true
        var hasApostrophe = false
        foldWord(scalars[range], into: &folded, allDigits: &allDigits, hasApostrophe: &hasApostrophe)
        folded.withUnsafeBufferPointer { word in
            append(TokenText(word), range: range, capitalized: capitalized,
                   allDigits: allDigits, hasApostrophe: hasApostrophe, to: &tokens)
        }
    }

    /// The token (or tokens, for a contraction) of a folded word.
    @inline(__always)
    private static func append(_ word: TokenText, range: Range<Int>, capitalized: Bool,
                               allDigits: Bool, hasApostrophe: Bool, to tokens: inout [Token]) {
        if allDigits {
            tokens.append(Token(text: word, kind: .number, range: range, isCapitalized: false))
            return
        }
        // Only words with an apostrophe, and "cannot", are contractions.
        guard hasApostrophe || word == cannot else {
            tokens.append(Token(text: word, kind: .word, range: range, isCapitalized: capitalized))
            return
        }
        for (index, part) in Contractions.expand(word.string).enumerated() {
            tokens.append(Token(normalized: part, kind: .word, range: range, isCapitalized: capitalized && index == 0))
        }
    }

    private static let cannot = TokenText(normalized: "cannot")

    /// A word with non-ASCII characters, case-folded into `folded`.
    /// Out of line, like the Unicode look-ups (see `CharacterClasses`).
    @inline(never)
    private static func foldWord(_ word: Slice<UnsafeBufferPointer<Unicode.Scalar>>, into folded: inout [UInt8],
                                 allDigits: inout Bool, hasApostrophe: inout Bool) {
        folded.removeAll(keepingCapacity: true)
        for scalar in word {
            if CharacterClasses.isApostrophe(scalar) {
                folded.append(UInt8(ascii: "'"))
                hasApostrophe = true
            } else if CharacterClasses.isDash(scalar) {
                folded.append(UInt8(ascii: "-"))
            } else {
                if !CharacterClasses.isDigit(scalar) && scalar != "." && scalar != "," { allDigits = false }
                let value = scalar.value
                if value < 0x80 {
                    folded.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value))
                } else {
                    folded.append(contentsOf: String(scalar).lowercased().utf8)
                }
            }
        }
    }
}

/// How a word's ASCII characters fold, one entry per character: the folded
/// byte in the low eight bits, and flags for what the word then is. A table
/// in place of the comparisons, which cost more than the rest of the loop.
private enum AsciiFold {
    /// Not a digit, `.`, `,`, `-` or apostrophe: the word is not a number.
    static let notNumeric: UInt16 = 0x100
    static let apostrophe: UInt16 = 0x200
    /// A letter, a digit, or a diacritic (`^`, `` ` ``): always part of a
    /// word (the other characters of a word join two parts of it).
    static let wordCharacter: UInt16 = 0x400

    static let table: [UInt16] = (0..<128).map { (value: UInt16) -> UInt16 in
        switch value {
        case 0x60: return 0x27 | apostrophe | wordCharacter
        case 0x27: return 0x27 | apostrophe
        case 0x30...0x39: return value | wordCharacter
        case 0x2D, 0x2C, 0x2E: return value
        case 0x41...0x5A: return (value + 32) | notNumeric | wordCharacter
        case 0x61...0x7A, 0x5E: return value | notNumeric | wordCharacter
        default: return value | notNumeric
        }
    }
}

/// English contractions, expanded so that lexicons can say `not` once.
enum Contractions {
    private static let whole: [String: [String]] = [
        "can't": ["can", "not"], "cannot": ["can", "not"], "won't": ["will", "not"],
        "shan't": ["shall", "not"], "ain't": ["is", "not"], "let's": ["let", "us"],
        "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"],
        "here's": ["here", "is"], "what's": ["what", "is"], "who's": ["who", "is"],
        "he's": ["he", "is"], "she's": ["she", "is"], "where's": ["where", "is"],
        "i'm": ["i", "am"], "y'all": ["you", "all"],
    ]

    static func expand(_ word: String) -> [String] {
        if let parts = whole[word] { return parts }
        guard word.utf8.contains(UInt8(ascii: "'")) else { return [word] }
        if word.hasSuffix("n't") {
            return [String(word.dropLast(3)), "not"]
        }
        for (suffix, expansion) in [("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would")]
        where word.hasSuffix(suffix) && word.count > suffix.count {
            return [String(word.dropLast(suffix.count)), expansion]
        }
        if word.hasSuffix("'s") && word.count > 2 {
            return [String(word.dropLast(2)), "'s"]
        }
        return [word]
    }
}
