import FrictionCore
import FrictionKit
import FrictionParsers
import Testing

@Suite("Inline suppressions")
struct SuppressionTests {
    private func finding(_ rule: String, line: Int) -> Finding {
        let position = SourcePosition(line: line, column: 1)
        return Finding(rule: rule, severity: .warning, message: "m", range: SourceRange(start: position, end: position), text: "t")
    }

    @Test func markdownRegionsAndNextLine() throws {
        let source = """
            First line.

            <!-- friction-disable rigid-rule -- agreed with Legal -->
            Inside the region.
            <!-- friction-enable -->

            After the region.

            <!-- friction-disable-next-line vague-commitment -->
            Next line only.
            """
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "s.md")
        let suppressions = Suppressions(document: document)
        #expect(suppressions.suppresses(finding("rigid-rule", line: 4)))
        #expect(!suppressions.suppresses(finding("vague-commitment", line: 4)))
        #expect(!suppressions.suppresses(finding("rigid-rule", line: 7)))
        #expect(!suppressions.suppresses(finding("rigid-rule", line: 1)))
        #expect(suppressions.suppresses(finding("vague-commitment", line: 10)))
        #expect(!suppressions.suppresses(finding("rigid-rule", line: 10)))
    }

    /// Comments are trimmed of any white space (Unicode spaces too), a
    /// directive may list rules with commas, and a comment whose first word
    /// is not a directive silences nothing.
    @Test func commentTextIsTrimmedAndOnlyDirectivesCount() throws {
        let source = "First line.\n\n"
            + "<!--\t friction-disable rigid-rule,vague-commitment -- reason -->\n"
            + "Inside the region.\n"
            + "<!-- friction-enable -->\n\n"
            + "<!-- TODO: friction-disable rigid-rule -->\n"
            + "Not a directive, so not silenced.\n\n"
            + "<!--\u{00A0}friction-disable-next-line rigid-rule\u{2003}-->\n"
            + "Next line only.\n"
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "s.md")
        #expect(document.comments.map(\.text) == [
            "friction-disable rigid-rule,vague-commitment -- reason", "friction-enable",
            "TODO: friction-disable rigid-rule", "friction-disable-next-line rigid-rule",
        ])
        let suppressions = Suppressions(document: document)
        #expect(suppressions.suppresses(finding("rigid-rule", line: 4)))
        #expect(suppressions.suppresses(finding("vague-commitment", line: 4)))
        #expect(!suppressions.suppresses(finding("missing-owner", line: 4)))
        #expect(!suppressions.suppresses(finding("rigid-rule", line: 8)))
        #expect(suppressions.suppresses(finding("rigid-rule", line: 11)))
        #expect(!suppressions.suppresses(finding("vague-commitment", line: 11)))
    }

    @Test func xmlCommentsWithTheirOwnReasonSeparator() throws {
        let source = """
            <policy>
              <p>Kept.</p>
              <!-- friction-disable-next-line - card security rule agreed with Legal -->
              <p>
                Silenced.</p>
              <!-- friction-disable -->
              <p>Everything off from here.</p>
            </policy>
            """
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "s.xml")
        let suppressions = Suppressions(document: document)
        #expect(!suppressions.suppresses(finding("rigid-rule", line: 2)))
        #expect(suppressions.suppresses(finding("rigid-rule", line: 5)))
        #expect(suppressions.suppresses(finding("missing-owner", line: 7)))
    }
}
