/// A JSON value with ordered object keys, so output is byte-for-byte
/// deterministic (Foundation's encoder does not promise key order).
/// Not `indirect`: nesting goes through arrays, which are references
/// already, and boxing every value cost an allocation per JSON member.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// Compact when `indent` is nil, else pretty-printed with that many spaces.
    /// `depth` is how deeply the value is nested in a larger document laid
    /// out the same way (its first line is never indented).
    public func serialized(indent: Int? = 2, depth: Int = 0) -> String {
        // Written as UTF-8 bytes and made a string once: appending to a
        // String piece by piece cost more than building the values.
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output, indent: indent, depth: depth)
        return String(decoding: output, as: UTF8.self)
    }

    func write(to output: inout [UInt8], indent: Int?, depth: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): Self.writeDecimal(value, to: &output)
        case .double(let value):
            if value.rounded() == value && abs(value) < 1e15 {
                Self.writeDecimal(Int(value), to: &output)
            } else {
                output.append(contentsOf: String(value).utf8)
            }
        case .string(let value): JSONValue.escape(value, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent: indent, depth: depth + 1)
                item.write(to: &output, indent: indent, depth: depth + 1)
            }
            Self.newline(&output, indent: indent, depth: depth)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent: indent, depth: depth + 1)
                JSONValue.escape(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: indent, depth: depth + 1)
            }
            Self.newline(&output, indent: indent, depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// `String(value)`'s digits, without making the string: written from
    /// the last into a buffer on the stack, then appended at once.
    private static func writeDecimal(_ value: Int, to output: inout [UInt8]) {
        // The magnitude as unsigned, so that Int.min has one too.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A line feed and the indentation of `depth`, when indented at all.
    static func newline(_ output: inout [UInt8], indent: Int?, depth: Int) {
        guard let indent else { return }
        // A line feed and its spaces copied in one append from one run
        // (byte by byte, this was a tenth of writing a report).
        let width = indent * depth
        if width < lineBreak.count {
            lineBreak.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0...width])) }
            return
        }
        output.append(UInt8(ascii: "\n"))
        var remaining = width
        while remaining > 0 {
            let count = min(remaining, lineBreak.count - 1)
            lineBreak.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[1...count])) }
            remaining -= count
        }
    }

    /// A line feed and the spaces of any indentation up to 127.
    private static let lineBreak = [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 127)

    /// Appends `string` as a JSON string literal.
    public static func escape(_ string: String, into output: inout String) {
        var bytes: [UInt8] = []
        escape(string, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `string` as a JSON string literal, working on its UTF-8
    /// bytes, never a scalar at a time: that was 7% of a JSON lint run.
    static func escape(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var contiguous = string
        contiguous.withUTF8 { bytes in
            // Bytes that need no escape are appended a run at a time, up to
            // the next one that may (a control character, `"`, `\`, or 0xE2,
            // which leads U+2028 and U+2029 but also curly quotes and
            // dashes): most strings are one run, and prose with curly
            // quotes a few, where a byte at a time cost several times more.
            var index = 0
            while index < bytes.count {
                var end = index
                // Eight bytes at a time while none of them needs a look.
                while end + 8 <= bytes.count {
                    let plain = plainBytes(WordOfBytes(bytes, at: end))
                    end += plain
                    if plain < 8 { break }
                }
                while end < bytes.count && !needsLook(bytes[end]) { end += 1 }
                if end > index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end])) }
                guard end < bytes.count else { break }
                let byte = bytes[end]
                index = end + 1
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: output.append(contentsOf: [0x5C, 0x72])
                case 0x09: output.append(contentsOf: [0x5C, 0x74])
                case 0x08: output.append(contentsOf: [0x5C, 0x62])
                case 0x0C: output.append(contentsOf: [0x5C, 0x66])
                case 0..<0x20: output.append(contentsOf: "\\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16))".utf8)
                case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9): line breaks to JavaScript.
                    output.append(contentsOf: (bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether `escape` must look at `byte` on its own.
    @inline(__always)
    private static func needsLook(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    /// How many of the eight bytes of `word`, from the first, `escape` can
    /// copy as they are (`needsLook` false). A byte is below 0x20 exactly
    /// when its high bit is clear and its low seven bits plus 0x60 stay
    /// below 0x80 (no sum carries out of its byte).
    @inline(__always)
    private static func plainBytes(_ word: WordOfBytes) -> Int {
        let control = ~(word.value | ((word.value & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x6060_6060_6060_6060)) & 0x8080_8080_8080_8080
        let special = control | word.bytes(equalTo: 0x22) | word.bytes(equalTo: 0x5C) | word.bytes(equalTo: 0xE2)
        return special.trailingZeroBitCount / 8
    }
}

extension JSONValue {
    /// `.string` or `.null`.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}
