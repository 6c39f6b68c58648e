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

    /// Appends UTF-8 text that stands in the source as it is on one line, its
    /// first character at `column`: what `append(_:at:)` does a character
    /// at a time, written in one pass through the arrays' buffers (appended
    /// one by one, each character paid two uniqueness and capacity checks).
    /// Returns the number of columns the text takes (its characters).
    @discardableResult
    mutating func appendVerbatim(_ utf8: ArraySlice<UInt8>, line: Int, column firstColumn: Int) -> Int {
        let start = scalars.count
        // At most one character per byte; the unused tail is cut off after.
        scalars.append(contentsOf: repeatElement(" ", count: utf8.count))
        positions.append(contentsOf: repeatElement(SourcePosition(line: line, column: firstColumn), count: utf8.count))
        var written = start
        var columns = 0
        scalars.withUnsafeMutableBufferPointer { scalars in
            positions.withUnsafeMutableBufferPointer { positions in
                var column = firstColumn
                var index = utf8.startIndex
                while index < utf8.endIndex {
                    let lead = utf8[index]
                    let length = lead < 0x80 ? 1 : min(UTF8Decoding.sequenceLength(lead), utf8.endIndex - index)
                    let scalar = lead < 0x80 ? Unicode.Scalar(lead) : UTF8Decoding.scalar(utf8, index..<(index + length))
                    // Whitespace becomes one space, never at the start (`appendSpace`).
                    let isSpace = CharacterClasses.isWhitespace(scalar)
                    if !isSpace || (written > 0 && scalars[written - 1] != " ") {
                        scalars[written] = isSpace ? " " : scalar
                        positions[written] = SourcePosition(line: line, column: column)
                        written += 1
                    }
                    column += 1
                    index += length
                }
                columns = column - firstColumn
            }
        }
        scalars.removeLast(scalars.count - written)
        positions.removeLast(positions.count - written)
        return columns
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
