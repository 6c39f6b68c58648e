import FrictionCore
import FrictionKit
import FrictionParsers
import FrictionReporters
import FrictionRules
import Foundation
import Testing

@Suite("Coverage")
struct CoverageTests {
    /// The repository's own .friction.yml excludes Tests/**.
    static let plainConfig = TestPaths.fixture("coverage/plain.friction.yml")
    static let matcher: CoverageMatcher = try! CoverageMatcher.make(frameworkFiles: [])

    static func measure(_ relative: String) throws -> (Document, DocumentCoverage) {
        let path = TestPaths.fixture(relative)
        let bytes = try DocumentReader.readBytes(path: path)
        let document = try DocumentReader().parse(bytes: bytes, path: path)
        return (document, CoverageAnalyzer.analyze(document, matcher: matcher, links: LinkText(markdown: bytes)))
    }

    static func measure(markdown text: String) throws -> DocumentCoverage {
        let document = try DocumentReader().parse(bytes: Array(text.utf8), path: "inline.md")
        return CoverageAnalyzer.analyze(document, matcher: matcher, links: LinkText(markdown: Array(text.utf8)))
    }

    @Test func threeBuiltInFrameworksInTheIssuesOrder() throws {
        let frameworks = try FrameworkLoader.builtIn()
        #expect(frameworks.map(\.id) == ["six-factors", "eight-keys", "seven-steps"])
        #expect(frameworks.map(\.elements.count) == [6, 8, 7])
        #expect(frameworks[0].elements.map(\.id) == ["purposes", "structure", "relationships", "rewards", "leadership", "mechanisms"])
        for element in frameworks.flatMap(\.elements) {
            #expect(!element.description.isEmpty && !element.example.isEmpty, "\(element.id) needs a description and an example")
        }
    }

    /// Present once: every element is addressed by its own line of `present.md`.
    @Test func everyElementIsAddressedByTheFixtureThatStatesIt() throws {
        let (document, coverage) = try Self.measure("coverage/present.md")
        for (framework, result) in zip(Self.matcher.frameworks, coverage.frameworks) {
            for (element, measured) in zip(framework.elements, result.elements) {
                #expect(measured.level.isAddressed, "\(framework.id)/\(element.id) not addressed")
                #expect(measured.evidence.first?.isStatement == true)
            }
        }
        // Evidence points at the exact sentence (line and text).
        let purposes = coverage.frameworks[0].elements[0].evidence.first
        #expect(purposes?.range.start.line == 9)
        #expect(purposes?.text == document.sentences[purposes!.sentence].text)
        #expect(purposes?.text.hasPrefix("Our purpose is to make") == true)
    }

    /// The example of each element ("what a policy that covers it would say") addresses it.
    @Test func eachElementsExampleAddressesIt() throws {
        for (f, framework) in Self.matcher.frameworks.enumerated() {
            for (e, element) in framework.elements.enumerated() {
                let coverage = try Self.measure(markdown: "# Policy\n\n\(element.example)\n")
                #expect(coverage.frameworks[f].elements[e].level.isAddressed, "\(framework.id)/\(element.id): \(element.example)")
            }
        }
    }

    /// Absent once: headings, link text, tables of contents, table cells,
    /// quoted words and passing mentions never make an element addressed.
    @Test func nearMissesDoNotCount() throws {
        let (_, coverage) = try Self.measure("coverage/near-misses.md")
        for (framework, result) in zip(Self.matcher.frameworks, coverage.frameworks) {
            for (element, measured) in zip(framework.elements, result.elements) {
                #expect(!measured.level.isAddressed, "\(framework.id)/\(element.id) counted: \(measured.evidence.map(\.text))")
            }
        }
        // The passing mention is kept as a mention (a light cell), not as evidence of policy.
        let feedback = coverage.frameworks[1].elements[0]
        #expect(feedback.level == .mentioned)
        #expect(feedback.evidence.map(\.text) == ["The first customer satisfaction survey was sent out in 2019."])
    }

    /// A run judges with the matcher's lexicon, and coverage reads the
    /// matches the rules made instead of matching again: the coverage is
    /// the same as matching alone, and the same again from an analysis made
    /// with another lexicon (whose matches coverage must not read).
    @Test func coverageFromTheRulesMatchesIsCoverageMatchedAlone() throws {
        var paths = ["coverage/present.md", "coverage/near-misses.md"].map { TestPaths.fixture($0) }
        let policies = TestPaths.root.appendingPathComponent("Policies").path
        paths += try FileManager.default.contentsOfDirectory(atPath: policies).filter { $0.hasSuffix(".md") }.map { policies + "/" + $0 }
        let shared = RuleSet(lexicon: Self.matcher.lexicon)
        let rulesOnly = RuleSet(lexicon: try LexiconLoader.load())
        var addressed = 0
        for path in paths {
            let bytes = try DocumentReader.readBytes(path: path)
            let document = try DocumentReader().parse(bytes: bytes, path: path)
            let links = LinkText(markdown: bytes)
            let analysis = shared.analyze(document)
            #expect(analysis.matchedWith === Self.matcher.lexicon && analysis.matches.contains { $0 != nil })
            let alone = CoverageAnalyzer.analyze(document, matcher: Self.matcher, links: links)
            #expect(CoverageAnalyzer.analyze(document, matcher: Self.matcher, links: links, analysis: analysis) == alone, "\(path)")
            #expect(CoverageAnalyzer.analyze(document, matcher: Self.matcher, links: links, analysis: rulesOnly.analyze(document))
                    == alone, "\(path)")
            addressed += alone.frameworks.flatMap(\.elements).filter(\.level.isAddressed).count
        }
        #expect(addressed > 20)
    }

    @Test func theSameWordsCountOutsideALink() throws {
        let linked = try Self.measure(markdown: "# P\n\nCheck [our customer satisfaction survey and net promoter results](r.md) on the wiki before you start.\n")
        let plain = try Self.measure(markdown: "# P\n\nCheck our customer satisfaction survey and net promoter results on the wiki before you start.\n")
        #expect(linked.frameworks[1].elements[0].level == .none)
        #expect(plain.frameworks[1].elements[0].level == .addressed)
    }

    @Test func strengthGrowsWithStatements() throws {
        let one = try Self.measure(markdown: "# P\n\nAgents may refund up to $50 to put things right for the customer.\n")
        let three = try Self.measure(markdown: """
            # P

            Agents may refund up to $50 to put things right for the customer.

            Store managers may waive the restocking fee for any customer.

            Team leads are authorised to replace a faulty item on the spot.
            """)
        #expect(one.frameworks[1].elements[6].level == .addressed)
        #expect(three.frameworks[1].elements[6].level == .strong)
        #expect(three.frameworks[1].elements[6].statements == 3)
    }

    @Test func linkTextSpansAreColumnsInCodePoints() {
        let links = LinkText(markdown: Array("é [abc](x) [d][r] [not a link] \\[x](y)\n".utf8))
        #expect(links.contains(SourcePosition(line: 1, column: 4)))
        #expect(links.contains(SourcePosition(line: 1, column: 6)))
        #expect(!links.contains(SourcePosition(line: 1, column: 7)))
        #expect(links.contains(SourcePosition(line: 1, column: 13)))
        #expect(!links.contains(SourcePosition(line: 1, column: 19)))
        #expect(!links.contains(SourcePosition(line: 1, column: 33)))
    }

    /// The scan skips plain text eight bytes at a time: a link, a line feed
    /// or a non-ASCII character at any offset in those eight is still seen.
    @Test(arguments: 0..<20)
    func linkTextIsFoundAtEveryOffset(plain: Int) {
        for lead in ["", "é", "a\\]", "日本"] {
            let before = lead + String(repeating: "a", count: plain)
            let text = before + "[ab](x) c\n" + before + "[ab][r]\n[d](y) é [e][f]\n"
            let links = LinkText(markdown: Array(text.utf8))
            let start = before.unicodeScalars.count + 2
            for line in [1, 2] {
                #expect(!links.contains(SourcePosition(line: line, column: start - 1)))
                #expect(links.contains(SourcePosition(line: line, column: start)))
                #expect(links.contains(SourcePosition(line: line, column: start + 1)))
                #expect(!links.contains(SourcePosition(line: line, column: start + 2)))
            }
            #expect(links.contains(SourcePosition(line: 3, column: 2)))
            #expect(!links.contains(SourcePosition(line: 3, column: 3)))
            #expect(links.contains(SourcePosition(line: 3, column: 11)))
        }
    }

    /// `marks` answers for a sentence's tokens as `contains` does for each.
    @Test func linkMarksAgreeWithContains() {
        let links = LinkText(markdown: Array("Read [the policy](x) first.\nThen [ask](y), or\nnot.\n".utf8))
        let positions = [(1, 1), (1, 7), (1, 12), (1, 18), (2, 7), (2, 12), (3, 1)].map { SourcePosition(line: $0.0, column: $0.1) }
        let marks = links.marks(onLines: 1...3, count: positions.count) { positions[$0] }
        #expect(positions.indices.map { marks[$0] } == positions.map(links.contains))
        #expect(positions.indices.map { marks[$0] } == [false, true, true, false, true, false, false])
        let none = links.marks(onLines: 3...3, count: 1) { _ in SourcePosition(line: 3, column: 1) }
        #expect(!none[0])
    }

    // MARK: Framework files

    @Test(arguments: [
        ("id: x\nname: X\nelements:\n  - id: a\n    name: A\n    pattrens: [b]\n", 6, 5, "unknown key 'pattrens' in element"),
        ("id: x\nname: X\ncolour: red\nelements: []\n", 3, 1, "unknown key 'colour'"),
        ("id: x\nname: X\nelements:\n  - id: a\n    name: A\n", 4, 5, "element 'a' has no 'patterns' or 'lexicon'"),
        ("id: x\nname: X\nelements:\n  - {id: a, name: A, patterns: [p]}\n  - {id: a, name: B, patterns: [q]}\n", 5, 5, "duplicate element id 'a'"),
        ("name: X\nelements:\n  - {id: a, name: A, patterns: [p]}\n", 1, 1, "framework has no 'id'"),
    ])
    func badFrameworkFilesNameTheLine(text: String, line: Int, column: Int, reason: String) {
        #expect {
            _ = try FrameworkLoader.parse(text, path: "ours.yml")
        } throws: { error in
            guard let error = error as? FrictionError else { return false }
            return error.path == "ours.yml" && error.line == line && error.column == column && error.reason.contains(reason)
        }
    }

    @Test func badPatternsAndReferencesNameTheLine() throws {
        let badPattern = try FrameworkLoader.parse("id: x\nname: X\nelements:\n  - id: a\n    name: A\n    patterns: [\"ok\", \"(open\"]\n", path: "ours.yml")
        #expect(throws: FrictionError.self) { _ = try CoverageMatcher.make(frameworks: [badPattern]) }
        do { _ = try CoverageMatcher.make(frameworks: [badPattern]) } catch {
            #expect(error.path == "ours.yml" && error.line == 6)
            #expect(error.reason.contains("bad pattern '(open'"))
        }
        let badReference = try FrameworkLoader.parse("id: x\nname: X\nelements:\n  - id: a\n    name: A\n    lexicon: [no-such-concept]\n", path: "ours.yml")
        do { _ = try CoverageMatcher.make(frameworks: [badReference]); Issue.record("accepted an unknown lexicon reference") } catch {
            #expect(error.description.hasPrefix("ours.yml:6:"))
            #expect(error.reason.contains("no-such-concept"))
        }
    }

    @Test func configurationNamesFrameworkFilesAndStillRefusesUnknownKeys() throws {
        let configuration = try ConfigurationLoader.parse("frameworks: [standards/ours.yml, /abs/theirs.yml]\n", path: "/repo/.friction.yml",
                                                          baseDirectory: "/repo", knownRules: nil)
        #expect(configuration.frameworkFiles == ["/repo/standards/ours.yml", "/abs/theirs.yml"])
        #expect(throws: FrictionError.self) {
            _ = try ConfigurationLoader.parse("framework: [ours.yml]\n", path: "/repo/.friction.yml", baseDirectory: "/repo", knownRules: nil)
        }
        #expect(throws: FrictionError.self) {
            _ = try ConfigurationLoader.parse("frameworks: {a: b}\n", path: "/repo/.friction.yml", baseDirectory: "/repo", knownRules: nil)
        }
    }

    @Test func aUserFrameworkFromTheConfigurationIsMeasured() throws {
        var options = LintOptions()
        options.workingDirectory = TestPaths.fixture("coverage/custom")
        options.configPath = TestPaths.fixture("coverage/custom/.friction.yml")
        let linter = try Linter.make(options)
        #expect(linter.coverage?.frameworks.map(\.id) == ["six-factors", "eight-keys", "seven-steps", "harbour-standards"])
        let report = linter.lint([TestPaths.fixture("coverage/custom/policy.md")])
        let ours = try #require(report.coverage.last)
        #expect(ours.framework.id == "harbour-standards")
        #expect(ours.elements.map(\.level.isAddressed) == [true, false])
        #expect(ours.elements[0].evidence.first?.evidence.range.start.line == 3)
    }

    // MARK: Output

    @Test func jsonHasCoveragePerFileAndInTheSummary() throws {
        let result = try runFriction(["lint", "--format", "json", "--config", Self.plainConfig, TestPaths.fixture("coverage/present.md")])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        let perFile = try #require(file["coverage"] as? [String: Any])
        let keys = try #require(perFile["eight-keys"] as? [String: Any])
        #expect(keys["addressed"] as? Int == 8)
        let summary = try #require((json["summary"] as? [String: Any])?["coverage"] as? [String: Any])
        let steps = try #require(summary["seven-steps"] as? [String: Any])
        #expect(steps["addressed"] as? Int == 7 && steps["elements"] as? Int == 7)
        #expect((steps["missing"] as? [String])?.isEmpty == true)
    }

    @Test func coverageCommandPrintsTheChecklistWithEvidence() throws {
        let path = TestPaths.fixture("coverage/near-misses.md")
        let result = try runFriction(["coverage", "--config", Self.plainConfig, "--framework", "eight-keys", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Eight keys to a service culture (eight-keys): 0 of 8 addressed"))
        #expect(!result.stdout.contains("Six factors"))
        #expect(result.stdout.contains("\(path):29 (mention): “The first customer satisfaction survey was sent out in 2019.”"))
        #expect(result.stdout.contains("A policy that covers it would say: “We survey customers after every resolved request"))
        let unknown = try runFriction(["coverage", "--config", Self.plainConfig, "--framework", "nine-keys", path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown framework 'nine-keys'"))
    }

    /// On Policies/, the HTML report has the coverage matrix, and every
    /// evidence link in it resolves to an element id on the page.
    @Test func policiesReportHasAMatrixWhoseEvidenceLinksResolve() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try runFriction(["report", "Policies", "-o", output])
        #expect(result.status == 0)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let start = try #require(html.range(of: "<section id=\"coverage\""))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let section = String(html[start.lowerBound..<end.upperBound])
        #expect(section.contains("<table class=\"matrix\">"))
        #expect(section.contains("Six factors of organisational culture: "))
        #expect(section.contains("A policy that covers it would say:"))
        let ids = Set(Self.captures(#"id="([^"]+)""#, in: html))
        let evidence = Self.captures(##"<a class="ev" href="#([^"]+)""##, in: section)
        #expect(evidence.count >= 10)
        for target in evidence {
            #expect(ids.contains(target), "evidence link #\(target) has no element on the page")
        }
        // And the anchor sits right before the sentence it names.
        let first = try #require(evidence.first)
        let anchor = try #require(html.range(of: "id=\"\(first)\"></span>"))
        #expect(html[anchor.upperBound...].prefix(400).contains { $0.isLetter })
    }

    @Test func markdownReportHasTheChecklistAndLinkedMatrix() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try runFriction(["report", "Policies", "-o", output, "--format", "markdown"])
        let markdown = try String(contentsOfFile: output, encoding: .utf8)
        #expect(markdown.contains("## Culture coverage"))
        let anchors = Set(Self.captures(#"<a id="([^"]+)"></a>"#, in: markdown))
        let links = Self.captures(#"\[~?L\d+\]\(#([^)]+)\)"#, in: markdown)
        #expect(!links.isEmpty)
        for link in links { #expect(anchors.contains(link), "#\(link) does not resolve") }
    }

    static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
