/// A path glob: `*` matches within one path segment, `**` across segments,
/// `?` one character. A pattern without `/` matches the file name anywhere
/// (`*.xml`), as in `.gitignore`.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let parts: [Character]
    private let anchored: Bool

    public init(_ pattern: String) {
        var trimmed = pattern
        if trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        if trimmed.hasSuffix("/") { trimmed += "**" }
        self.pattern = pattern
        self.anchored = trimmed.contains("/")
        self.parts = Array(anchored ? trimmed : "**/" + trimmed)
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        var normalized = path
        while normalized.hasPrefix("./") { normalized.removeFirst(2) }
        return Glob.match(parts[...], Array(normalized)[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            let rest = pattern.dropFirst()
            if rest.first == "*" {
                // `**/` may match no directories at all.
                var afterStars = rest.dropFirst()
                if afterStars.first == "/" {
                    afterStars = afterStars.dropFirst()
                    if match(afterStars, text) { return true }
                }
                var index = text.startIndex
                while index <= text.endIndex {
                    if match(afterStars, text[index...]) { return true }
                    if index == text.endIndex { break }
                    index += 1
                }
                return false
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                if index == text.endIndex || text[index] == "/" { return false }
                index += 1
            }
        }
        guard let character = text.first else { return false }
        if first == "?" ? character != "/" : first == character {
            return match(pattern.dropFirst(), text.dropFirst())
        }
        return false
    }
}
