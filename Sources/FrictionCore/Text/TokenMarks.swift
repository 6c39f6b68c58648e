/// Which tokens of a sentence have some property (inside quotation marks,
/// inside link text). Most sentences have no such token, and then the marks
/// take no storage: every sentence used to allocate an array of `false`.
public struct TokenMarks: Sendable {
    private var marked: [Bool] = []

    /// No token marked.
    public init() {}

    /// Marks from one flag per token; none set keeps no storage.
    public init(_ flags: [Bool]) {
        if flags.contains(true) { marked = flags }
    }

    public subscript(token: Int) -> Bool {
        marked.isEmpty ? false : marked[token]
    }
}
