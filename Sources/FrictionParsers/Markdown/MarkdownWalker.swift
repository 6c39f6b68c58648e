import Foundation
import CCmarkGFM
import FrictionCore

/// Walks a cmark-gfm tree (iteratively, so 10,000-deep nesting cannot
/// overflow the stack) and feeds prose to a `DocumentBuilder`.
///
/// Positions come from cmark: each text node says where it starts, and its
/// characters are laid over the source bytes from there, stepping over what
/// the literal no longer holds (entities, backslash escapes, markup and the
/// indentation of continuation lines). Where cmark's start is unusable (it
/// is 0:0 after some constructs, or off after a hard line break) the walk
/// carries on from where the previous text ended.
struct MarkdownWalker {
    let source: SourceText
    var builder: DocumentBuilder
    private var positions: PositionCursor
    /// Containers that decide a paragraph's block kind, innermost last.
    private var containers: [BlockKind] = []
    /// The block being gathered, with its kind and heading level.
    private var current: (kind: BlockKind, level: Int)?
    private var text = BlockText()
    /// The literal of the node being read: one buffer, refilled for each
    /// text or HTML node (an array per node was a tenth of the allocations).
    private var nodeLiteral: [UInt8] = []
    /// Byte offset just past the last character placed.
    private var cursor = 0
    /// Byte offset past which the current block's text cannot lie.
    private var limit = 0
    /// Lines of the file before the segment being walked: cmark numbers the
    /// segment's lines from 1.
    private var lineOffset = 0

    init(source: SourceText, builder: DocumentBuilder) {
        self.source = source
        self.builder = builder
        self.positions = PositionCursor(source)
    }

    /// Walks the tree of a segment that starts `lineOffset` lines into the
    /// file (0 for the whole file); segments are walked in order.
    mutating func walk(_ root: OpaquePointer, lineOffset: Int = 0) {
        self.lineOffset = lineOffset
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = nodeType(of: node)
            if event == CMARK_EVENT_ENTER {
                if enter(node, type: type) == .skipChildren {
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                }
            } else if event == CMARK_EVENT_EXIT {
                exit(type: type)
            }
        }
    }

    private enum Descend { case children, skipChildren }

    /// The node types the walk treats differently; every other is `other`.
    private enum NodeType {
        case item, blockQuote, heading, paragraph, tableCell, text, lineBreak, skipped, link, html, other

        init(name: String) {
            switch name {
            case "item": self = .item
            case "block_quote": self = .blockQuote
            case "heading": self = .heading
            case "paragraph": self = .paragraph
            case "table_cell": self = .tableCell
            case "text": self = .text
            case "softbreak", "linebreak": self = .lineBreak
            case "code", "image", "footnote_reference", "code_block": self = .skipped
            case "link": self = .link
            case "html_inline", "html_block": self = .html
            default: self = .other
            }
        }
    }

    /// Types of core nodes by cmark's numeric node type, named once per type
    /// instead of once per node: a block type is `0x8000 + n` and an inline
    /// one `0xC000 + n`, with `n` small, so slot `n` (plus 64 for inlines)
    /// holds it. A type outside that range is named every time.
    private var coreTypes = [NodeType?](repeating: nil, count: 128)
    /// A node owned by an extension asks the extension: its name can depend
    /// on the node (a task-list item is an `item` that the tasklist
    /// extension names `tasklist`). The names are the extension's constant
    /// strings, so each one is read once and then known by its address.
    private var extensionTypes: [(name: UnsafePointer<CChar>, type: NodeType)] = []

    private mutating func nodeType(of node: OpaquePointer) -> NodeType {
        if cmark_node_get_syntax_extension(node) != nil {
            guard let name = cmark_node_get_type_string(node) else { return .other }
            if let known = extensionTypes.first(where: { $0.name == name }) { return known.type }
            let named = NodeType(name: String(cString: name))
            extensionTypes.append((name, named))
            return named
        }
        let type = cmark_node_get_type(node).rawValue
        guard type & 0x8000 != 0, type & 0x3FC0 == 0 else {
            return NodeType(name: String(cString: cmark_node_get_type_string(node)))
        }
        let slot = Int(type & 0x3F) | (type & 0x4000 != 0 ? 64 : 0)
        if let known = coreTypes[slot] { return known }
        let named = NodeType(name: String(cString: cmark_node_get_type_string(node)))
        coreTypes[slot] = named
        return named
    }

    private mutating func enter(_ node: OpaquePointer, type: NodeType) -> Descend {
        switch type {
        case .item:
            containers.append(.listItem)
        case .blockQuote:
            containers.append(.blockQuote)
        case .heading:
            begin(node, kind: .heading, level: Int(cmark_node_get_heading_level(node)))
        case .paragraph:
            begin(node, kind: containers.last ?? .paragraph, level: 0)
        case .tableCell:
            begin(node, kind: .tableCell, level: 0)
        case .text:
            if current != nil {
                loadLiteral(of: node)
                place(nodeLiteral, line: startLine(of: node), column: cmark_node_get_start_column(node))
            }
        case .lineBreak:
            if current != nil { text.appendSpace(at: positions.position(of: cursor)) }
        case .skipped:
            return .skipChildren
        case .link:
            if isBareURL(node) { return .skipChildren }
        case .html:
            collectComments(node)
        case .other:
            break
        }
        return .children
    }

    private mutating func exit(type: NodeType) {
        switch type {
        case .item, .blockQuote:
            containers.removeLast()
        case .heading, .paragraph, .tableCell:
            flush()
        default:
            break
        }
    }

    private mutating func begin(_ node: OpaquePointer, kind: BlockKind, level: Int) {
        flush()
        current = (kind, level)
        cursor = source.byteOffset(line: startLine(of: node),
                                   byteColumn: Int(cmark_node_get_start_column(node))) ?? cursor
        let endLine = fileLine(cmark_node_get_end_line(node))
        if endLine >= 1 && endLine <= source.lineCount {
            limit = max(source.lineContentEnd(line: endLine), cursor)
        } else {
            limit = source.bytes.count
        }
    }

    private mutating func flush() {
        guard let block = current else { return }
        text.removeTemplateMarkup()
        builder.add(text, kind: block.kind, level: block.level)
        current = nil
        text.removeAll()
    }

    /// A cmark line number as a line of the file; 0 (cmark's "unknown")
    /// stays 0.
    private func fileLine(_ line: Int32) -> Int {
        line >= 1 ? Int(line) + lineOffset : Int(line)
    }

    private func startLine(of node: OpaquePointer) -> Int {
        fileLine(cmark_node_get_start_line(node))
    }

    private mutating func loadLiteral(of node: OpaquePointer) {
        nodeLiteral.removeAll(keepingCapacity: true)
        guard let pointer = cmark_node_get_literal(node) else { return }
        nodeLiteral.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    /// Lays the characters of a text node over the source.
    private mutating func place(_ literal: [UInt8], line: Int, column: Int32) {
        guard !literal.isEmpty else { return }
        if let hinted = source.byteOffset(line: line, byteColumn: Int(column)), hinted >= cursor, hinted < limit {
            var start = hinted
            if literal[0] != 0x20 && literal[0] != 0x09 {
                let lineEnd = source.lineContentEnd(line: line)
                while start < lineEnd && (source.bytes[start] == 0x20 || source.bytes[start] == 0x09) { start += 1 }
            }
            if start < limit && canStart(literal, at: start) { cursor = start }
        }
        if isVerbatim(literal) {
            // Nearly every text node stands in the source as it is, from the
            // cursor on: each character would be found where the last one
            // ended, so the columns simply run on from the first.
            let first = positions.position(of: cursor)
            text.appendVerbatim(literal[...], line: first.line, column: first.column)
            cursor += literal.count
            return
        }
        var index = 0
        while index < literal.count {
            let lead = literal[index]
            if lead < 0x80 {
                // ASCII, nearly every character: no slice, no decoding.
                let offset = locate(byte: lead)
                text.append(Unicode.Scalar(lead), at: positions.position(of: offset))
                index += 1
                continue
            }
            let length = UTF8Decoding.sequenceLength(lead)
            let end = min(index + length, literal.count)
            let scalar = UTF8Decoding.scalar(literal, index..<end)
            let offset = locate(literal[index..<end])
            text.append(scalar, at: positions.position(of: offset))
            index = end
        }
    }

    /// Are the source bytes from the cursor exactly the literal, on one line
    /// and inside the block?
    private func isVerbatim(_ literal: [UInt8]) -> Bool {
        guard cursor + literal.count <= limit else { return false }
        // The C library's vectorised compare and search: a byte at a time,
        // this check cost half as much as laying the text down.
        return literal.withUnsafeBufferPointer { literal in
            source.bytes.withUnsafeBufferPointer { bytes in
                guard let text = literal.baseAddress, let file = bytes.baseAddress else { return literal.isEmpty }
                return memcmp(text, file + cursor, literal.count) == 0
                    && memchr(text, 0x0A, literal.count) == nil && memchr(text, 0x0D, literal.count) == nil
            }
        }
    }

    /// Can the source at `offset` produce the literal's first character?
    private func canStart(_ literal: [UInt8], at offset: Int) -> Bool {
        let byte = source.bytes[offset]
        return byte == literal[0] || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\\")
    }

    /// Finds where one character of a literal stands, from the cursor on,
    /// and moves the cursor past it.
    private mutating func locate(_ character: ArraySlice<UInt8>) -> Int {
        let bytes = source.bytes
        var offset = cursor
        let first = character[character.startIndex]
        while offset < limit {
            if bytes[offset] == first && Self.matches(bytes, at: offset, character) {
                cursor = offset + character.count
                return offset
            }
            if bytes[offset] == UInt8(ascii: "&"), let end = entityEnd(at: offset) {
                cursor = end
                return offset
            }
            if bytes[offset] == UInt8(ascii: "\\"), offset + 1 < limit, bytes[offset + 1] == character.first {
                cursor = offset + 2
                return offset + 1
            }
            offset += 1
        }
        // The character is not in the block's bytes (an entity that became two
        // characters, say): give it the position of its neighbour.
        return max(cursor - 1, 0)
    }

    /// `locate` for a one-byte (ASCII) character, the same steps without a slice.
    private mutating func locate(byte: UInt8) -> Int {
        let bytes = source.bytes
        var offset = cursor
        while offset < limit {
            let found = bytes[offset]
            if found == byte {
                cursor = offset + 1
                return offset
            }
            if found == UInt8(ascii: "&"), let end = entityEnd(at: offset) {
                cursor = end
                return offset
            }
            if found == UInt8(ascii: "\\"), offset + 1 < limit, bytes[offset + 1] == byte {
                cursor = offset + 2
                return offset + 1
            }
            offset += 1
        }
        return max(cursor - 1, 0)
    }

    /// Do the bytes at `offset` spell `character` (one UTF-8 sequence)?
    @inline(__always)
    private static func matches(_ bytes: [UInt8], at offset: Int, _ character: ArraySlice<UInt8>) -> Bool {
        guard offset + character.count <= bytes.count else { return false }
        var index = 1
        while index < character.count {
            if bytes[offset + index] != character[character.startIndex + index] { return false }
            index += 1
        }
        return true
    }

    /// End of an entity or numeric character reference starting at `offset`.
    private func entityEnd(at offset: Int) -> Int? {
        let bytes = source.bytes
        var index = offset + 1
        let bound = min(offset + 40, limit)
        if index < bound && bytes[index] == UInt8(ascii: "#") { index += 1 }
        let nameStart = index
        while index < bound, UTF8Decoding.isASCIIAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart, index < bound, bytes[index] == UInt8(ascii: ";") else { return nil }
        return index + 1
    }

    /// A link whose text is its own address (an autolink, or
    /// `[https://x](https://x)`) is a URL, not prose.
    private func isBareURL(_ node: OpaquePointer) -> Bool {
        guard let urlPointer = cmark_node_get_url(node) else { return false }
        let url = String(cString: urlPointer)
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              let literalPointer = cmark_node_get_literal(child) else { return url.isEmpty == false && cmark_node_first_child(node) == nil }
        let label = String(cString: literalPointer)
        return url == label || url.hasSuffix(label) && Self.looksLikeAddress(label)
    }

    /// The label has a `.`, `/` or `@`. An ASCII label is searched byte by
    /// byte (through Foundation, each search was a few thousand instructions).
    private static func looksLikeAddress(_ label: String) -> Bool {
        if label.utf8.allSatisfy({ $0 < 0x80 }) {
            return label.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "@") }
        }
        return label.contains(".") || label.contains("/") || label.contains("@")
    }

    /// HTML and XML comments are not prose, but suppressions live in them.
    private mutating func collectComments(_ node: OpaquePointer) {
        guard let start = source.byteOffset(line: startLine(of: node),
                                            byteColumn: Int(cmark_node_get_start_column(node))) else { return }
        loadLiteral(of: node)
        let literal = nodeLiteral
        guard literal.contains(UInt8(ascii: "<")) else { return }
        // The literal is the node's source with CRLF folded to LF: allow one
        // byte more per line so a CRLF file's comment is covered whole.
        let newlines = literal.lazy.filter { $0 == 0x0A }.count
        let end = min(start + literal.count + newlines, source.bytes.count)
        for comment in HTMLComments.find(in: source.bytes, range: start..<end) {
            let range = SourceRange(start: positions.position(of: comment.outer.lowerBound),
                                    end: positions.position(of: comment.outer.upperBound - 1))
            builder.addComment(comment.text, range: range)
        }
    }
}

/// `<!-- ... -->` spans inside a byte range.
enum HTMLComments {
    struct Found {
        var outer: Range<Int>
        var text: String
    }

    /// Read byte by byte through a buffer: comparing slices with
    /// `starts(with:)` at every byte cost more than the rest of the walk
    /// of an HTML block.
    static func find(in bytes: [UInt8], range: Range<Int>) -> [Found] {
        var found: [Found] = []
        let upper = range.upperBound
        bytes.withUnsafeBufferPointer { bytes in
            func opens(at index: Int) -> Bool {
                bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "!")
                    && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
            }
            func closes(at index: Int) -> Bool {
                bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") && bytes[index + 2] == UInt8(ascii: ">")
            }
            var index = range.lowerBound
            while index + 4 <= upper {
                guard opens(at: index) else { index += 1; continue }
                var end = index + 4
                while end + 3 <= upper && !closes(at: end) { end += 1 }
                guard end + 3 <= upper else { break }
                found.append(Found(outer: index..<(end + 3), text: CommentText.trimmed(bytes[(index + 4)..<end])))
                index = end + 3
            }
        }
        return found
    }
}
