import FrictionCore

/// A reader for one input format. New formats plug in by conforming and
/// registering in `DocumentReader`.
public protocol DocumentParser: Sendable {
    var format: DocumentFormat { get }
    /// File name extensions (lower case, no dot) this parser reads.
    var fileExtensions: Set<String> { get }
    func decode(_ raw: [UInt8], path: String) throws -> SourceText
    func parse(_ source: SourceText, path: String) throws -> Document
    /// Parses `source` as consecutive parts, each a document of its own that
    /// is handed to `body` before the next is built, so a huge file never
    /// holds all its sentences at once. A part holds whole top-level blocks
    /// and whole sections from their heading on (a section's parent may be
    /// in an earlier part, and is then nil); the front matter is in the first.
    /// Whatever is decided from the whole document (its metadata, what kind
    /// of document it is) must be decided once for all its parts: the linter
    /// gives every part the first part's metadata (LintInPartsTests).
    func parseParts(_ source: SourceText, path: String, _ body: (Document) throws -> Void) throws
}

extension DocumentParser {
    /// Turns a file's bytes into UTF-8 text; formats that declare their own
    /// encoding (XML) override this.
    public func decode(_ raw: [UInt8], path: String) throws -> SourceText {
        try SourceText.decode(raw, path: path)
    }

    /// One part, the whole document: formats that cannot be cut.
    public func parseParts(_ source: SourceText, path: String, _ body: (Document) throws -> Void) throws {
        try body(parse(source, path: path))
    }
}
