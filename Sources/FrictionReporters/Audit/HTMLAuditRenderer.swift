import FrictionCore

/// `friction report --format html` (the default): one self-contained page
/// for managers. Inline CSS, SVG and script only; no network requests.
public struct HTMLAuditRenderer: AuditRenderer {
    public static let name = "html"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        let policyCount = report.policies.count
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLAuditAssets.contentSecurityPolicy)">
            <title>Policy friction audit: \(policyCount) \(policyCount == 1 ? "policy" : "policies")</title>
            <style>
            \(HTMLAuditAssets.css)
            </style>
            </head>
            <body>
            <a class="skip" href="#policies">Skip to the policies</a>

            """
        html += header(report)
        html += "<div class=\"wrap\">\n"
        html += byRule(report)
        html += overview(report)
        html += CoverageSection.html(report)
        html += filters(report)
        html += "<main id=\"policies\">\n"
        var findingBase = 0, annotationBase = 0
        for (index, policy) in report.policies.enumerated() {
            let renderer = HTMLPolicyRenderer(report: report, policy: policy, anchor: Self.anchor(index, policy),
                                              findingBase: findingBase, annotationBase: annotationBase)
            html += renderer.render()
            findingBase += policy.file.findings.count
            annotationBase += policy.file.annotations.count
        }
        html += "</main>\n"
        html += scoring()
        html += "<footer>Written by Friction from \(policyCount) policy \(policyCount == 1 ? "file" : "files"). "
        html += "Every finding here is also in <code>friction lint</code> for the same files.</footer>\n</div>\n"
        html += "<script>\n\(HTMLAuditAssets.script)\n</script>\n</body>\n</html>\n"
        return html
    }

    private func header(_ report: AuditReport) -> String {
        let lint = report.lint
        var html = "<header class=\"top\"><div class=\"wrap\">\n<h1>Policy friction audit</h1>\n"
        html += "<p class=\"sub\">Where the rulebook leaves staff with nothing to say but “those are the rules”, and where it lets them put things right.</p>\n"
        html += "<div class=\"scorecard\">\n"
        if let score = lint.score {
            html += Self.ring(score: score)
            html += "<div class=\"scoretext\"><p class=\"big\">Rulebook friction score: \(score) out of 100, grade \(FrictionScore.grade(score))</p>\n"
        } else {
            html += "<div class=\"scoretext\"><p class=\"big\">No policy could be read, so there is no score.</p>\n"
        }
        html += "<p>\(Self.escape(AuditReport.scoreSummary)) <a href=\"#how-scored\">How the score is computed</a>.</p></div>\n"
        let good = lint.files.reduce(0) { $0 + $1.annotations.count }
        html += "<ul class=\"totals\" aria-label=\"Totals\">"
        html += "<li><b>\(report.policies.count)</b>policies</li>"
        html += "<li><b>\(lint.findings.count)</b>findings</li>"
        html += "<li><b>\(lint.count(.error))</b>✖ errors</li><li><b>\(lint.count(.warning))</b>▲ warnings</li><li><b>\(lint.count(.info))</b>● info</li>"
        html += "<li><b>\(good)</b>✓ good practices</li></ul>\n"
        html += "</div>\n</div></header>\n"
        return html
    }

    private func byRule(_ report: AuditReport) -> String {
        let counts = report.countsByRule
        var html = "<section id=\"by-rule\" aria-labelledby=\"by-rule-h\"><h2 id=\"by-rule-h\">Findings by rule</h2>\n"
        guard !counts.isEmpty else { return html + "<p>No friction found.</p></section>\n" }
        let most = counts.map(\.count).max() ?? 1
        html += "<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">What it flags</th><th scope=\"col\" class=\"num\">Findings</th><th scope=\"col\"><span class=\"muted\">share</span></th></tr></thead><tbody>\n"
        for (rule, count) in counts {
            let description = report.rule(rule)
            html += "<tr><td>\(Self.escape(description?.name ?? rule))<br><code>\(Self.escape(rule))</code></td>"
            html += "<td>\(Self.escape(description?.message ?? ""))</td><td class=\"num\">\(count)</td>"
            html += "<td>\(Self.bar(fraction: Double(count) / Double(most), color: "#41607f", label: "\(count) findings"))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    private func overview(_ report: AuditReport) -> String {
        var html = "<section id=\"overview\" aria-labelledby=\"overview-h\"><h2 id=\"overview-h\">Policies by friction</h2>\n"
        html += "<p class=\"muted\">Most friction first. Select a policy to read it with its findings.</p>\n"
        html += "<table><thead><tr><th scope=\"col\">Policy</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Grade</th>"
        html += "<th scope=\"col\"><span class=\"muted\">0–100</span></th><th scope=\"col\" class=\"num\">Findings</th>"
        html += "<th scope=\"col\">Owner</th><th scope=\"col\">Review date</th></tr></thead><tbody>\n"
        for (index, policy) in report.policiesByFriction {
            let file = policy.file
            let metadata = policy.document?.metadata ?? file.metadata
            html += "<tr><td><a href=\"#\(Self.anchor(index, policy))\">\(Self.escape(policy.title))</a><br><code>\(Self.escape(file.path))</code></td>"
            if let score = file.score {
                let grade = FrictionScore.grade(score)
                html += "<td class=\"num\">\(score)</td><td><span class=\"grade g-\(grade)\">\(grade)</span></td>"
                html += "<td>\(Self.bar(fraction: Double(score) / 100, color: Self.gradeColor(grade), label: "score \(score) of 100"))</td>"
            } else {
                html += "<td class=\"num\">—</td><td>—</td><td>\(Self.escape(file.unscoredReason))</td>"
            }
            let errors = file.findings.filter { $0.severity == .error }.count
            let warnings = file.findings.filter { $0.severity == .warning }.count
            let info = file.findings.count - errors - warnings
            html += "<td class=\"num\" title=\"\(errors) errors, \(warnings) warnings, \(info) info\">\(file.findings.count)</td>"
            html += "<td>\(Self.escape(metadata?.owner ?? "—"))</td><td class=\"date\">\(Self.escape(metadata?.reviewDate ?? "—"))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    private func filters(_ report: AuditReport) -> String {
        var html = "<section id=\"filters\" aria-label=\"Filters\" hidden>\n"
        html += "<fieldset><legend>Severity</legend>"
        for (severity, icon) in [(Severity.error, "✖"), (.warning, "▲"), (.info, "●")] {
            html += "<label><input type=\"checkbox\" checked data-sev=\"\(severity.rawValue)\"> \(icon) \(severity.rawValue) (\(report.lint.count(severity)))</label>"
        }
        html += "<label><input type=\"checkbox\" checked data-good=\"1\"> ✓ good practices</label></fieldset>\n"
        html += "<fieldset><legend>Rule</legend>"
        for (rule, count) in report.countsByRule {
            html += "<label><input type=\"checkbox\" checked data-rule=\"\(Self.escape(rule))\"> \(Self.escape(rule)) (\(count))</label>"
        }
        html += "</fieldset>\n<p id=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>\n"
        html += "<ul class=\"legend\" aria-label=\"Legend\"><li><mark class=\"hl bad s-error\">✖ error</mark></li>"
        html += "<li><mark class=\"hl bad s-warning\">▲ warning</mark></li><li><mark class=\"hl bad s-info\">● info</mark></li>"
        html += "<li><mark class=\"hl good\">✓ done well</mark></li></ul>\n</section>\n"
        return html
    }

    private func scoring() -> String {
        var html = "<section id=\"how-scored\" aria-labelledby=\"how-scored-h\"><h2 id=\"how-scored-h\">How the score is computed</h2>\n<ul>\n"
        for line in AuditReport.scoreDetails { html += "<li>\(Self.escape(line))</li>\n" }
        return html + "</ul></section>\n"
    }

    static func ring(score: Int) -> String {
        let grade = FrictionScore.grade(score)
        let circumference = 2 * Double.pi * 50
        let filled = (circumference * Double(score) / 100 * 10).rounded() / 10
        return """
            <svg class="ring" width="132" height="132" viewBox="0 0 120 120" role="img" aria-label="Score \(score) of 100, grade \(grade)">\
            <circle cx="60" cy="60" r="50" fill="none" stroke="rgba(255,255,255,.25)" stroke-width="9"/>\
            <circle cx="60" cy="60" r="50" fill="none" stroke="\(gradeColor(grade, onDark: true))" stroke-width="9" \
            stroke-dasharray="\(filled) 999" transform="rotate(-90 60 60)"/>\
            <text x="60" y="60" text-anchor="middle" font-size="32" fill="currentColor">\(score)</text>\
            <text x="60" y="82" text-anchor="middle" font-size="14" fill="currentColor">grade \(grade)</text></svg>

            """
    }

    static func bar(fraction: Double, color: String, label: String) -> String {
        let width = Int((max(0, min(1, fraction)) * 120).rounded())
        return "<svg class=\"bar\" width=\"122\" height=\"12\" viewBox=\"0 0 122 12\" role=\"img\" aria-label=\"\(escape(label))\">"
            + "<rect x=\"0.5\" y=\"0.5\" width=\"121\" height=\"11\" fill=\"#fff\" stroke=\"#8c959f\"/>"
            + "<rect x=\"1\" y=\"1\" width=\"\(width)\" height=\"10\" fill=\"\(color)\"/></svg>"
    }

    static func gradeColor(_ grade: String, onDark: Bool = false) -> String {
        switch grade {
        case "A": onDark ? "#6fd38a" : "#17652b"
        case "B": onDark ? "#b5e06a" : "#3d6b00"
        case "C": onDark ? "#ffc45c" : "#8a4b00"
        case "D": onDark ? "#ff9b5c" : "#a33b00"
        default: onDark ? "#ff8080" : "#a4161a"
        }
    }

    static func anchor(_ index: Int, _ policy: AuditedPolicy) -> String {
        let name = policy.file.path.split(separator: "/").last.map(String.init) ?? policy.file.path
        let slug = name.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? String($0) : "-" }.joined()
        return "p\(index + 1)-" + slug
    }

    static func escape(_ text: String) -> String {
        MarkupEscaping.xml(text)
    }
}
