/// Writes one JSON document a piece at a time, laid out byte for byte as
/// `JSONValue.serialized(indent:)` lays out the same value, so a report with
/// a million findings goes to its output as it is made and never exists
/// whole in memory (as a tree or as one string).
///
/// Containers are opened and closed explicitly; anything small enough to
/// build first (one finding) is written as a `JSONValue`. The text is
/// gathered as UTF-8 bytes and handed to the output a buffer at a time (a
/// string per value, appended to another string, cost more than the values).
public struct JSONStreamWriter<Output: TextOutputStream> {
    private var sink: Output
    private var buffer: [UInt8] = []
    private let indent: Int?
    /// How deep the document this writer makes sits in a larger one, for a
    /// fragment rendered on its own and then put in with `fragment(_:)`.
    private let baseDepth: Int
    /// For each open container: whether it has a member yet. Its opening
    /// bracket is written with its first member, since an empty one is `[]`.
    private var open: [(bracket: UInt8, hasMembers: Bool)] = []

    /// Bytes gathered before they are written to the output.
    private static var bufferLimit: Int { 1 << 16 }

    public init(output: Output, indent: Int? = 2, baseDepth: Int = 0) {
        self.sink = output
        self.indent = indent
        self.baseDepth = baseDepth
    }

    /// The output, with everything written so far.
    public var output: Output {
        mutating get {
            flush()
            return sink
        }
    }

    /// The depth at which a fragment for the open container is rendered.
    public var depth: Int { baseDepth + open.count }

    public mutating func beginObject(key: String? = nil) {
        startMember(key: key)
        open.append((UInt8(ascii: "{"), false))
    }

    public mutating func beginArray(key: String? = nil) {
        startMember(key: key)
        open.append((UInt8(ascii: "["), false))
    }

    /// Closes the innermost open container.
    public mutating func end() {
        let (bracket, hasMembers) = open.removeLast()
        if hasMembers {
            newline(depth: depth)
        } else {
            buffer.append(bracket)
        }
        buffer.append(bracket == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        flushIfFull()
    }

    /// A whole value: an element of the open array, a member of the open
    /// object (with `key`), or the document itself.
    public mutating func value(_ value: JSONValue, key: String? = nil) {
        startMember(key: key)
        value.write(to: &buffer, indent: indent, depth: depth)
        flushIfFull()
    }

    /// The `line`, `column`, `endLine` and `endColumn` members of a range.
    public mutating func range(_ range: SourceRange) {
        value(.int(range.start.line), key: "line")
        value(.int(range.start.column), key: "column")
        value(.int(range.end.line), key: "endLine")
        value(.int(range.end.column), key: "endColumn")
    }

    /// An element of the open array rendered beforehand by a writer made
    /// with `baseDepth: depth` (the same indent, no key).
    public mutating func fragment(_ text: String) {
        startMember(key: nil)
        flush()
        sink.write(text)
    }

    /// Separates this member from the last, opens the container with its
    /// first member, and writes the key.
    private mutating func startMember(key: String?) {
        guard let last = open.indices.last else { return }
        if open[last].hasMembers {
            buffer.append(UInt8(ascii: ","))
        } else {
            buffer.append(open[last].bracket)
            open[last].hasMembers = true
        }
        newline(depth: depth)
        if let key {
            JSONValue.escape(key, into: &buffer)
            buffer.append(UInt8(ascii: ":"))
            if indent != nil { buffer.append(UInt8(ascii: " ")) }
        }
    }

    private mutating func newline(depth: Int) {
        JSONValue.newline(&buffer, indent: indent, depth: depth)
    }

    private mutating func flushIfFull() {
        if buffer.count >= Self.bufferLimit { flush() }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink.write(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }
}
