import Foundation
import FrictionCore
import FrictionReporters
import Testing

/// Machine formats checked by the readers that consume them: SARIF against
/// the 2.1.0 schema with `jsonschema`, JUnit with `junitparser`, Checkstyle
/// with an XML parser, each carrying every finding of the JSON output.
@Suite("Reporter formats")
struct ReporterFormatTests {
    static let sarifSchema = TestPaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")

    /// (path, line, column, rule) of every finding, from `--format json`.
    static func jsonFindings() throws -> [String] {
        let result = try ReportFixture.lint(format: "json")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        var findings: [String] = []
        for file in object["files"] as! [[String: Any]] {
            for finding in file["findings"] as! [[String: Any]] {
                findings.append("\(file["path"]!) \(finding["line"]!) \(finding["column"]!) \(finding["rule"]!)")
            }
        }
        return findings.sorted()
    }

    @Test("SARIF is valid against the 2.1.0 schema and carries every finding",
          .enabled(if: FileManager.default.fileExists(atPath: ReporterFormatTests.sarifSchema.path),
                   "../shared/schemas/sarif-schema-2.1.0.json is absent on this machine; skipping"))
    func sarifValid() throws {
        let schema = Self.sarifSchema
        let sarif = try ReportFixture.lint(format: "sarif").stdout
        let check = try ReportFixture.python("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(sys.stdin)
            jsonschema.validate(log, schema)
            run = log["runs"][0]
            assert run["columnKind"] == "unicodeCodePoints"
            rules = run["tool"]["driver"]["rules"]
            for rule in rules:
                for key in ("id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"):
                    assert key in rule, (rule["id"], key)
            for result in run["results"]:
                assert rules[result["ruleIndex"]]["id"] == result["ruleId"], result
                assert result["partialFingerprints"], result
                location = result["locations"][0]["physicalLocation"]
                region = location["region"]
                print(location["artifactLocation"]["uri"], region["startLine"], region["startColumn"], result["ruleId"])
            """, arguments: [schema.path], input: sarif)
        #expect(check.status == 0, "SARIF check failed: \(check.stderr)")
        let carried = check.stdout.split(separator: "\n").map(String.init).sorted()
        #expect(carried == (try Self.jsonFindings()))
    }

    @Test("SARIF fingerprints survive an unrelated edit that moves every line")
    func sarifFingerprintsStable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-fp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(contentsOf: ReportFixture.directory.appendingPathComponent("refunds.md"), encoding: .utf8)
        try Data("fail-level: error\n".utf8).write(to: directory.appendingPathComponent("friction.yml"))
        func fingerprints(_ text: String) throws -> [String: String] {
            try Data(text.utf8).write(to: directory.appendingPathComponent("refunds.md"))
            let sarif = try runFriction(["lint", "--config", "friction.yml", "--format", "sarif", "refunds.md"], in: directory).stdout
            let log = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
            let results = (log["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]]
            var byFingerprint: [String: String] = [:]
            for result in results {
                let fingerprint = (result["partialFingerprints"] as! [String: String])[SARIFReporter.fingerprintKey]!
                #expect(byFingerprint[fingerprint] == nil, "fingerprints must be unique in a file")
                byFingerprint[fingerprint] = "\(result["ruleId"]!) \((result["message"] as! [String: Any])["text"]!)"
            }
            return byFingerprint
        }
        let before = try fingerprints(original)
        let edited = original.replacingOccurrences(of: "# Refunds & Exchanges\n",
                                                   with: "# Refunds & Exchanges\n\nThis paragraph was added.\nSo was this line.\n")
        #expect(edited != original)
        let after = try fingerprints(edited)
        #expect(!before.isEmpty)
        #expect(before == after)
    }

    @Test("JUnit parses with junitparser: a test case per file, a failure or error per finding")
    func junitParses() throws {
        let junit = try ReportFixture.lint(format: "junit").stdout
        let check = try ReportFixture.python("""
            import sys, tempfile
            from junitparser import JUnitXml, Failure, Error
            with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as handle:
                handle.write(sys.stdin.read())
            xml = JUnitXml.fromfile(handle.name)
            for suite in xml:
                for case in suite:
                    for result in case.result:
                        assert isinstance(result, (Failure, Error)), result
                        where, rest = result.message.split(" ", 1)
                        line, column = where.split(":")
                        rule = rest.rsplit("[", 1)[1].rstrip("]")
                        print(case.name, line, column, rule)
                    print("case", case.name)
            """, input: junit)
        #expect(check.status == 0, "junitparser failed: \(check.stderr)")
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("case ") }.sorted() == ReportFixture.files.map { "case \($0)" }.sorted())
        #expect(lines.filter { !$0.hasPrefix("case ") }.sorted() == (try Self.jsonFindings()))
    }

    @Test("Checkstyle parses as XML and carries every finding")
    func checkstyleParses() throws {
        let checkstyle = try ReportFixture.lint(format: "checkstyle").stdout
        let check = try ReportFixture.python("""
            import sys, xml.etree.ElementTree as ET
            root = ET.fromstring(sys.stdin.read().encode())
            assert root.tag == "checkstyle"
            for file in root.findall("file"):
                for error in file.findall("error"):
                    assert error.get("severity") in ("error", "warning", "info")
                    print(file.get("name"), error.get("line"), error.get("column"), error.get("source").removeprefix("friction."))
            """, input: checkstyle)
        #expect(check.status == 0, "checkstyle did not parse: \(check.stderr)")
        #expect(check.stdout.split(separator: "\n").map(String.init).sorted() == (try Self.jsonFindings()))
    }

    @Test("GitHub workflow commands escape %, CR and LF, and : and , in properties")
    func githubEscaping() {
        let range = SourceRange(start: SourcePosition(line: 3, column: 5), end: SourcePosition(line: 3, column: 9))
        let finding = Finding(rule: "rigid-rule", severity: .warning, message: "100% final:\r\nno, never", range: range,
                              text: "never", suggestion: "Say who, and how.")
        let multiLine = Finding(rule: "missing-owner", severity: .info, message: "m", range:
            SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 2, column: 4)), text: "")
        let report = LintReport(files: [FileReport(path: "a,b:c%.md", format: .markdown, score: 50, findings: [finding, multiLine],
                                                   annotations: [])], rules: [], failLevel: .warning)
        let output = GitHubReporter().render(report)
        #expect(output == """
            ::warning file=a%2Cb%3Ac%25.md,line=3,col=5,endLine=3,endColumn=9,title=Friction%3A rigid-rule::100%25 final:%0D%0Ano, never%0ASuggestion: Say who, and how.
            ::notice file=a%2Cb%3Ac%25.md,line=1,endLine=2,title=Friction%3A missing-owner::m

            """)
    }

    @Test("An unknown format is a usage error listing the choices")
    func unknownFormat() throws {
        #expect(throws: FrictionError.self) { try Reporters.named("pdf") }
        #expect(throws: FrictionError.self) { try AuditRenderers.named("pdf") }
        let result = try runFriction(["report", "-o", "/tmp/never-written.html", "--format", "pdf", "Policies"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("html, markdown"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.html"))
    }
}
