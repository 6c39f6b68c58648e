import FrictionCore

/// `--format github`: GitHub Actions workflow commands, which the runner
/// turns into annotations on the pull request's diff:
/// `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`.
///
/// The message escapes `%`, CR and LF; property values also escape `:` and
/// `,`, as the Actions toolkit does. Columns are given only when the finding
/// starts and ends on one line, the only case GitHub annotates by column.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public static let summary = "GitHub Actions workflow commands (annotations on the diff)"

    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = ""
        for file in report.files {
            for finding in file.findings {
                let range = finding.range
                var properties = [("file", file.path), ("line", String(range.start.line))]
                if range.start.line == range.end.line {
                    properties += [("col", String(range.start.column)), ("endLine", String(range.end.line)),
                                   ("endColumn", String(range.end.column))]
                } else {
                    properties.append(("endLine", String(max(range.end.line, range.start.line))))
                }
                properties.append(("title", "Friction: \(finding.rule)"))
                var message = finding.message
                if let suggestion = finding.suggestion { message += "\nSuggestion: \(suggestion)" }
                output += "::\(Self.command(finding.severity)) "
                output += properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
                output += "::\(Self.escapeData(message))\n"
            }
        }
        return output
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
