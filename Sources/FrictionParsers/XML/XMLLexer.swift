import Foundation

/// A small XML tokenizer over UTF-8 bytes that keeps the byte offset of
/// everything it returns.
///
/// libxml2 decides whether a document is well formed and validates it; this
/// lexer runs only on documents libxml2 has accepted and exists to give every
/// character of text its exact place in the file, which libxml2's tree does
/// not record (it keeps line numbers for elements, no columns for text).
struct XMLLexer {
    /// Names are byte ranges, not slices: a slice holds a reference to the
    /// file's bytes, retained and released for every element and attribute.
    enum Token {
        /// The element's attributes are in `attributes` until the next token.
        case start(name: Range<Int>, selfClosing: Bool, offset: Int)
        case end(name: Range<Int>)
        /// Character data between markup, raw (entities still encoded).
        case text(Range<Int>)
        /// A CDATA section's content: characters taken literally.
        case cdata(Range<Int>)
        case comment(outer: Range<Int>, inner: Range<Int>)
    }

    let bytes: [UInt8]
    private(set) var offset = 0
    /// The last start tag's attributes, names and values as byte ranges:
    /// one array for the document, refilled for each element.
    private(set) var attributes: [(name: Range<Int>, value: Range<Int>)] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Token? {
        let count = bytes.count
        while offset < count {
            guard bytes[offset] == UInt8(ascii: "<") else {
                let start = offset
                offset = bytes.withUnsafeBytes { raw in
                    memchr(raw.baseAddress! + start, Int32(UInt8(ascii: "<")), count - start)
                        .map { UnsafeRawPointer($0) - raw.baseAddress! } ?? count
                }
                return .text(start..<offset)
            }
            let start = offset
            if matches("<!--") {
                let end = find("-->", from: offset + 4) ?? count
                offset = min(end + 3, count)
                return .comment(outer: start..<offset, inner: (start + 4)..<end)
            }
            if matches("<![CDATA[") {
                let end = find("]]>", from: offset + 9) ?? count
                offset = min(end + 3, count)
                return .cdata((start + 9)..<end)
            }
            if matches("<?") {
                offset = min((find("?>", from: offset + 2) ?? count) + 2, count)
                continue
            }
            if matches("<!") {
                skipDeclaration()
                continue
            }
            if matches("</") {
                offset += 2
                let name = readName()
                while offset < count && bytes[offset] != UInt8(ascii: ">") { offset += 1 }
                offset += 1
                return .end(name: name)
            }
            offset += 1
            let name = readName()
            attributes.removeAll(keepingCapacity: true)
            while offset < count {
                skipSpace()
                guard offset < count else { break }
                if bytes[offset] == UInt8(ascii: "/") {
                    offset = min(offset + 2, count)
                    return .start(name: name, selfClosing: true, offset: start)
                }
                if bytes[offset] == UInt8(ascii: ">") {
                    offset += 1
                    return .start(name: name, selfClosing: false, offset: start)
                }
                let attributeName = readName()
                if attributeName.isEmpty { offset += 1; continue }
                skipSpace()
                guard offset < count, bytes[offset] == UInt8(ascii: "=") else { continue }
                offset += 1
                skipSpace()
                guard offset < count else { break }
                let quote = bytes[offset]
                offset += 1
                let valueStart = offset
                while offset < count && bytes[offset] != quote { offset += 1 }
                attributes.append((attributeName, valueStart..<offset))
                offset += 1
            }
            return .start(name: name, selfClosing: false, offset: start)
        }
        return nil
    }

    private func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for index in 0..<length where bytes[offset + index] != buffer[index] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let length = literal.utf8CodeUnitCount
        return literal.withUTF8Buffer { buffer -> Int? in
            var index = start
            let first = buffer[0]
            while index + length <= bytes.count {
                if bytes[index] == first {
                    var same = true
                    for step in 1..<length where bytes[index + step] != buffer[step] { same = false; break }
                    if same { return index }
                }
                index += 1
            }
            return nil
        }
    }

    private mutating func readName() -> Range<Int> {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") { break }
            offset += 1
        }
        return start..<offset
    }

    private mutating func skipSpace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0A || bytes[offset] == 0x0D {
            offset += 1
        }
    }

    /// `<!DOCTYPE ...>` with an internal subset, quoted strings and comments.
    private mutating func skipDeclaration() {
        var depth = 0
        var quote: UInt8?
        offset += 2
        while offset < bytes.count {
            let byte = bytes[offset]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: "<") && matches("<!--") {
                offset = (find("-->", from: offset + 4) ?? bytes.count) + 2
            } else if byte == UInt8(ascii: ">") && depth <= 0 {
                offset += 1
                return
            }
            offset += 1
        }
    }
}
