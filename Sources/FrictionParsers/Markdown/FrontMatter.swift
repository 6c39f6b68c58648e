import FrictionCore
import Yams

/// YAML front matter: a `---` line at the very top, YAML, then a closing
/// `---` or `...` line.
struct FrontMatter {
    /// Byte range of the whole block, delimiters included.
    var byteRange: Range<Int>
    var metadata: DocumentMetadata

    /// Keys we read into `DocumentMetadata`, with the spellings people use.
    private static let keys: [String: MetadataField] = [
        "title": .title,
        "owner": .owner, "policy_owner": .owner, "policy-owner": .owner, "author": .owner, "maintainer": .owner,
        "effective": .effectiveDate, "effective_date": .effectiveDate, "effective-date": .effectiveDate, "date": .effectiveDate,
        "review": .reviewDate, "review_date": .reviewDate, "review-date": .reviewDate,
        "next_review": .reviewDate, "next-review": .reviewDate, "review_by": .reviewDate,
        "audience": .audience,
        "language": .language, "lang": .language,
    ]

    /// Finds and parses front matter; nil when the file has none.
    static func parse(_ source: SourceText, path: String) throws -> FrontMatter? {
        guard source.lineCount > 1, isDelimiter(source, line: 1, allowDots: false) else { return nil }
        var closing: Int?
        for line in 2...source.lineCount where isDelimiter(source, line: line, allowDots: true) {
            closing = line
            break
        }
        // "---" then prose is a thematic break, not front matter: the first
        // line with content must be a YAML key (or the block be empty).
        var firstContent = 2
        while firstContent < (closing ?? source.lineCount + 1), isBlankOrComment(source, line: firstContent) { firstContent += 1 }
        let reachedEnd = firstContent == (closing ?? source.lineCount + 1)
        guard reachedEnd || opensMapping(source, line: firstContent) else { return nil }
        guard let closing else {
            throw FrictionError.malformed(path: path, line: 1, column: 1,
                                          reason: "front matter opened with '---' on line 1 is never closed")
        }
        let yamlStart = source.lineStarts[1]
        let yamlEnd = source.lineStarts[closing - 1]
        let end = closing < source.lineCount ? source.lineStarts[closing] : source.bytes.count
        var metadata = DocumentMetadata()
        func read(_ name: String, _ text: String?) {
            if let field = keys[name]?.keyPath {
                if metadata[keyPath: field] == nil { metadata[keyPath: field] = text }
            } else if let text {
                metadata.extra[name] = text
            }
        }
        if let entries = FlatFrontMatter.entries(source, lines: 2..<closing) {
            // An empty value is no value, as `scalarText` has it.
            for (key, value) in entries { read(key.lowercased(), value.isEmpty ? nil : value) }
            return FrontMatter(byteRange: 0..<end, metadata: metadata)
        }
        let yaml = String(decoding: source.bytes[yamlStart..<yamlEnd], as: UTF8.self)
        let root = try YAMLDocument.compose(yaml, path: path, lineOffset: 1, typedScalars: false, makeError: FrictionError.malformed)
        if let root {
            guard let mapping = root.mapping else {
                throw FrictionError.malformed(path: path, line: 2, column: 1,
                                              reason: "front matter must be a mapping of keys to values")
            }
            for (key, value) in mapping {
                guard let name = key.string?.lowercased() else { continue }
                read(name, scalarText(value))
            }
        }
        return FrontMatter(byteRange: 0..<end, metadata: metadata)
    }

    private static func scalarText(_ node: Node) -> String? {
        if let scalar = node.scalar { return scalar.string.isEmpty ? nil : scalar.string }
        if let sequence = node.sequence {
            let items = sequence.compactMap { $0.scalar?.string }
            return items.isEmpty ? nil : items.joined(separator: ", ")
        }
        return nil
    }

    /// Whether `line` starts like a YAML mapping entry (`title: ...`,
    /// `"owner": ...`): a key of letters, digits, spaces, `_`, `-` or quotes,
    /// then a colon at the end of the line or before a space.
    private static func opensMapping(_ source: SourceText, line: Int) -> Bool {
        guard line <= source.lineCount else { return false }
        let start = source.lineStarts[line - 1]
        let end = source.lineContentEnd(line: line)
        guard start < end, Self.isKeyStart(source.bytes[start]) else { return false }
        var index = start
        while index < end {
            let byte = source.bytes[index]
            if byte == 0x3A { return index + 1 == end || source.bytes[index + 1] == 0x20 || source.bytes[index + 1] == 0x09 }
            guard Self.isKeyByte(byte) else { return false }
            index += 1
        }
        return false
    }

    private static func isBlankOrComment(_ source: SourceText, line: Int) -> Bool {
        var index = source.lineStarts[line - 1]
        let end = source.lineContentEnd(line: line)
        while index < end && (source.bytes[index] == 0x20 || source.bytes[index] == 0x09) { index += 1 }
        return index == end || source.bytes[index] == 0x23
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x22 || byte == 0x27
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x20 || byte == 0x2D
    }

    private static func isDelimiter(_ source: SourceText, line: Int, allowDots: Bool) -> Bool {
        let start = source.lineStarts[line - 1]
        var end = source.lineContentEnd(line: line)
        while end > start && (source.bytes[end - 1] == 0x20 || source.bytes[end - 1] == 0x09) { end -= 1 }
        guard end - start == 3 else { return false }
        let slice = source.bytes[start..<end]
        return slice.allSatisfy { $0 == 0x2D } || (allowDots && slice.allSatisfy { $0 == 0x2E })
    }
}
