import FrictionCore

/// The prose of one block as it is gathered from a parser: characters with
/// the source position of each. Runs of white space fold to one space.
public struct BlockText: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    public private(set) var positions: [SourcePosition] = []

    public init() {}

    public var isEmpty: Bool { scalars.allSatisfy(CharacterClasses.isWhitespace) }

    @inline(__always)
    public mutating func append(_ scalar: Unicode.Scalar, at position: SourcePosition) {
        if CharacterClasses.isWhitespace(scalar) {
            appendSpace(at: position)
        } else {
            scalars.append(scalar)
            positions.append(position)
        }
    }

    /// One space, unless the text is empty or already ends in one.
    public mutating func appendSpace(at position: SourcePosition) {
        guard let last = scalars.last, last != " " else { return }
        scalars.append(" ")
        positions.append(position)
    }

    public mutating func removeAll() {
        scalars.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
    }
}
