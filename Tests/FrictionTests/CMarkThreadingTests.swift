import Foundation
import FrictionCore
@testable import FrictionParsers
import Testing

/// cmark-gfm keeps its special inline characters in one process-wide table
/// that every parse changes while it parses inlines: parses on several
/// threads take turns there (see `CMark`). Which part of a parse that is
/// depends on the release of cmark-gfm the tool runs on.
@Suite("cmark-gfm across threads")
struct CMarkThreadingTests {
    @Test(arguments: [
        ("0.29.0.gfm.6", false), ("0.29.0.gfm.1", false), ("0.29.0.gfm.0", false),
        // Later releases may parse a table row's cells while parsing blocks.
        ("0.29.0.gfm.7", true), ("0.29.0.gfm.13", true),
        // Anything not known: feeding takes turns too.
        ("0.30.0", true), ("0.29.0.gfm.x", true), ("", true),
    ])
    func blockParsingTakesTurnsUnlessTheReleaseIsKnownNotToParseInlinesThere(version: String, takesTurns: Bool) {
        #expect(CMark.parsesInlinesWhileParsingBlocks(version: version) == takesTurns)
    }

    /// Strikethrough and autolinks depend on the shared table: parsed on
    /// many threads at once, every copy of a document must read the same.
    @Test func documentsParsedOnManyThreadsAtOnceReadAlike() throws {
        var markdown = "# Refunds\n\n| Case | Rule |\n| --- | --- |\n"
        for row in 0..<40 {
            markdown += "| \(row) | ~~Never~~ refund at www.example.com/\(row) |\n"
        }
        markdown += "\nWe ~~never~~ refund; see https://example.com/refunds or www.example.com/help.\n"
        let source = SourceText(utf8: Array(markdown.utf8))
        let expected = try MarkdownParser().parse(source, path: "refunds.md").sentences.map(\.text)
        let texts = Array(0..<64).parallelMap(jobs: 4) { _ in
            (try? MarkdownParser().parse(source, path: "refunds.md"))?.sentences.map(\.text) ?? []
        }
        // The extensions were at work: no tildes, no bare addresses left in the prose.
        #expect(!expected.isEmpty)
        #expect(!expected.contains { $0.contains("~") || $0.contains("www.") || $0.contains("https:") })
        for text in texts { #expect(text == expected) }
    }
}
