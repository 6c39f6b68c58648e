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

    /// `String(value)`'s digits, without making the string.
    private static func writeDecimal(_ value: Int, to output: inout [UInt8]) {
        guard value != 0 else { output.append(UInt8(ascii: "0")); return }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so that Int.min has one too; its digits
        // counted first and written from the last.
        var magnitude = value.magnitude
        var digits = 0
        var rest = magnitude
        while rest > 0 { digits += 1; rest /= 10 }
        let start = output.count
        // One placeholder per digit: appending a repeated element went
        // through an unspecialised generic path, some 150 instructions.
        for _ in 0..<digits { output.append(UInt8(ascii: "0")) }
        var index = start + digits - 1
        while magnitude > 0 {
            output[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        }
    }

    /// A line feed and the indentation of `depth`, when indented at all.
    static func newline(_ output: inout [UInt8], indent: Int?, depth: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        // The indentation copied from a run of spaces (a repeated element
        // went through an unspecialised generic append, per line written).
        var remaining = indent * depth
        while remaining > 0 {
            let count = min(remaining, spaces.count)
            spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
            remaining -= count
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

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
            // Most strings (sentences, paths, rule names) need no escape at
            // all: one pass over their bytes decides, and they are appended
            // whole. 0xE2 leads U+2028 and U+2029, but also curly quotes and
            // dashes, so prose often takes the second path, a byte at a time.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
                output.append(contentsOf: bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
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
}

extension JSONValue {
    /// `.string` or `.null`.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}
