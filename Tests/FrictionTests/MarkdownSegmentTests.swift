import Foundation
import FrictionCore
@testable import FrictionParsers
import Testing

/// Large Markdown files are parsed in segments (one cmark tree at a time);
/// the document must be exactly the one a single parse gives.
@Suite("Markdown segments")
struct MarkdownSegmentTests {
    /// Parses `text` whole and in segments of `segmentBytes`, and checks the
    /// two documents are identical. Returns the number of segments cut.
    @discardableResult
    static func expectSameBothWays(_ bytes: [UInt8], path: String = "generated.md", segmentBytes: Int = 64,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let source = try SourceText.decode(bytes, path: path)
        let parser = MarkdownParser()
        let whole = try parser.parse(source, path: path, segmentBytes: Int.max)
        let split = try parser.parse(source, path: path, segmentBytes: segmentBytes)
        #expect(split.sentences == whole.sentences, "\(path): sentences", sourceLocation: sourceLocation)
        #expect(split.sections == whole.sections, "\(path): sections", sourceLocation: sourceLocation)
        #expect(split.blocks == whole.blocks, "\(path): blocks", sourceLocation: sourceLocation)
        #expect(split.comments == whole.comments, "\(path): comments", sourceLocation: sourceLocation)
        #expect(split.metadata == whole.metadata, "\(path): metadata", sourceLocation: sourceLocation)
        #expect(split.diagnostics == whole.diagnostics, "\(path): diagnostics", sourceLocation: sourceLocation)
        #expect(split.lineCount == whole.lineCount, sourceLocation: sourceLocation)
        return MarkdownSegments.cuts(in: source.bytes, source: source, segmentBytes: segmentBytes).count
    }

    /// Every construct near the cuts: front matter, nested sections, lists,
    /// quotes, tables, entities, comments, and code and HTML blocks that
    /// run past a candidate cut (so segments must be joined).
    static func generated(lineEnding: String = "\n") -> [UInt8] {
        var text = "---\ntitle: Segmented Policy\nowner: Zoë Ødegård\n---\n\n# Handbook\n\nIntro *text* &amp; more.\n\n"
        for index in 0..<40 {
            text += "## Section \(index)\n\nStaff **must** reply within \(index) days. Never ask for a PIN.\n"
            text += "Tell the customer &ldquo;no&rdquo; \\*politely\\* — café rules.\n\n"
            text += "- Item one <!-- friction-disable-next-line -->\n- Item two\n\n  continued item.\n\n"
            text += "> Quoted rule: always log refunds.\n\n| Rule | Owner |\n| --- | --- |\n| Refunds only | Finance |\n\n"
            switch index % 5 {
            case 0:
                text += "```\ncode line\n\n# Not a heading, still code\n\nmore code\n```\n\n"
            case 1:
                text += "<!--\nA comment with a blank line\n\n# and a heading inside\n-->\n\n"
            case 2:
                text += "    indented code\n\n### Deep heading \(index)\n\nText under it [link](https://example.com) and https://example.org.\n\n"
            case 3:
                text += "~~~~\nunclosed tilde fence until the next section\n\n# Inside the fence\n\n~~~~\n\n"
            default:
                text += "<div>\n\n# Heading after an HTML block\n\n</div>\n\n"
            }
            text += "#\n\n#### Level four \(index) ####\n\n\n"
        }
        text += "Trailing paragraph without a final newline."
        if lineEnding != "\n" { text = text.replacingOccurrences(of: "\n", with: lineEnding) }
        return Array(text.utf8)
    }

    @Test("a generated multi-segment document parses the same whole and in segments")
    func generatedDocument() throws {
        let segments = try Self.expectSameBothWays(Self.generated())
        #expect(segments > 20)
        let crlf = try Self.expectSameBothWays(Self.generated(lineEnding: "\r\n"))
        #expect(crlf > 20)
        try Self.expectSameBothWays(Self.generated(lineEnding: "\r"))
        for segmentBytes in [1, 200, 1000, 5000] {
            try Self.expectSameBothWays(Self.generated(), segmentBytes: segmentBytes)
        }
    }

    @Test("a fence left open at the end of the file joins every segment after it")
    func unclosedFence() throws {
        var text = "# Start\n\nSome prose.\n\n```\n"
        for index in 0..<50 { text += "\n# Code \(index)\n\nstill code\n\n" }
        let segments = try Self.expectSameBothWays(Array(text.utf8))
        #expect(segments > 10)
        let document = try MarkdownParser().parse(SourceText(utf8: Array(text.utf8)), path: "fence.md", segmentBytes: 16)
        #expect(document.sections.count == 1)
    }

    @Test("a file that may define a link reference or footnote is never cut")
    func definitionsPreventCutting() throws {
        let text = "# A\n\nSee [the guide][g] and a note[^1].\n\n# B\n\nMore.\n\n# C\n\n[g]: https://example.com\n[^1]: The note.\n"
        let source = SourceText(utf8: Array(text.utf8))
        #expect(MarkdownSegments.cuts(in: source.bytes, source: source, segmentBytes: 1) == [0])
        try Self.expectSameBothWays(Array(text.utf8), segmentBytes: 1)
        let plain = "# A\n\nText.\n\n# B\n\nMore.\n\n# C\n\nEnd.\n"
        let plainSource = SourceText(utf8: Array(plain.utf8))
        #expect(MarkdownSegments.cuts(in: plainSource.bytes, source: plainSource, segmentBytes: 1) == [0, 4, 8])
    }

    @Test("policies and fixtures parse the same whole and in segments")
    func realDocuments() throws {
        var directories = [TestPaths.root.appendingPathComponent("Policies"), TestPaths.fixtures.appendingPathComponent("markdown")]
        // FRICTION_SEGMENT_DIRS=dir:dir adds more (a corpus) for a one-off check.
        if let extra = ProcessInfo.processInfo.environment["FRICTION_SEGMENT_DIRS"] {
            directories += extra.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        var checked = 0
        for directory in directories {
            guard let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where ["md", "markdown"].contains(file.pathExtension) {
                guard let data = FileManager.default.contents(atPath: file.path),
                      let source = try? SourceText.decode(Array(data), path: file.path),
                      (try? MarkdownParser().parse(source, path: file.path)) != nil else { continue }
                try Self.expectSameBothWays(Array(data), path: file.path, segmentBytes: 32)
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
