import FrictionCore

/// `--format markdown`: a summary to post as a pull-request comment: totals,
/// counts by rule, the top findings with their words and suggestion, and a
/// collapsible table per file. Kept under GitHub's comment size limit.
public struct MarkdownReporter: Reporter {
    public static let name = "markdown"
    public static let summary = "a pull-request comment: totals, top findings, a table per file"
    /// GitHub refuses comments over 65,536 characters; leave room for a footer.
    static let sizeLimit = 60_000
    static let topCount = 10

    public init() {}

    public func render(_ report: LintReport) -> String {
        let findings = report.findings.count
        let withFindings = report.files.filter { !$0.findings.isEmpty }.count
        var output = "## Friction report\n\n"
        if findings == 0 {
            output += "No policy friction found in \(Self.plural(report.files.count, "file")).\n"
            return output
        }
        output += "**\(Self.plural(findings, "finding"))** in \(withFindings) of \(Self.plural(report.files.count, "file")): "
        output += "\(Self.plural(report.count(.error), "error")), \(Self.plural(report.count(.warning), "warning")), \(report.count(.info)) info"
        if let score = report.score { output += ". Friction score **\(score)/100** (grade \(FrictionScore.grade(score)))" }
        output += ".\n\n"

        var byRule: [String: Int] = [:]
        for finding in report.findings { byRule[finding.rule, default: 0] += 1 }
        output += "| rule | findings |\n| --- | ---: |\n"
        for (rule, count) in byRule.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            output += "| `\(rule)` | \(count) |\n"
        }

        output += "\n### Top findings\n\n"
        let ranked = report.files.flatMap { file in file.findings.map { (file, $0) } }
            .enumerated()
            .sorted { $0.element.1.severity != $1.element.1.severity ? $0.element.1.severity > $1.element.1.severity : $0.offset < $1.offset }
            .prefix(Self.topCount)
        for (number, entry) in ranked.enumerated() {
            let (file, finding) = entry.element
            output += "\(number + 1). **\(Self.icon(finding.severity)) \(finding.severity.rawValue)** "
            output += "`\(file.path):\(finding.range.start.line):\(finding.range.start.column)` `\(finding.rule)`: "
            output += MarkupEscaping.markdown(finding.message) + "\n"
            if !finding.text.isEmpty { output += "   > \(MarkupEscaping.markdown(finding.text))\n" }
            if let suggestion = finding.suggestion { output += "\n   Suggestion: \(MarkupEscaping.markdown(suggestion))\n" }
        }

        output += "\n### Findings by file\n"
        var omitted = 0
        for file in report.files where !file.findings.isEmpty {
            var section = "\n<details><summary><code>\(MarkupEscaping.xml(file.path))</code>: "
            section += Self.plural(file.findings.count, "finding")
            if let score = file.score { section += ", score \(score) (\(FrictionScore.grade(score)))" }
            section += "</summary>\n\n| line | severity | rule | message | words |\n| ---: | --- | --- | --- | --- |\n"
            for finding in file.findings {
                section += "| \(finding.range.start.line):\(finding.range.start.column) | \(Self.icon(finding.severity)) \(finding.severity.rawValue) "
                section += "| `\(finding.rule)` | \(MarkupEscaping.markdown(finding.message)) | \(MarkupEscaping.markdown(finding.text)) |\n"
            }
            section += "\n</details>\n"
            if output.utf8.count + section.utf8.count > Self.sizeLimit {
                omitted += 1
            } else {
                output += section
            }
        }
        if omitted > 0 {
            output += "\n_\(Self.plural(omitted, "more file")) not shown to keep this comment short; run `friction lint` for everything._\n"
        }
        return output
    }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: "⛔"
        case .warning: "⚠️"
        case .info: "ℹ️"
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
