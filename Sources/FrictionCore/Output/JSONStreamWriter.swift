/// Writes one JSON document a piece at a time, laid out byte for byte as
/// `JSONValue.serialized(indent:)` lays out the same value, so a report with
/// a million findings goes to its output as it is made and never exists
/// whole in memory (as a tree or as one string).
///
/// Containers are opened and closed explicitly; anything small enough to
/// build first (one finding) is written as a `JSONValue`.
public struct JSONStreamWriter<Output: TextOutputStream> {
    public private(set) var output: Output
    private let indent: Int?
    /// How deep the document this writer makes sits in a larger one, for a
    /// fragment rendered on its own and then put in with `fragment(_:)`.
    private let baseDepth: Int
    /// For each open container: whether it has a member yet. Its opening
    /// bracket is written with its first member, since an empty one is `[]`.
    private var open: [(bracket: String, hasMembers: Bool)] = []

    public init(output: Output, indent: Int? = 2, baseDepth: Int = 0) {
        self.output = output
        self.indent = indent
        self.baseDepth = baseDepth
    }

    /// The depth at which a fragment for the open container is rendered.
    public var depth: Int { baseDepth + open.count }

    public mutating func beginObject(key: String? = nil) {
        startMember(key: key)
        open.append(("{", false))
    }

    public mutating func beginArray(key: String? = nil) {
        startMember(key: key)
        open.append(("[", false))
    }

    /// Closes the innermost open container.
    public mutating func end() {
        let (bracket, hasMembers) = open.removeLast()
        let closing = bracket == "{" ? "}" : "]"
        if hasMembers {
            newline(depth: depth)
            output.write(closing)
        } else {
            output.write(bracket + closing)
        }
    }

    /// A whole value: an element of the open array, a member of the open
    /// object (with `key`), or the document itself.
    public mutating func value(_ value: JSONValue, key: String? = nil) {
        startMember(key: key)
        output.write(value.serialized(indent: indent, depth: depth))
    }

    /// An element of the open array rendered beforehand by a writer made
    /// with `baseDepth: depth` (the same indent, no key).
    public mutating func fragment(_ text: String) {
        startMember(key: nil)
        output.write(text)
    }

    /// Separates this member from the last, opens the container with its
    /// first member, and writes the key.
    private mutating func startMember(key: String?) {
        guard let last = open.indices.last else { return }
        if open[last].hasMembers {
            output.write(",")
        } else {
            output.write(open[last].bracket)
            open[last].hasMembers = true
        }
        newline(depth: depth)
        if let key {
            var text = ""
            JSONValue.escape(key, into: &text)
            output.write(text + (indent == nil ? ":" : ": "))
        }
    }

    private mutating func newline(depth: Int) {
        guard let indent else { return }
        output.write(JSONValue.lineBreak(indent: indent, depth: depth))
    }
}
