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
        var output = ""
        write(to: &output, indent: indent, depth: depth)
        return output
    }

    private func write(to output: inout String, indent: Int?, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value):
            output += value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): JSONValue.escape(value, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent: indent, depth: depth + 1)
                item.write(to: &output, indent: indent, depth: depth + 1)
            }
            newline(&output, indent: indent, depth: depth)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent: indent, depth: depth + 1)
                JSONValue.escape(key, into: &output)
                output += indent == nil ? ":" : ": "
                value.write(to: &output, indent: indent, depth: depth + 1)
            }
            newline(&output, indent: indent, depth: depth)
            output += "}"
        }
    }

    private func newline(_ output: inout String, indent: Int?, depth: Int) {
        guard let indent else { return }
        output += Self.lineBreak(indent: indent, depth: depth)
    }

    /// A line feed and the indentation of `depth`. Reports nest a few
    /// levels deep at two spaces: those breaks are made once, not per line
    /// (`String(repeating:count:)` was most of the cost of writing coverage).
    static func lineBreak(indent: Int, depth: Int) -> String {
        if indent == 2 && depth < commonLineBreaks.count { return commonLineBreaks[depth] }
        return "\n" + String(repeating: " ", count: indent * depth)
    }

    private static let commonLineBreaks = (0..<16).map { "\n" + String(repeating: " ", count: 2 * $0) }

    /// Appends `string` as a JSON string literal. Runs of characters that
    /// need no escape (nearly all of them) are appended whole, not one
    /// scalar at a time: this was 7% of a JSON lint run.
    public static func escape(_ string: String, into output: inout String) {
        output += "\""
        // Most strings (sentences, paths, rule names) need no escape at all:
        // one pass over their bytes decides, and they are appended whole.
        var contiguous = string
        let needsEscape = contiguous.withUTF8 { bytes in
            bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
        }
        guard needsEscape else {
            output += string
            output += "\""
            return
        }
        let utf8 = string.utf8
        var run = utf8.startIndex
        var index = run
        while index != utf8.endIndex {
            let byte = utf8[index]
            var length = 1
            let escaped: String
            switch byte {
            case 0x22: escaped = "\\\""
            case 0x5C: escaped = "\\\\"
            case 0x0A: escaped = "\\n"
            case 0x0D: escaped = "\\r"
            case 0x09: escaped = "\\t"
            case 0x08: escaped = "\\b"
            case 0x0C: escaped = "\\f"
            case 0..<0x20: escaped = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9): line breaks to JavaScript.
                let second = utf8.index(after: index)
                guard second != utf8.endIndex, utf8[second] == 0x80 else { index = utf8.index(after: index); continue }
                let third = utf8.index(after: second)
                guard third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 else {
                    index = utf8.index(after: index)
                    continue
                }
                escaped = utf8[third] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                index = utf8.index(after: index)
                continue
            }
            output.append(contentsOf: string[run..<index])
            output += escaped
            index = utf8.index(index, offsetBy: length)
            run = index
        }
        output.append(contentsOf: string[run..<utf8.endIndex])
        output += "\""
    }
}

extension JSONValue {
    /// `.string` or `.null`.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}
