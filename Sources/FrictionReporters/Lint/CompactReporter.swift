import FrictionCore

/// `--format compact`: `path:line:col: severity: message [rule]`, one per
/// line, for grep, editors and Emacs' compilation mode.
public struct CompactReporter: Reporter {
    public static let name = "compact"
    public static let summary = "path:line:col: severity: message [rule], one finding per line"

    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = ""
        for file in report.files {
            for finding in file.findings {
                output += "\(file.path):\(finding.range.start.line):\(finding.range.start.column): "
                output += "\(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
            }
        }
        return output
    }
}
