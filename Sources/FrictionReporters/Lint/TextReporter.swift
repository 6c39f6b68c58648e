import FrictionCore

/// `--format text`, the default: findings grouped by file, each with its
/// place, severity, rule and message, the source line with the matched
/// words underlined, and the suggestion; then a summary line.
public struct TextReporter: Reporter {
    public static let name = "text"
    public static let summary = "readable findings grouped by file, with the source line and a suggestion (default)"
    public static let quotesLines = true

    public var style = RenderStyle(color: false)

    public init() {}

    public init(style: RenderStyle) {
        self.style = style
    }

    public func render(_ report: LintReport) -> String {
        var output = ""
        for file in report.files where !file.findings.isEmpty {
            output += paint(file.path, .bold) + "\n"
            // Each quoted line is split into characters once, however many
            // findings it holds (a 1 MB line can hold thousands).
            var lines: [Int: [Unicode.Scalar]] = [:]
            for finding in file.findings {
                let number = finding.range.start.line
                if lines[number] == nil, let line = file.quotedLines[number] { lines[number] = Array(line.unicodeScalars) }
                output += render(finding, line: lines[number])
            }
            output += "\n"
        }
        output += summaryLine(report) + "\n"
        return output
    }

    private func render(_ finding: Finding, line scalars: [Unicode.Scalar]?) -> String {
        let start = finding.range.start
        var output = "  \(start.line):\(start.column)  \(paint(finding.severity.rawValue, color(for: finding.severity)))  "
        output += "\(finding.message)  " + paint("[\(finding.rule)]", .dim) + "\n"
        if let scalars, !finding.text.isEmpty {
            let from = max(start.column - 1, 0)
            let to = finding.range.end.line == start.line ? min(finding.range.end.column, scalars.count) : scalars.count
            // Keep the quote short: the words and some context either side.
            let left = max(0, from - 40)
            let right = min(scalars.count, max(to, from + 1) + 40)
            var shown = String.UnicodeScalarView()
            shown.append(contentsOf: scalars[left..<right])
            let prefix = left > 0 ? "…" : ""
            output += "      \(prefix)\(String(shown))\(right < scalars.count ? "…" : "")\n"
            let padding = String(repeating: " ", count: prefix.count + from - left)
            let underline = String(repeating: "^", count: max(1, to - from))
            output += "      \(padding)\(paint(underline, color(for: finding.severity)))\n"
        }
        if let suggestion = finding.suggestion {
            output += "      " + paint("suggestion:", .cyan) + " \(suggestion)\n"
        }
        return output
    }

    private func summaryLine(_ report: LintReport) -> String {
        let checked = report.files.count
        let withFindings = report.files.filter { !$0.findings.isEmpty }.count
        let counts = [(report.count(.error), "error"), (report.count(.warning), "warning"), (report.count(.info), "info")]
            .map { "\($0.0) \($0.1)\($0.0 == 1 || $0.1 == "info" ? "" : "s")" }
            .joined(separator: ", ")
        var line = "\(counts) in \(withFindings) of \(checked) file\(checked == 1 ? "" : "s")"
        let suppressed = report.files.reduce(0) { $0 + $1.suppressedCount }
        if suppressed > 0 { line += " (\(suppressed) suppressed)" }
        if let score = report.score { line += "; friction score \(score)/100 (\(FrictionScore.grade(score)))" }
        // Say which files were read but not judged, so a clean result on a
        // runbook is not mistaken for a clean rulebook.
        let unjudged = Dictionary(grouping: report.files.compactMap { $0.error == nil ? $0.reading : nil }.filter { $0 != .servicePolicy }) { $0 }
        if !unjudged.isEmpty {
            let total = unjudged.values.reduce(0) { $0 + $1.count }
            let kinds = unjudged.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value.count) \($0.key.rawValue)" }
            line += "\n\(total) file\(total == 1 ? "" : "s") read as not a service policy, so not judged for friction: "
                + kinds.joined(separator: ", ")
        }
        return line
    }

    enum Color: String {
        case red = "31", yellow = "33", cyan = "36", bold = "1", dim = "2", blue = "34"
    }

    private func color(for severity: Severity) -> Color {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
    }

    private func paint(_ text: String, _ color: Color) -> String {
        style.color ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
