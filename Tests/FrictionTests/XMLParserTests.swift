import FrictionCore
@testable import FrictionParsers
import Foundation
import Testing

@Suite("XML positions and vocabularies")
struct XMLParserTests {
    @Test func ownVocabularyMetadataSectionsAndInlineMarkup() throws {
        let document = try parseFixture("xml/policy.xml")
        #expect(document.profile == "policy")
        #expect(document.diagnostics.isEmpty)
        #expect(document.metadata.title == "Test & Policy")
        #expect(document.metadata.owner == "Ops (Håkon)")
        #expect(document.metadata.reviewDate == "2026-01-01")
        #expect(document.metadata.language == "en")
        #expect(document.sections.map(\.heading) == ["Test & Policy", "Refunds", "Nested"])
        #expect(document.sections.map(\.level) == [1, 2, 3])
        // Inline <em> and <b> do not split the sentence, which wraps a line.
        let sentence = try #require(document.sentence(startingWith: "Refunds are"))
        #expect(sentence.text == "Refunds are never issued & exchanges are not offered.")
        #expect(sentence.range.start == SourcePosition(line: 12, column: 8))
        #expect(document.position(of: "never") == SourcePosition(line: 12, column: 24))
        #expect(document.position(of: "exchanges") == SourcePosition(line: 12, column: 48))
        #expect(document.position(of: "offered") == SourcePosition(line: 13, column: 22))
        #expect(document.sentence(startingWith: "Staff may escalate")?.text == "Staff may escalate to a manager.")
        #expect(document.position(of: "escalate") == SourcePosition(line: 13, column: 57))
    }

    @Test func entityReferencesKeepColumns() throws {
        let document = try parseFixture("xml/policy.xml")
        let item = try #require(document.sentence(startingWith: "Café"))
        #expect(item.text == "Café “quotes” stay")
        #expect(item.blockKind == .listItem)
        // "&#x201C;" is one character at its "&"; the next word follows it.
        #expect(item.positions[5] == SourcePosition(line: 15, column: 16))
        #expect(document.position(of: "quotes") == SourcePosition(line: 15, column: 24))
        #expect(document.position(of: "stay") == SourcePosition(line: 15, column: 39))
        // "&amp;" in a sentence.
        let sentence = try #require(document.sentence(startingWith: "Refunds are"))
        let ampersand = sentence.text.unicodeScalars.firstIndex(of: "&")!
        let offset = sentence.text.unicodeScalars.distance(from: sentence.text.unicodeScalars.startIndex, to: ampersand)
        #expect(sentence.positions[offset] == SourcePosition(line: 12, column: 42))
    }

    @Test func commentsAreKeptForSuppressions() throws {
        let document = try parseFixture("xml/policy.xml")
        #expect(document.comments.map(\.text) == ["friction-disable-next-line rigid-rule - reason"])
        #expect(document.comments.first?.range.start == SourcePosition(line: 17, column: 5))
    }

    @Test func ditaWithDoctypeCodeAndNestedParagraphs() throws {
        let document = try parseFixture("xml/dita.xml")
        #expect(document.profile == "dita")
        #expect(document.sections.map(\.heading) == ["DITA Topic", "Inner"])
        #expect(document.sentence(startingWith: "Short")?.text == "Short description here.")
        #expect(document.sentence(startingWith: "Use")?.text == "Use never.")
        #expect(document.position(of: "cannot") == SourcePosition(line: 7, column: 55))
        let item = try #require(document.sentence(startingWith: "Item para"))
        #expect(item.blockKind == .listItem)
    }

    @Test func malformedXMLNamesTheFirstError() {
        #expect(throws: FrictionError.malformed(path: TestPaths.fixture("xml/malformed.xml"), line: 4, column: 10,
                                                reason: "malformed XML: Opening and ending tag mismatch: p line 3 and policy")) {
            try parseFixture("xml/malformed.xml")
        }
    }

    @Test func schemaViolationsAreReportedWithLines() throws {
        let source = """
            <?xml version="1.0"?>
            <policy xmlns="urn:friction:policy:1">
              <title>No id</title>
              <section><p>Missing title.</p></section>
            </policy>
            """
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "invalid.xml")
        #expect(document.diagnostics.count >= 2)
        #expect(document.diagnostics.contains { $0.line == 2 && $0.message.contains("id") })
        #expect(document.diagnostics.contains { $0.line == 4 })
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let source = """
            <?xml version="1.0"?>
            <!DOCTYPE policy [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>
            <policy><p>before &secret; &web; after</p></policy>
            """
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "xxe.xml")
        #expect(document.sentences.map(\.text) == ["before after"])
    }

    @Test func docBookAndGenericFallback() throws {
        let docbook = """
            <article xmlns="http://docbook.org/ns/docbook"><info><title>DB</title><pubdate>2024-01-01</pubdate></info>
            <section><title>S</title><para>A <emphasis>b</emphasis> c.</para><programlisting>never()</programlisting>
            <itemizedlist><listitem><para>Item.</para></listitem></itemizedlist></section></article>
            """
        let document = try DocumentReader().parse(bytes: Array(docbook.utf8), path: "db.xml")
        #expect(document.profile == "docbook")
        #expect(document.metadata.effectiveDate == "2024-01-01")
        #expect(document.sections.map(\.heading) == ["DB", "S"])
        #expect(document.sentences.filter { $0.blockKind != .heading }.map(\.text) == ["A b c.", "Item."])
        let generic = "<handbook><chapter><heading>H</heading><text>Body text.</text></chapter></handbook>"
        let other = try DocumentReader().parse(bytes: Array(generic.utf8), path: "g.xml")
        #expect(other.profile == "generic")
        #expect(other.sections.map(\.heading) == ["H"])
        #expect(other.sentences.last?.text == "Body text.")
    }

    @Test(arguments: [
        ("<bill xmlns=\"http://schemas.gpo.gov/xml/uslm\"><section><heading>Refunds</heading><content>Refunds shall not be issued.</content></section></bill>", "uslm"),
        ("<section xmlns=\"https://code.dccouncil.us/schemas/dc-library\"><heading>Fees</heading><text>No fee may be waived.</text></section>", "dc-law"),
        ("<regulation xmlns=\"eregs\"><title>Reg</title><paragraph>A refund shall not be given.</paragraph></regulation>", "regml"),
    ])
    func legislationVocabulariesAreRecognised(_ source: String, _ profile: String) throws {
        let document = try DocumentReader().parse(bytes: Array(source.utf8), path: "law.xml")
        #expect(document.profile == profile)
        #expect(document.isLegislation)
        #expect(document.sentences.contains { $0.text.contains("not") || $0.text.contains("No fee") })
        let policy = try DocumentReader().parse(bytes: Array("<policy><p>Refunds shall not be issued.</p></policy>".utf8), path: "p.xml")
        #expect(!policy.isLegislation)
    }
}

/// The walker looks elements up in a table built from each vocabulary: the
/// table must give what the vocabulary's own rules give, for every element
/// it names and for one it does not.
@Suite("XML element tables")
struct XMLElementTableTests {
    @Test(arguments: XMLVocabulary.all + [XMLVocabulary.generic])
    fileprivate func tableAgreesWithRules(_ vocabulary: XMLVocabulary) {
        let table = vocabulary.elementTable
        let names = vocabulary.metadataContainers.union(vocabulary.skip).union(vocabulary.titles).union(vocabulary.sections)
            .union(vocabulary.inline).union(vocabulary.blocks.keys).union(vocabulary.metadata.keys)
            .union(vocabulary.metadataAttributes.keys).union(["no-such-element"])
        for name in names.sorted() {
            for inMetadata in [false, true] {
                #expect(table.role(of: name, inMetadata: inMetadata) == vocabulary.role(of: name, inMetadata: inMetadata),
                        "\(vocabulary.name): \(name), in metadata: \(inMetadata)")
            }
            let attribute = table.entry(for: name).metadataAttribute
            #expect(attribute?.name == vocabulary.metadataAttributes[name]?.0, "\(vocabulary.name): \(name)")
            #expect(attribute?.field == vocabulary.metadataAttributes[name]?.1, "\(vocabulary.name): \(name)")
        }
    }
}
