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
        let lineStarts = source.lineStarts
        if target < offset || (lineIndex + 1 < lineStarts.count && target >= lineStarts[lineIndex + 1]) {
            // Usually the next line or one soon after: stepped to, without
            // a binary search over every line of the file.
            var next = lineIndex + 1
            let stepLimit = next + 4
            while target >= offset && next < min(stepLimit, lineStarts.count) && lineStarts[next] <= target { next += 1 }
            if target >= offset && (next == lineStarts.count || lineStarts[next] > target) {
                lineIndex = next - 1
            } else {
                lineIndex = source.line(containingByte: target)
            }
            offset = lineStarts[lineIndex]
            column = 1
        }
        column += source.column(from: offset, to: target) - 1
        offset = target
        return SourcePosition(line: lineIndex + 1, column: column)
    }
}
