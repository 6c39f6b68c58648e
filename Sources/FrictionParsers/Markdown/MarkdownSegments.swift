import CCmarkGFM
import Foundation

/// Where a large Markdown file can be cut into segments that cmark parses one
/// at a time with the same result as one parse of the whole file.
///
/// A whole-file cmark tree costs about 30 bytes of memory per byte of input
/// (1.5 GB for 50 MB). A segment starts at an ATX heading at column 1 that
/// follows a blank line: the blank line has closed every paragraph and table,
/// and the unindented heading closes every list, block quote and footnote,
/// so cmark is in the same state there as at the start of a file. Only a
/// top-level fenced code block or HTML block can run on past it; that shows
/// in the segment's own tree (its last block is still open at its last line,
/// see `endsClosed`) and the parser then joins the next segment to it.
///
/// Link reference and footnote definitions are the only things in Markdown
/// that reach across blocks, so a file that may hold one (it contains `]:`)
/// is never cut.
enum MarkdownSegments {
    /// Files up to this size are parsed whole; larger ones in segments of
    /// about this size. Each segment is also a part the linter checks and
    /// lets go before the next (about 20 MB of sentences, tokens and
    /// analysis per MB of dense prose), so the size bounds its memory too.
    static let defaultSegmentBytes = 1 << 20

    /// 0-based lines at which segments start; the first is 0, and a single
    /// element means the file is parsed whole.
    static func cuts(in input: [UInt8], source: SourceText, segmentBytes: Int) -> [Int] {
        guard input.count > segmentBytes, !mayHoldDefinitions(input) else { return [0] }
        var cuts = [0]
        let lineStarts = source.lineStarts
        var segmentStart = 0
        var line = 1
        while line < lineStarts.count {
            if lineStarts[line] - segmentStart >= segmentBytes,
               isATXHeading(input, at: lineStarts[line]),
               isBlank(input, from: lineStarts[line - 1], to: lineStarts[line]) {
                cuts.append(line)
                segmentStart = lineStarts[line]
            }
            line += 1
        }
        return cuts
    }

    /// Is a segment's tree (of `lineCount` lines, the last one blank) closed
    /// at its end? Its last top-level block is open when it is a code or
    /// HTML block that reaches the last line: an unclosed fence, or an HTML
    /// block still waiting for its end marker. Indented code reaching a
    /// blank last line is counted open too (it is closed by the heading, but
    /// joining is always safe).
    static func endsClosed(_ root: OpaquePointer, lineCount: Int) -> Bool {
        guard let last = cmark_node_last_child(root) else { return true }
        let type = cmark_node_get_type(last)
        guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { return true }
        return Int(cmark_node_get_end_line(last)) < lineCount
    }

    /// `]:` anywhere: the file may define a link reference or a footnote.
    static func mayHoldDefinitions(_ input: [UInt8]) -> Bool {
        input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return false }
            var offset = 0
            while offset < buffer.count - 1 {
                guard let found = memchr(base + offset, Int32(UInt8(ascii: "]")), buffer.count - 1 - offset) else { return false }
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] == UInt8(ascii: ":") { return true }
                offset = index + 1
            }
            return false
        }
    }

    /// One to six `#` at the line's start, then a space, a tab or the end
    /// of the line.
    static func isATXHeading(_ input: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < input.count && index - start < 7 && input[index] == UInt8(ascii: "#") { index += 1 }
        let hashes = index - start
        guard hashes >= 1 && hashes <= 6 else { return false }
        guard index < input.count else { return true }
        let next = input[index]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
    }

    /// Only spaces and tabs before the line ending.
    static func isBlank(_ input: [UInt8], from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = input[index]
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            index += 1
        }
        return true
    }
}
