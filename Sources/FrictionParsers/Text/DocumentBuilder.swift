import FrictionCore

/// Collects blocks, headings and comments in reading order from a format
/// parser and assembles the `Document`: the section tree, the sentences and
/// their tokens. Every format goes through here, so sections and sentences
/// mean the same thing for Markdown and XML.
public struct DocumentBuilder {
    public var metadata = DocumentMetadata()
    public var profile: String?
    public var isLegislation = false
    public var diagnostics: [Diagnostic] = []
    private let path: String
    private let format: DocumentFormat
    private let lineCount: Int
    private var sections: [Section] = []
    private var blocks: [Block] = []
    private var sentences: [Sentence] = []
    private var comments: [Comment] = []
    /// Sections still open, innermost last.
    private var openSections: [Int] = []
    /// The sentences of the block being added, reused from block to block.
    private var sentenceRanges: [Range<Int>] = []

    public init(path: String, format: DocumentFormat, lineCount: Int) {
        self.path = path
        self.format = format
        self.lineCount = lineCount
    }

    public mutating func addComment(_ text: String, range: SourceRange) {
        comments.append(Comment(text: text, range: range))
    }

    /// Opens a section at `level` whose heading is `text`; sections at the
    /// same or a deeper level close first.
    public mutating func addHeading(_ text: BlockText, level: Int) {
        guard !text.isEmpty else { return }
        while let innermost = openSections.last, sections[innermost].level >= level {
            openSections.removeLast()
        }
        let range = Self.range(of: text)
        let headingText = Self.string(Self.trimmed(text.scalars))
        sections.append(Section(heading: headingText, level: level, range: range,
                                parent: openSections.last, headingBlock: blocks.count))
        openSections.append(sections.count - 1)
        addSentences(of: text, kind: .heading)
    }

    /// Adds a gathered block: a heading (opening a section at `level`) or prose.
    public mutating func add(_ text: BlockText, kind: BlockKind, level: Int) {
        if kind == .heading {
            addHeading(text, level: level)
        } else {
            addBlock(text, kind: kind)
        }
    }

    public mutating func addBlock(_ text: BlockText, kind: BlockKind) {
        guard !text.isEmpty else { return }
        addSentences(of: text, kind: kind)
    }

    public mutating func finish() -> Document {
        closeSectionRanges()
        if metadata.title == nil, let first = sections.first { metadata.title = first.heading }
        var document = Document(path: path, format: format, profile: profile, metadata: metadata, sections: sections,
                                blocks: blocks, sentences: sentences, comments: comments,
                                diagnostics: diagnostics, lineCount: lineCount)
        document.isLegislation = isLegislation
        return document
    }

    private mutating func addSentences(of text: BlockText, kind: BlockKind) {
        let blockIndex = blocks.count
        let section = openSections.last
        let first = sentences.count
        SentenceSplitter.split(text.scalars, into: &sentenceRanges)
        for range in sentenceRanges {
            let scalars = text.scalars[range]
            sentences.append(Sentence(scalars: scalars, positions: text.positionRuns.slice(range),
                                      tokens: Tokenizer.tokenize(scalars), block: blockIndex,
                                      section: section, blockKind: kind))
        }
        blocks.append(Block(kind: kind, range: Self.range(of: text), section: section,
                            sentences: first..<sentences.count))
    }

    /// A section runs until the last block before the next heading at its
    /// level or above.
    private mutating func closeSectionRanges() {
        for index in sections.indices {
            var end = sections[index].range.end
            var blockIndex = sections[index].headingBlock + 1
            while blockIndex < blocks.count {
                let block = blocks[blockIndex]
                if block.kind == .heading, let owner = block.section, sections[owner].level <= sections[index].level {
                    break
                }
                end = max(end, block.range.end)
                blockIndex += 1
            }
            sections[index].range.end = end
        }
    }

    private static func range(of text: BlockText) -> SourceRange {
        let first = text.scalars.firstIndex { !CharacterClasses.isWhitespace($0) } ?? 0
        let last = text.scalars.lastIndex { !CharacterClasses.isWhitespace($0) } ?? 0
        return SourceRange(start: text.positionRuns.position(at: first), end: text.positionRuns.position(at: last))
    }

    private static func trimmed(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        let first = scalars.firstIndex { !CharacterClasses.isWhitespace($0) } ?? scalars.endIndex
        let last = scalars.lastIndex { !CharacterClasses.isWhitespace($0) } ?? (scalars.endIndex - 1)
        return first <= last ? scalars[first...last] : []
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        UnicodeText.string(scalars).string
    }
}
