import FrictionCore
import FrictionParsers
import Testing

@Suite("Markdown positions")
struct MarkdownParserTests {
    let document: Document

    init() throws {
        document = try parseFixture("markdown/wrapped.md")
    }

    @Test func frontMatterFillsMetadata() {
        #expect(document.metadata.title == "Wrapped Policy")
        #expect(document.metadata.owner == "Customer Care (Zoë Ødegård)")
        #expect(document.metadata.effectiveDate == "2025-01-01")
        #expect(document.metadata.reviewDate == "2026-01-01")
        #expect(document.metadata.audience == "Store associates")
    }

    @Test func hardWrappedSentenceMapsEachWordToItsLine() throws {
        let sentence = try #require(document.sentence(startingWith: "Refunds are not issued"))
        #expect(sentence.text == "Refunds are not issued after thirty days under any circumstances.")
        #expect(document.position(of: "Refunds") == SourcePosition(line: 11, column: 1))
        // Inside emphasis: `*not*` starts at column 13, the word at 14.
        #expect(document.position(of: "not") == SourcePosition(line: 11, column: 14))
        #expect(document.position(of: "after") == SourcePosition(line: 12, column: 1))
        #expect(document.position(of: "circumstances") == SourcePosition(line: 13, column: 5))
        #expect(sentence.range.end == SourcePosition(line: 13, column: 18))
    }

    @Test func linkTextKeepsItsPlaceAndTheURLIsDropped() throws {
        let sentence = try #require(document.sentence(startingWith: "See the"))
        #expect(sentence.text == "See the refund guide for details.")
        #expect(document.position(of: "guide") == SourcePosition(line: 13, column: 36))
        #expect(document.position(of: "details") == SourcePosition(line: 13, column: 74))
    }

    @Test func entitiesEscapesAndNonASCII() throws {
        let sentence = try #require(document.sentence(startingWith: "Café"))
        #expect(sentence.text == "Café staff & managers may waive *fees* — “no questions” asked, e.g. for regulars.")
        // "&amp;" is one character at the entity's start.
        let ampersand = try #require(sentence.text.unicodeScalars.firstIndex(of: "&"))
        let offset = sentence.text.unicodeScalars.distance(from: sentence.text.unicodeScalars.startIndex, to: ampersand)
        #expect(sentence.positions[offset] == SourcePosition(line: 15, column: 12))
        // After the entity and two escapes, columns still count code points.
        #expect(document.position(of: "waive") == SourcePosition(line: 15, column: 31))
        #expect(document.position(of: "fees") == SourcePosition(line: 15, column: 39))
        #expect(document.position(of: "questions") == SourcePosition(line: 15, column: 52))
        #expect(document.position(of: "regulars") == SourcePosition(line: 16, column: 1))
    }

    @Test func abbreviationsDoNotSplitSentences() {
        #expect(document.sentences.contains { $0.text == "Prices in the U.S. are set by No. 5 Ltd." })
        #expect(document.sentences.contains { $0.text == "The rest follows." && $0.range.start == SourcePosition(line: 16, column: 52) })
    }

    @Test func listsNestedAndOrdered() throws {
        let first = try #require(document.sentence(startingWith: "First item"))
        #expect(first.text == "First item with inside")
        #expect(first.blockKind == .listItem)
        #expect(document.sentence(startingWith: "Nested item one")?.range.start == SourcePosition(line: 19, column: 5))
        #expect(document.sentence(startingWith: "Ordered two")?.range.start == SourcePosition(line: 22, column: 4))
    }

    @Test func blockQuoteAndTableCells() throws {
        let quote = try #require(document.sentence(startingWith: "Quoted rule"))
        #expect(quote.blockKind == .blockQuote)
        #expect(document.position(of: "continues") == SourcePosition(line: 25, column: 3))
        let cell = try #require(document.sentence(startingWith: "No refunds on sale items"))
        #expect(cell.blockKind == .tableCell)
        #expect(cell.range == SourceRange(start: SourcePosition(line: 29, column: 3), end: SourcePosition(line: 29, column: 26)))
    }

    @Test func codeURLsAndCommentsAreNotProse() throws {
        #expect(!document.sentences.contains { $0.text.contains("never be issued") })
        #expect(!document.sentences.contains { $0.text.contains("inline code") })
        #expect(!document.sentences.contains { $0.text.contains("https://") })
        #expect(document.sentence(startingWith: "Visit")?.text == "Visit for help.")
        let comment = try #require(document.comments.first)
        #expect(comment.text == "friction-disable-next-line rigid-rule -- agreed with Legal")
        #expect(comment.range.start == SourcePosition(line: 35, column: 1))
    }

    @Test func sectionsKnowTheirHeadings() throws {
        let section = try #require(document.sections.first)
        #expect(section.heading == "Wrapped Policy")
        #expect(section.level == 1)
        #expect(section.range.start == SourcePosition(line: 9, column: 3))
        let sentence = try #require(document.sentence(startingWith: "Refunds"))
        #expect(document.sectionPath(of: sentence.section) == ["Wrapped Policy"])
    }

    @Test func crlfBOMAndTabs() throws {
        let crlf = try parseFixture("markdown/crlf-bom.md")
        // The BOM takes no column.
        #expect(crlf.sections.first?.range.start == SourcePosition(line: 1, column: 3))
        #expect(crlf.sections.first?.heading == "Título")
        // A tab is one column.
        #expect(crlf.position(of: "tab") == SourcePosition(line: 3, column: 14))
        #expect(crlf.position(of: "onto") == SourcePosition(line: 4, column: 1))
        #expect(crlf.sentence(startingWith: "Next")?.range.start == SourcePosition(line: 4, column: 11))
        #expect(crlf.sentence(startingWith: "Star item")?.range.start == SourcePosition(line: 6, column: 3))
    }

    @Test func continuationIndentAndHardBreaks() throws {
        let source = "Para one\n    indented cont&#x2019;s\n\nhard break and \\\nback here.\n"
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "inline.md")
        #expect(document.position(of: "indented") == SourcePosition(line: 2, column: 5))
        #expect(document.sentences[0].text == "Para one indented cont’s")
        #expect(document.position(of: "back") == SourcePosition(line: 5, column: 1))
    }

    @Test func badFrontMatterIsALocatedError() {
        let source = "---\ntitle: [unclosed\nowner: x\n---\n# T\n"
        #expect {
            try DocumentReader().parse(bytes: Array(source.utf8), path: "bad.md")
        } throws: { error in
            guard let error = error as? FrictionError, case .malformed(let path, let line, _, let reason) = error else { return false }
            return path == "bad.md" && line != nil && line! >= 2 && line! <= 4 && reason.contains("YAML")
        }
        #expect(throws: FrictionError.malformed(path: "open.md", line: 1, column: 1,
                                                reason: "front matter opened with '---' on line 1 is never closed")) {
            try DocumentReader().parse(bytes: Array("---\ntitle: x\n".utf8), path: "open.md")
        }
    }

    @Test func leadingThematicBreakIsNotFrontMatter() throws {
        // CommonMark reads a first "---" followed by prose as a thematic
        // break; only a YAML key on the next line opens front matter.
        let source = "---\n\nRefunds are never given.\n\n---\n\nExchanges are free.\n"
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "rule.md")
        #expect(document.sentences.map(\.text) == ["Refunds are never given.", "Exchanges are free."])
        #expect(document.position(of: "Refunds") == SourcePosition(line: 3, column: 1))
        let unclosed = try DocumentReader().parse(bytes: Array("---\nRefunds are never given.\n".utf8), path: "break.md")
        #expect(unclosed.sentences.map(\.text) == ["Refunds are never given."])
        // Front matter that opens with a comment is still front matter.
        let commented = try DocumentReader().parse(bytes: Array("---\n# metadata\nowner: Legal\n---\n# T\n".utf8), path: "c.md")
        #expect(commented.metadata.owner == "Legal")
    }

    @Test func templateAndAttributeMarkupIsNotProse() throws {
        let source = "# T\n\n{:.no_toc .hidden-md}\n\nRefunds {% if x %}are{% endif %} never given {{ site.name }} here.\n"
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "liquid.md")
        #expect(document.sentences.map(\.text) == ["T", "Refunds are never given here."])
        #expect(document.position(of: "never") == SourcePosition(line: 5, column: 34))
        #expect(document.position(of: "here") == SourcePosition(line: 5, column: 62))
    }

    /// cmark's memory comes from an arena in blocks of 64 KB and more. This
    /// paragraph's text outgrows several blocks (one line at a time, so its
    /// buffer is grown in place and moved to a larger block), one line of
    /// it is longer than a block, and the table allocates thousands of cells.
    @Test func paragraphsAndTablesLargerThanTheParsersMemoryBlocksReadInFull() throws {
        let wrapped = "Staff reply within two days.\n"
        let long = String(repeating: "Staff answer within a week. ", count: 3_000)
        var source = "# Long\n\n" + String(repeating: wrapped, count: 10_000) + long + "Refunds are never given.\n\n"
        source += "| Rule | Owner |\n| --- | --- |\n"
        for row in 0..<2_000 { source += "| Rule \(row) is kept. | Team \(row) |\n" }
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "long.md")
        #expect(document.sentences.count { $0.text == "Staff reply within two days." } == 10_000)
        #expect(document.sentences.count { $0.text == "Staff answer within a week." } == 3_000)
        // Read into a value first: a failed expectation on the document would print all of it.
        let last = document.sentence(startingWith: "Refunds are never")?.range.start
        #expect(last == SourcePosition(line: 10_003, column: long.count + 1))
        #expect(document.sentences.count { $0.text.hasPrefix("Rule ") && $0.text.hasSuffix(" is kept.") } == 2_000)
        let row = document.position(of: "1999")
        #expect(row == SourcePosition(line: 12_006, column: 8))
    }
}
