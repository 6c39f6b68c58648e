import FrictionCore
import Testing

/// The JSON report is written a piece at a time; it must be the same bytes
/// as the whole value serialized at once, in both layouts.
@Suite("JSON written as a stream")
struct JSONStreamWriterTests {
    /// Arrays and objects of every shape: empty, nested, with strings that
    /// need escapes and strings that do not.
    static let sample = JSONValue.object([
        ("version", .int(1)),
        ("empty array", .array([])),
        ("empty object", .object([])),
        ("files", .array([
            .object([
                ("path", .string("a \"quoted\" path\\with\tcontrol\u{01}")),
                ("findings", .array([
                    .object([("message", .string("“will not” restricts")), ("line", .int(3)), ("ok", .bool(true))]),
                    .object([("text", .string("line\u{2028}separator and paragraph\u{2029}")), ("score", .null)]),
                ])),
                ("annotations", .array([])),
                ("ratio", .double(0.25)),
            ]),
            .array([.int(1), .array([.object([])])]),
        ])),
    ])

    /// Streams `value`, opening a container for every array and object.
    static func stream(_ value: JSONValue, key: String? = nil, into json: inout JSONStreamWriter<String>) {
        switch value {
        case .array(let items):
            json.beginArray(key: key)
            for item in items { stream(item, into: &json) }
            json.end()
        case .object(let members):
            json.beginObject(key: key)
            for (name, member) in members { stream(member, key: name, into: &json) }
            json.end()
        default:
            json.value(value, key: key)
        }
    }

    @Test("streamed containers give the bytes of the serialized value", arguments: [2, nil] as [Int?])
    func streamedEqualsSerialized(indent: Int?) {
        var json = JSONStreamWriter(output: "", indent: indent)
        Self.stream(Self.sample, into: &json)
        #expect(json.output == Self.sample.serialized(indent: indent))
    }

    @Test("a value written inside open containers is laid out at their depth")
    func valueAtDepth() {
        var json = JSONStreamWriter(output: "")
        json.beginObject()
        json.beginArray(key: "files")
        json.value(.object([("path", .string("a.md")), ("findings", .array([.int(1)]))]))
        json.end()
        json.end()
        #expect(json.output == JSONValue.object([("files", .array([.object([("path", .string("a.md")), ("findings", .array([.int(1)]))])]))]).serialized())
    }

    @Test("strings are escaped the same on the fast and the slow path")
    func escapes() {
        let cases: [(String, String)] = [
            ("plain words", #""plain words""#),
            ("“curly” – dash", #""“curly” – dash""#),
            ("a\"b\\c", #""a\"b\\c""#),
            ("tab\tnew\nline\r\u{08}\u{0C}\u{1F}", #""tab\tnew\nline\r\b\f\u001f""#),
            ("\u{2028}\u{2029}\u{2027}", "\"\\u2028\\u2029\u{2027}\""),
        ]
        for (input, expected) in cases {
            var output = ""
            JSONValue.escape(input, into: &output)
            #expect(output == expected, "\(input)")
        }
    }

    /// Plain text is scanned eight bytes at a time: a byte that needs
    /// escaping is found at every offset of those eight, and bytes that
    /// look alike in some bits (non-ASCII, DEL, space) are copied as they are.
    @Test("every character that needs escaping is found at every offset", arguments: 0..<20)
    func escapesAtEveryOffset(offset: Int) {
        func reference(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case "\u{08}": result += "\\b"
                case "\u{0C}": result += "\\f"
                case "\u{2028}": result += "\\u2028"
                case "\u{2029}": result += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "\""
        }
        let lead = String(repeating: "a", count: offset)
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "“", "–", "\u{2028}", "é", "\u{7F}", " ", "\u{A0}", "ÿ", "日"] {
            for text in [lead + special + "tail text here", lead + special, special + lead + special + lead] {
                var output = ""
                JSONValue.escape(text, into: &output)
                #expect(output == reference(text), "\(text.debugDescription)")
            }
        }
    }
}
