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
}
