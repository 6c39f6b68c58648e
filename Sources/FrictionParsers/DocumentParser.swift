import FrictionCore

/// A reader for one input format. New formats plug in by conforming and
/// registering in `DocumentReader`.
public protocol DocumentParser: Sendable {
    var format: DocumentFormat { get }
    /// File name extensions (lower case, no dot) this parser reads.
    var fileExtensions: Set<String> { get }
    func decode(_ raw: [UInt8], path: String) throws -> SourceText
    func parse(_ source: SourceText, path: String) throws -> Document
}

extension DocumentParser {
    /// Turns a file's bytes into UTF-8 text; formats that declare their own
    /// encoding (XML) override this.
    public func decode(_ raw: [UInt8], path: String) throws -> SourceText {
        try SourceText.decode(raw, path: path)
    }
}
