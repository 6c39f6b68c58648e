import FrictionCore

/// The prose of one block as it is gathered from a parser: characters with
/// the source position of each. Runs of white space fold to one space.
public struct BlockText: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    /// Where each of `scalars` stands, as runs of consecutive columns (the
    /// sentences cut from the block keep slices of these).
    public private(set) var positionRuns = PositionRuns()

    public init() {}

    public var isEmpty: Bool { scalars.allSatisfy(CharacterClasses.isWhitespace) }

    /// Every character's position, spelled out.
    public var positions: [SourcePosition] { positionRuns.positions }

    @inline(__always)
    public mutating func append(_ scalar: Unicode.Scalar, at position: SourcePosition) {
        if CharacterClasses.isWhitespace(scalar) {
            appendSpace(at: position)
        } else {
            scalars.append(scalar)
            positionRuns.append(position)
        }
    }

    /// Appends UTF-8 text that stands in the source as it is on one line, its
    /// first character at `column`: what `append(_:at:)` does a character
    /// at a time, written in one pass through the scalars' buffer (appended
    /// one by one, each character paid a uniqueness and capacity check).
    /// Returns the number of columns the text takes (its characters).
    @discardableResult
    mutating func appendVerbatim(_ utf8: ArraySlice<UInt8>, line: Int, column firstColumn: Int) -> Int {
        let start = scalars.count
        // At most one character per byte; the unused tail is cut off after.
        scalars.append(contentsOf: repeatElement(" ", count: utf8.count))
        var written = start
        var runs = positionRuns
        positionRuns = PositionRuns()
        // The characters written since the last folded space stand at
        // consecutive columns: one run, added when it ends.
        var runColumn = firstColumn
        var runLength = 0
        var offset = 0
        scalars.withUnsafeMutableBufferPointer { scalars in
            utf8.withUnsafeBufferPointer { bytes in
                let count = bytes.count
                while offset < count {
                    // Eight ASCII characters at a time where no space folds:
                    // no control character (tab, line break), no two spaces
                    // running, no space first after one (most of prose).
                    // Copied as they are, and the run goes on.
                    if offset + 8 <= count {
                        let word = WordOfBytes(bytes, at: offset)
                        let spaces = word.bytes(equalTo: UInt8(ascii: " "))
                        if word.isASCII && !word.containsByte(below: 0x20) && spaces & (spaces >> 8) == 0
                            && (spaces & 0x80 == 0 || (written > 0 && scalars[written - 1] != " ")) {
                            for index in 0..<8 { scalars[written + index] = Unicode.Scalar(bytes[offset + index]) }
                            written += 8
                            runLength += 8
                            offset += 8
                            continue
                        }
                    }
                    let lead = bytes[offset]
                    let length = lead < 0x80 ? 1 : min(UTF8Decoding.sequenceLength(lead), count - offset)
                    let scalar = lead < 0x80 ? Unicode.Scalar(lead) : UTF8Decoding.scalar(bytes, offset..<(offset + length))
                    // Whitespace becomes one space, never at the start (`appendSpace`).
                    let isSpace = CharacterClasses.isWhitespace(scalar)
                    if !isSpace || (written > 0 && scalars[written - 1] != " ") {
                        scalars[written] = isSpace ? " " : scalar
                        written += 1
                        runLength += 1
                    } else {
                        // A folded space: the run so far ends (indentation folds
                        // a space at a time, and most of those end no run).
                        if runLength > 0 { runs.append(line: line, column: runColumn, count: runLength) }
                        runColumn += runLength + 1
                        runLength = 0
                    }
                    offset += length
                }
            }
        }
        runs.append(line: line, column: runColumn, count: runLength)
        positionRuns = runs
        scalars.removeLast(scalars.count - written)
        return runColumn + runLength - firstColumn
    }

    /// One space, unless the text is empty or already ends in one.
    public mutating func appendSpace(at position: SourcePosition) {
        guard let last = scalars.last, last != " " else { return }
        scalars.append(" ")
        positionRuns.append(position)
    }

    /// Drops template and attribute markup that Markdown sites put in text
    /// but readers never see: Liquid tags (`{% ... %}`, `{{ ... }}`) and
    /// kramdown attribute lists (`{: .class}`, `{:toc}`).
    public mutating func removeTemplateMarkup() {
        guard scalars.contains("{") else { return }
        let positions = positionRuns.positions
        var keptScalars: [Unicode.Scalar] = []
        var keptPositions = PositionRuns()
        keptScalars.reserveCapacity(scalars.count)
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
        positionRuns = keptPositions
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
        positionRuns.removeAll()
    }
}
