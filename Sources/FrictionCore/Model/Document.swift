/// The input formats Friction reads.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case markdown
    case xml
}

/// What a policy says about itself: YAML front matter in Markdown, metadata
/// elements in XML. Every field is optional because real files leave most out.
public struct DocumentMetadata: Sendable, Equatable {
    public var title: String?
    public var owner: String?
    public var effectiveDate: String?
    public var reviewDate: String?
    public var audience: String?
    public var language: String?
    /// Other front-matter keys, kept so later stages can read them.
    public var extra: [String: String]

    public init(title: String? = nil, owner: String? = nil, effectiveDate: String? = nil,
                reviewDate: String? = nil, audience: String? = nil, language: String? = nil,
                extra: [String: String] = [:]) {
        self.title = title
        self.owner = owner
        self.effectiveDate = effectiveDate
        self.reviewDate = reviewDate
        self.audience = audience
        self.language = language
        self.extra = extra
    }
}

/// A heading and the part of the document it governs.
public struct Section: Sendable, Equatable {
    public var heading: String
    public var level: Int
    /// From the heading's first character to the last character before the
    /// next heading of the same or a higher level.
    public var range: SourceRange
    /// Index of the enclosing section in `Document.sections`.
    public var parent: Int?
    /// Index of the heading's block in `Document.blocks`.
    public var headingBlock: Int

    public init(heading: String, level: Int, range: SourceRange, parent: Int?, headingBlock: Int) {
        self.heading = heading
        self.level = level
        self.range = range
        self.parent = parent
        self.headingBlock = headingBlock
    }
}

public enum BlockKind: String, Sendable, Codable, CaseIterable {
    case heading
    case paragraph
    case listItem = "list-item"
    case tableCell = "table-cell"
    case blockQuote = "block-quote"
}

/// A unit of prose in reading order: a paragraph, a list item's text, a table
/// cell, a quoted paragraph or a heading.
public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    public var range: SourceRange
    /// The innermost section that holds the block (a heading block belongs to
    /// the section it opens).
    public var section: Int?
    /// Indices into `Document.sentences`.
    public var sentences: Range<Int>

    public init(kind: BlockKind, range: SourceRange, section: Int?, sentences: Range<Int>) {
        self.kind = kind
        self.range = range
        self.section = section
        self.sentences = sentences
    }
}

/// An HTML or XML comment, kept because suppression comments live there.
public struct Comment: Sendable, Equatable {
    /// The text between `<!--` and `-->`, trimmed.
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A problem found while reading a file that did not stop it being read,
/// such as a schema violation.
public struct Diagnostic: Sendable, Equatable {
    public var line: Int
    public var column: Int?
    public var message: String

    public init(line: Int, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// A parsed policy: metadata, sections, blocks and sentences, every sentence
/// mapped character by character back to the source.
public struct Document: Sendable {
    public var path: String
    public var format: DocumentFormat
    /// For XML, the vocabulary that was recognised (`policy`, `docbook`, ...).
    public var profile: String?
    public var metadata: DocumentMetadata
    public var sections: [Section]
    public var blocks: [Block]
    public var sentences: [Sentence]
    public var comments: [Comment]
    public var diagnostics: [Diagnostic]
    /// Number of lines in the file, for findings about the whole document.
    public var lineCount: Int
    /// Legislation (a statute, a bill, a regulation) rather than a rulebook
    /// for staff: its absolutes are law, not frontline friction.
    public var isLegislation = false

    public init(path: String, format: DocumentFormat, profile: String? = nil, metadata: DocumentMetadata,
                sections: [Section], blocks: [Block], sentences: [Sentence], comments: [Comment],
                diagnostics: [Diagnostic] = [], lineCount: Int) {
        self.path = path
        self.format = format
        self.profile = profile
        self.metadata = metadata
        self.sections = sections
        self.blocks = blocks
        self.sentences = sentences
        self.comments = comments
        self.diagnostics = diagnostics
        self.lineCount = lineCount
    }

    /// Headings from the outermost section down to `section`.
    public func sectionPath(of section: Int?) -> [String] {
        var path: [String] = []
        var current = section
        while let index = current {
            path.append(sections[index].heading)
            current = sections[index].parent
        }
        return path.reversed()
    }

    /// For each section, the indices of the blocks directly under it, not in
    /// its subsections, headings excluded: found in one pass over the blocks
    /// (not one pass per section).
    public func bodyBlocksBySection() -> [[Int]] {
        var bodyBlocks = Array(repeating: [Int](), count: sections.count)
        for (index, block) in blocks.enumerated() where block.kind != .heading {
            if let section = block.section, section >= 0, section < bodyBlocks.count { bodyBlocks[section].append(index) }
        }
        return bodyBlocks
    }

    /// Sentences of the blocks that sit directly under `section`, not in its
    /// subsections, headings excluded.
    public func bodySentences(of section: Int) -> [Sentence] {
        blocks.lazy
            .filter { $0.section == section && $0.kind != .heading }
            .flatMap { self.sentences[$0.sentences] }
    }
}
