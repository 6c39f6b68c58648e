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

    /// Drops template and attribute markup that Markdown sites put in text
    /// but readers never see: Liquid tags (`{% ... %}`, `{{ ... }}`) and
    /// kramdown attribute lists (`{: .class}`, `{:toc}`).
    public mutating func removeTemplateMarkup() {
        guard scalars.contains("{") else { return }
        var keptScalars: [Unicode.Scalar] = []
        var keptPositions: [SourcePosition] = []
        keptScalars.reserveCapacity(scalars.count)
        keptPositions.reserveCapacity(positions.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count,
               let close = Self.closing(for: scalars[index + 1]),
               let end = Self.find(close, in: scalars, from: index + 2) {
                index = end
                continue
            }
            if !(scalars[index] == " " && keptScalars.last == " ") {
                keptScalars.append(scalars[index])
                keptPositions.append(positions[index])
            }
            index += 1
        }
        scalars = keptScalars
        positions = keptPositions
    }

    private static func closing(for second: Unicode.Scalar) -> [Unicode.Scalar]? {
        switch second {
        case "%": ["%", "}"]
        case "{": ["}", "}"]
        case ":": ["}"]
        default: nil
        }
    }

    /// Index just past `marker` found at or after `start`, or nil.
    private static func find(_ marker: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + marker.count <= scalars.count {
            if scalars[index] == marker[0] && (marker.count == 1 || scalars[index + 1] == marker[1]) {
                return index + marker.count
            }
            index += 1
        }
        return nil
    }

    public mutating func removeAll() {
        scalars.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
    }
}
