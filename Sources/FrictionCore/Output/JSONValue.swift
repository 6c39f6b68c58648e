/// A JSON value with ordered object keys, so output is byte-for-byte
/// deterministic (Foundation's encoder does not promise key order).
public indirect enum JSONValue: Equatable, Sendable {
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
        output += "\n"
        output += String(repeating: " ", count: indent * depth)
    }

    public static func escape(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

extension JSONValue {
    /// `.string` or `.null`.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}
