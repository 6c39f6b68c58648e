import FrictionCore
@testable import FrictionParsers
import Testing
import Yams

/// Simple front matter is read without Yams; what it reads must be exactly
/// what Yams reads, and anything less simple must be left to Yams.
@Suite("Front matter without a YAML parser")
struct FlatFrontMatterTests {
    /// The entries of `yaml` as the flat reader gives them (nil: declined).
    static func flat(_ yaml: String, lineEnding: String = "\n") throws -> [(key: String, value: String)]? {
        let text = "---" + lineEnding + yaml.replacingOccurrences(of: "\n", with: lineEnding) + "---" + lineEnding
        let source = try SourceText.decode(Array(text.utf8), path: "page.md")
        // Line 1 opens the block; the closing delimiter follows the YAML's lines.
        let closing = 2 + yaml.filter { $0 == "\n" }.count
        return FlatFrontMatter.entries(source, lines: 2..<closing)
    }

    /// The entries of `yaml` as Yams composes them, every value a scalar.
    static func yams(_ yaml: String) throws -> [(key: String, value: String)] {
        let root = try YAMLDocument.compose(yaml, path: "page.md", lineOffset: 1, typedScalars: false, makeError: FrictionError.malformed)
        return try #require(root?.mapping).map { key, value in (try #require(key.string), try #require(value.scalar?.string)) }
    }

    @Test("plain and quoted values read as Yams reads them", arguments: [
        "layout: handbook-page-toc\ntitle: \"GitLab Inc (US) Benefits\"\ndescription: \"Total Rewards & Audits: US\"\n",
        "title: 'Refunds # and returns'\nowner: Customer Care\n",
        "url: https://example.com/a:b\nlanguage: C#\nreview_date: 2026-01-31\n",
        "approved: yes\nempty_marker: ~\nversion: 1.10\n",
        "title: Trailing spaces   \n\nowner: After a blank line\n",
        "policy-owner: \"\"\n",
    ])
    func sameAsYams(yaml: String) throws {
        let entries = try #require(try Self.flat(yaml), "the flat reader should read this block")
        let expected = try Self.yams(yaml)
        #expect(entries.map(\.key) == expected.map(\.key))
        #expect(entries.map(\.value) == expected.map(\.value))
    }

    @Test("an empty value is no value, as when Yams reads the block")
    func emptyValue() throws {
        let text = "---\ntitle: Refunds\nowner: \"\"\n---\n\n# Refunds\n\nStaff may refund.\n"
        let source = try SourceText.decode(Array(text.utf8), path: "page.md")
        let document = try MarkdownParser().parse(source, path: "page.md")
        #expect(document.metadata.title == "Refunds")
        #expect(document.metadata.owner == nil)
    }

    @Test("CRLF line endings read the same values")
    func crlf() throws {
        let entries = try #require(try Self.flat("title: Refunds\nowner: \"Care team\"\n", lineEnding: "\r\n"))
        #expect(entries.map(\.value) == ["Refunds", "Care team"])
    }

    @Test("anything beyond one simple key and value per line is left to Yams", arguments: [
        "# a comment\ntitle: Refunds\n",
        "title: Refunds # a comment\n",
        "tags:\n  - refunds\n",
        "tags: [refunds, returns]\n",
        "title: \"Escaped \\\" quote\"\n",
        "title: 'It''s doubled'\n",
        "title: Refunds\ntitle: Returns\n",
        "title:Refunds\n",
        "title: a: b\n",
        "title:\n",
        "title: Zoë\n",
        "  title: Indented\n",
        "title: Tab\there\n",
        "title: &anchor Refunds\n",
        "title: >\n  folded\n",
        "\"quoted key\": value\n",
    ])
    func declined(yaml: String) throws {
        #expect(try Self.flat(yaml) == nil)
    }
}
