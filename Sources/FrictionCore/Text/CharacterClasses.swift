/// Character tests on Unicode scalars, with ASCII answered without a table
/// lookup because nearly all policy text is ASCII. Inlinable: the parsers
/// call them once per character from another module.
///
/// The Unicode property look-ups are out of line (`unicode...`): the
/// standard library's property types are resilient, and a caller that
/// inlined one set up their metadata and stack space on every call, ASCII
/// or not (some 150 instructions for each word the tokenizer scanned).
public enum CharacterClasses {
    @inlinable @inline(__always)
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        return unicodeIsAlphabetic(scalar)
    }

    @inlinable @inline(__always)
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return unicodeIsDecimal(scalar)
    }

    @inlinable @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return true
        case 0..<0x80: return false
        default: return unicodeIsWhitespace(scalar)
        }
    }

    @inlinable @inline(__always)
    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return unicodeIsUppercase(scalar)
    }

    @inlinable @inline(__always)
    public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return unicodeIsLowercase(scalar)
    }

    /// Unicode's Diacritic property; in ASCII only `^` and `` ` `` have it.
    @inlinable @inline(__always)
    public static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x5E || value == 0x60 }
        return unicodeIsDiacritic(scalar)
    }

    /// Straight and typographic apostrophes and single quotes.
    @inlinable @inline(__always)
    public static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032, 0x60, 0xB4: return true
        default: return false
        }
    }

    /// Double quotation marks in their common forms.
    @inlinable @inline(__always)
    public static func isDoubleQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033, 0x300C, 0x300D: return true
        default: return false
        }
    }

    /// Hyphens, dashes and minus signs.
    @inlinable @inline(__always)
    public static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }

    /// Characters that may end a sentence.
    @inlinable @inline(__always)
    public static func isSentenceTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    /// Closing quotes and brackets that may follow a terminator and still
    /// belong to the sentence it ends.
    @inlinable @inline(__always)
    public static func isClosingAfterTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0xBB, 0x2032, 0x2033: return true
        default: return false
        }
    }

    @usableFromInline @inline(never)
    static func unicodeIsAlphabetic(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    @usableFromInline @inline(never)
    static func unicodeIsDecimal(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }

    @usableFromInline @inline(never)
    static func unicodeIsWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    @usableFromInline @inline(never)
    static func unicodeIsUppercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isUppercase }

    @usableFromInline @inline(never)
    static func unicodeIsDiacritic(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isDiacritic }

    /// Unicode's currency and math symbols (Sc, Sm).
    @usableFromInline @inline(never)
    static func unicodeIsSymbol(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .currencySymbol || category == .mathSymbol
    }

    /// Unicode's lower-case letters.
    @usableFromInline @inline(never)
    static func unicodeIsLowercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isLowercase }
}
