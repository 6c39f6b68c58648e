import FrictionCore

/// `--format junit`: JUnit XML for CI test reports. Each policy file is a
/// test case; each finding is a failure, and a file that could not be read
/// is an error.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    public static let summary = "JUnit XML: a test case per file, a failure per finding"

    public init() {}

    public func render(_ report: LintReport) -> String {
        let tests = report.files.count
        let errors = report.files.filter { $0.error != nil }.count
        let failures = report.files.filter { $0.error == nil && !$0.findings.isEmpty }.count
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\""
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"friction\" \(counts)>\n"
        output += "  <testsuite name=\"friction\" \(counts) skipped=\"0\">\n"
        for file in report.files {
            let path = MarkupEscaping.xml(file.path)
            output += "    <testcase classname=\"friction\" name=\"\(path)\" file=\"\(path)\""
            guard !file.findings.isEmpty else { output += "/>\n"; continue }
            output += ">\n"
            for finding in file.findings {
                let element = file.error != nil && finding.rule == "parse-error" ? "error" : "failure"
                let start = finding.range.start
                let summary = "\(start.line):\(start.column) \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
                var body = "\(file.path):\(summary)"
                if !finding.text.isEmpty { body += "\nwords: \(finding.text)" }
                if let suggestion = finding.suggestion { body += "\nsuggestion: \(suggestion)" }
                output += "      <\(element) type=\"\(MarkupEscaping.xml(finding.rule))\" message=\"\(MarkupEscaping.xml(summary))\">"
                output += MarkupEscaping.xmlContent(body) + "</\(element)>\n"
            }
            output += "    </testcase>\n"
        }
        output += "  </testsuite>\n</testsuites>\n"
        return output
    }
}
