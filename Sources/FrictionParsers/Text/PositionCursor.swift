import FrictionCore

/// Turns byte offsets into line and column positions, fast when offsets
/// arrive in increasing order (as they do while a block is read), so a
/// megabyte-long line costs one pass, not one pass per character.
struct PositionCursor {
    let source: SourceText
    private var lineIndex = 0
    private var offset = 0
    private var column = 1

    init(_ source: SourceText) {
        self.source = source
    }

    mutating func position(of target: Int) -> SourcePosition {
        let target = min(max(target, 0), source.bytes.count)
        if target < offset || (lineIndex + 1 < source.lineStarts.count && target >= source.lineStarts[lineIndex + 1]) {
            lineIndex = source.line(containingByte: target)
            offset = source.lineStarts[lineIndex]
            column = 1
        }
        let bytes = source.bytes
        while offset < target {
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return SourcePosition(line: lineIndex + 1, column: column)
    }
}
