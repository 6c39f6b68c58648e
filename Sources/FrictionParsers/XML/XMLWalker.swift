import Foundation
import FrictionCore

/// Walks an XML document's tokens and feeds prose to a `DocumentBuilder`,
/// using a vocabulary to decide what each element is.
struct XMLWalker {
    private struct Frame {
        var name: String
        var role: XMLRole
        /// For blocks: the kind its text gets (a `p` in an `li` is a list item).
        var kind: BlockKind?
        /// A section that has received its title.
        var titled = false
        var isHeading = false
    }

    let source: SourceText
    let vocabulary: XMLVocabulary
    var builder: DocumentBuilder
    let entityText: (String) -> String?
    private var positions: PositionCursor
    private var frames: [Frame] = []
    private var skipDepth = 0
    private var metadataDepth = 0
    private var metadataValue: (field: MetadataField, text: String)?
    private var current: (kind: BlockKind, level: Int)?
    private var text = BlockText()
    private let elements: XMLVocabulary.ElementTable

    init(source: SourceText, vocabulary: XMLVocabulary, builder: DocumentBuilder, entityText: @escaping (String) -> String?) {
        self.source = source
        self.vocabulary = vocabulary
        self.elements = vocabulary.elementTable
        self.builder = builder
        self.entityText = entityText
        self.positions = PositionCursor(source)
    }

    mutating func walk() {
        var lexer = XMLLexer(bytes: source.bytes)
        while let token = lexer.next() {
            switch token {
            case .start(let name, let selfClosing, _):
                start(localName(name), attributes: lexer.attributes, selfClosing: selfClosing)
            case .end:
                end()
            case .text(let range):
                characters(range, decodeEntities: true)
            case .cdata(let range):
                characters(range, decodeEntities: false)
            case .comment(let outer, let inner):
                let body = source.bytes.withUnsafeBufferPointer { CommentText.trimmed($0[inner]) }
                builder.addComment(body,
                                   range: SourceRange(start: positions.position(of: outer.lowerBound),
                                                      end: positions.position(of: outer.upperBound - 1)))
            }
        }
        flush()
    }

    private func localName(_ name: Range<Int>) -> String {
        source.bytes.withUnsafeBufferPointer { bytes in
            let name = bytes[name]
            if let colon = name.lastIndex(of: UInt8(ascii: ":")) {
                return String(decoding: name[(colon + 1)...], as: UTF8.self)
            }
            return String(decoding: name, as: UTF8.self)
        }
    }

    private mutating func start(_ name: String, attributes: [(name: Range<Int>, value: Range<Int>)], selfClosing: Bool) {
        if skipDepth > 0 {
            if !selfClosing {
                frames.append(Frame(name: name, role: .skip))
                skipDepth += 1
            }
            return
        }
        let element = elements.entry(for: name)
        readMetadataAttributes(attributes, wanted: element.metadataAttribute)
        var frame = Frame(name: name, role: element.role(inMetadata: metadataDepth > 0))
        switch frame.role {
        case .skip:
            skipDepth += 1
        case .metadataContainer:
            metadataDepth += 1
        case .metadata(let field):
            metadataValue = (field, "")
        case .section:
            flush()
        case .title:
            if let level = headingLevel(for: name) {
                flush()
                frame.isHeading = true
                current = (.heading, level)
            } else {
                frame.role = .block(.paragraph)
                frame.kind = containerKind()
                flush()
                current = (frame.kind!, 0)
            }
        case .block(let kind):
            frame.kind = kind == .paragraph ? containerKind() : kind
            flush()
            current = (frame.kind!, 0)
        case .inline:
            break
        }
        if selfClosing {
            frames.append(frame)
            end()
        } else {
            frames.append(frame)
        }
    }

    private mutating func end() {
        guard let frame = frames.popLast() else { return }
        switch frame.role {
        case .skip:
            skipDepth -= 1
        case .metadataContainer:
            metadataDepth -= 1
        case .metadata(let field):
            if let value = metadataValue {
                let folded = value.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                if !folded.isEmpty && builder.metadata[keyPath: field.keyPath] == nil {
                    builder.metadata[keyPath: field.keyPath] = folded
                }
            }
            metadataValue = nil
        case .title where frame.isHeading:
            flush()
        case .block, .title:
            flush()
            // Text after a nested block (an `li` continuing after its `ul`)
            // is a new block of the parent's kind.
            if let parent = frames.last, case .block = parent.role, let kind = parent.kind {
                current = (kind, 0)
            }
        case .section:
            flush()
        case .inline:
            break
        }
    }

    private mutating func characters(_ range: Range<Int>, decodeEntities: Bool) {
        guard skipDepth == 0 else { return }
        if metadataValue != nil {
            var plain = BlockText()
            decode(range, decodeEntities: decodeEntities, into: &plain)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: plain.scalars)
            metadataValue!.text += String(view)
            return
        }
        guard metadataDepth == 0 || current?.kind == .heading else { return }
        if current == nil {
            // Text straight inside a section or list: a paragraph of its own.
            guard source.bytes[range].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return }
            guard !frames.isEmpty else { return }
            current = (containerKind(), 0)
        }
        // Line breaks and indentation between elements (most text nodes of
        // an indented file) fold to one space where they start, or to none.
        if source.bytes[range].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            if let last = text.scalars.last, last != " " { text.appendSpace(at: positions.position(of: range.lowerBound)) }
            return
        }
        var gathered = text
        text = BlockText()
        decode(range, decodeEntities: decodeEntities, into: &gathered)
        text = gathered
    }

    /// Appends the characters of `range`, decoding entity and character
    /// references; a reference's characters take the position of its `&`.
    private mutating func decode(_ range: Range<Int>, decodeEntities: Bool, into output: inout BlockText) {
        let bytes = source.bytes
        var index = range.lowerBound
        // The position of `index`: looked up at the start, on each new line
        // and after a reference; in between, a column per character.
        var position = SourcePosition(line: 1, column: 1)
        var nextLineStart = index
        while index < range.upperBound {
            if index >= nextLineStart {
                position = positions.position(of: index)
                nextLineStart = position.line < source.lineStarts.count ? source.lineStarts[position.line] : Int.max
            }
            let byte = bytes[index]
            if decodeEntities && byte == UInt8(ascii: "&"), let semicolon = bytes[index..<min(index + 64, range.upperBound)].firstIndex(of: UInt8(ascii: ";")) {
                let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
                for scalar in XMLEntities.decode(name, custom: entityText) {
                    output.append(scalar, at: position)
                }
                index = semicolon + 1
                nextLineStart = index // look the position up again
                continue
            }
            // Plain text up to the next reference or line: its columns run on.
            var end = min(nextLineStart, range.upperBound)
            if decodeEntities, let ampersand = bytes[(index + 1)..<end].firstIndex(of: UInt8(ascii: "&")) { end = ampersand }
            position.column += output.appendVerbatim(bytes[index..<end], line: position.line, column: position.column)
            index = end
        }
    }

    private mutating func flush() {
        guard let block = current else { return }
        builder.add(text, kind: block.kind, level: block.level)
        current = nil
        text.removeAll()
    }

    /// The kind a plain paragraph takes from the nearest list item, table
    /// cell or quote around it.
    private func containerKind() -> BlockKind {
        for frame in frames.reversed() {
            if let kind = frame.kind, kind != .paragraph, kind != .heading { return kind }
        }
        return .paragraph
    }

    /// The heading level for a title element here, or nil when the title is a
    /// caption (of a table or figure) rather than a section heading.
    private mutating func headingLevel(for name: String) -> Int? {
        if vocabulary.numberedHeadings, name.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()) {
            return level
        }
        let parent = frames.last
        let ownerIndex: Int?
        if vocabulary.everyElementIsSection {
            ownerIndex = frames.isEmpty ? nil : frames.count - 1
        } else if parent?.role == .section || parent.map({ vocabulary.titleHolders.contains($0.name) }) == true
                    || metadataDepth > 0 || vocabulary.headingsAnywhere {
            ownerIndex = frames.lastIndex { $0.role == .section }
        } else {
            return nil
        }
        guard let owner = ownerIndex else { return 1 }
        if frames[owner].titled && !vocabulary.headingsAnywhere && !vocabulary.everyElementIsSection { return nil }
        frames[owner].titled = true
        return 1 + frames[..<owner].filter(\.titled).count
    }

    /// Names and values become strings only for the attributes that are
    /// read: most elements carry attributes that say nothing of metadata.
    private mutating func readMetadataAttributes(_ attributes: [(name: Range<Int>, value: Range<Int>)],
                                                 wanted metadataAttribute: (name: String, field: MetadataField)?) {
        guard !attributes.isEmpty else { return }
        let wantsLanguage = frames.isEmpty && builder.metadata.language == nil
        guard wantsLanguage || metadataAttribute != nil else { return }
        for attribute in attributes {
            if wantsLanguage && source.bytes[attribute.name].elementsEqual("xml:lang".utf8) && builder.metadata.language == nil {
                builder.metadata.language = String(decoding: source.bytes[attribute.value], as: UTF8.self)
            }
            if let (wanted, field) = metadataAttribute, source.bytes[attribute.name].elementsEqual(wanted.utf8),
               !attribute.value.isEmpty, builder.metadata[keyPath: field.keyPath] == nil {
                builder.metadata[keyPath: field.keyPath] = String(decoding: source.bytes[attribute.value], as: UTF8.self)
            }
        }
    }
}

/// XML's predefined entities and character references.
enum XMLEntities {
    static func decode(_ name: String, custom: (String) -> String?) -> [Unicode.Scalar] {
        switch name {
        case "amp": return ["&"]
        case "lt": return ["<"]
        case "gt": return [">"]
        case "quot": return ["\""]
        case "apos": return ["'"]
        default: break
        }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { [$0] } ?? []
        }
        return custom(name).map { Array($0.unicodeScalars) } ?? []
    }
}
