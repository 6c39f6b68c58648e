import FrictionCore

/// `--format checkstyle`: the Checkstyle XML that Jenkins' Warnings plugin,
/// reviewdog, Danger and many other CI tools read.
public struct CheckstyleReporter: Reporter {
    public static let name = "checkstyle"
    public static let summary = "Checkstyle XML for CI plugins"

    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in report.files {
            output += "  <file name=\"\(MarkupEscaping.xml(file.path))\">\n"
            for finding in file.findings {
                var message = finding.message
                if let suggestion = finding.suggestion { message += " Suggestion: \(suggestion)" }
                output += "    <error line=\"\(finding.range.start.line)\" column=\"\(finding.range.start.column)\""
                output += " severity=\"\(finding.severity.rawValue)\" message=\"\(MarkupEscaping.xml(message))\""
                output += " source=\"friction.\(MarkupEscaping.xml(finding.rule))\"/>\n"
            }
            output += "  </file>\n"
        }
        output += "</checkstyle>\n"
        return output
    }
}
