/// A place in a source file: 1-based line and 1-based column counted in
/// Unicode scalars (code points), the way editors and SARIF's
/// `unicodeCodePoints` column kind count them.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    public var description: String { "\(line):\(column)" }
}

/// An inclusive range of source positions: `end` is the position of the last
/// character, so a one-character range has `start == end`.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public func contains(_ position: SourcePosition) -> Bool {
        start <= position && position <= end
    }

    public var description: String { "\(start)-\(end)" }
}
