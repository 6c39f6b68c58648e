import FrictionCore

/// The front matter nearly every handbook page has, read without a YAML
/// parser: one `key: value` per line, the key a plain word at the start of
/// the line, the value a plain scalar or a quoted one without escapes.
///
/// Anything else (nesting, lists, comments, escapes, empty values, repeated
/// keys, non-ASCII) gives nil, and Yams reads the block: the values read
/// here are exactly those Yams gives for the same lines. Composing with
/// Yams cost some 130,000 instructions a file, a twentieth of a Markdown
/// file's lint.
enum FlatFrontMatter {
    /// The entries of lines `lines` (1-based, closed-open), or nil when the
    /// block is not this simple.
    static func entries(_ source: SourceText, lines: Range<Int>) -> [(key: String, value: String)]? {
        var entries: [(key: String, value: String)] = []
        for line in lines {
            let start = source.lineStarts[line - 1]
            let end = source.lineContentEnd(line: line)
            let bytes = source.bytes[start..<end]
            if bytes.allSatisfy({ $0 == 0x20 }) { continue }
            guard let entry = entry(bytes), !entries.contains(where: { $0.key == entry.key }) else { return nil }
            entries.append(entry)
        }
        return entries
    }

    /// `key: value` on one line, or nil.
    private static func entry(_ line: ArraySlice<UInt8>) -> (key: String, value: String)? {
        guard let first = line.first, isKeyStart(first), let colon = line.firstIndex(of: UInt8(ascii: ":")),
              line[line.startIndex..<colon].allSatisfy(isKeyByte) else { return nil }
        // One or more spaces after the colon, then the value.
        var valueStart = colon + 1
        guard valueStart < line.endIndex, line[valueStart] == 0x20 else { return nil }
        while valueStart < line.endIndex && line[valueStart] == 0x20 { valueStart += 1 }
        var valueEnd = line.endIndex
        while valueEnd > valueStart && line[valueEnd - 1] == 0x20 { valueEnd -= 1 }
        guard valueStart < valueEnd, let value = scalar(line[valueStart..<valueEnd]) else { return nil }
        return (String(decoding: line[line.startIndex..<colon], as: UTF8.self), value)
    }

    /// A plain, double-quoted or single-quoted scalar that means its own
    /// characters, or nil.
    private static func scalar(_ text: ArraySlice<UInt8>) -> String? {
        guard text.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let first = text[text.startIndex]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard text.count >= 2, text[text.endIndex - 1] == first else { return nil }
            let inner = text[(text.startIndex + 1)..<(text.endIndex - 1)]
            guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return String(decoding: inner, as: UTF8.self)
        }
        // A plain scalar: no indicator first, no ": " or " #" inside, no
        // flow or alias characters anywhere, nothing after a final colon.
        guard !opensOtherThanPlain(first), text.last != UInt8(ascii: ":") else { return nil }
        var previous: UInt8 = 0
        for byte in text {
            if isLeftToYAML(byte) { return nil }
            if previous == UInt8(ascii: ":") && byte == 0x20 { return nil }
            if previous == 0x20 && byte == UInt8(ascii: "#") { return nil }
            previous = byte
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Characters that give a plain scalar another meaning when they open it.
    private static func opensOtherThanPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
             UInt8(ascii: "@"): return true
        default: return isLeftToYAML(byte)
        }
    }

    /// Characters left to Yams wherever they stand in a plain scalar.
    private static func isLeftToYAML(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "\\"): return true
        default: return false
        }
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
}
