import FrictionCore

/// The audit report's culture-coverage section, shared by the HTML and
/// Markdown renderers: per framework, the rulebook checklist ("9 of 14
/// addressed"), what a policy covering each missing element would say, and
/// a matrix of policies × elements shaded by strength, each cell linking to
/// its evidence sentences in the policy text (`{policy anchor}-s{sentence}`).
enum CoverageSection {
    static let intro = """
        How the rulebook as a whole covers the elements of a service culture. Only statements of \
        policy in prose count as evidence: not headings, link text, tables of contents or passing \
        mentions. A darker cell has more statements; a light cell only mentions the topic.
        """

    /// The id of the anchor placed before an evidence sentence in the policy text.
    static func sentenceAnchor(_ policyAnchor: String, _ sentence: Int) -> String {
        "\(policyAnchor)-s\(sentence)"
    }

    /// Evidence sentences of a policy, for the anchors in its text.
    static func evidenceSentences(_ file: FileReport) -> Set<Int> {
        Set(file.coverage?.frameworks.flatMap { $0.elements.flatMap { $0.evidence.map(\.sentence) } } ?? [])
    }

    /// Policies with some evidence for framework `f`, in report order.
    private static func rows(_ report: AuditReport, framework f: Int) -> [(index: Int, policy: AuditedPolicy, coverage: FrameworkCoverage)] {
        report.policies.enumerated().compactMap { index, policy in
            guard let coverage = policy.file.coverage, f < coverage.frameworks.count,
                  coverage.frameworks[f].elements.contains(where: { $0.level != .none }) else { return nil }
            return (index, policy, coverage.frameworks[f])
        }
    }

    static func html(_ report: AuditReport) -> String {
        let coverage = report.lint.coverage
        guard !coverage.isEmpty else { return "" }
        func escape(_ text: String) -> String { MarkupEscaping.xml(text) }
        var html = "<section id=\"coverage\" aria-labelledby=\"coverage-h\"><h2 id=\"coverage-h\">Culture coverage</h2>\n"
        html += "<p class=\"muted\">\(escape(intro))</p>\n"
        for (f, framework) in coverage.enumerated() {
            let id = "cov-\(framework.framework.id)"
            html += "<h3 id=\"\(escape(id))\">\(escape(framework.framework.name)): \(framework.addressedCount) of \(framework.elements.count) addressed</h3>\n"
            if !framework.framework.description.isEmpty { html += "<p>\(escape(framework.framework.description))</p>\n" }
            html += "<ul class=\"checklist\">\n"
            for item in framework.elements {
                let ok = item.level.isAddressed
                html += "<li class=\"\(ok ? "cov-ok" : "cov-miss")\" id=\"\(escape(id))-\(escape(item.element.id))\">"
                html += "<span aria-hidden=\"true\">\(ok ? "✓" : "✗")</span> <strong>\(escape(item.element.name))</strong> "
                html += ok ? "<span class=\"muted\">\(item.level.name), \(item.policies) \(item.policies == 1 ? "policy" : "policies")</span>"
                    : "<span class=\"lbl-error\">missing</span>\(item.level == .mentioned ? " <span class=\"muted\">(mentioned, never stated as policy)</span>" : "")"
                html += "<br><span class=\"muted\">\(escape(item.element.description))</span>"
                if !ok, !item.element.example.isEmpty {
                    html += "<br><span class=\"k\">A policy that covers it would say:</span> <q>\(escape(item.element.example))</q>"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
            let rows = self.rows(report, framework: f)
            guard !rows.isEmpty else { html += "<p>No policy has evidence for this framework.</p>\n"; continue }
            html += "<div class=\"matrix-wrap\"><table class=\"matrix\"><caption>\(escape(framework.framework.name)): policies × elements</caption>"
            html += "<thead><tr><th scope=\"col\">Policy</th>"
            for item in framework.elements {
                html += "<th scope=\"col\"><a href=\"#\(escape(id))-\(escape(item.element.id))\">\(escape(item.element.name))</a></th>"
            }
            html += "</tr></thead><tbody>\n"
            for row in rows {
                let anchor = HTMLAuditRenderer.anchor(row.index, row.policy)
                html += "<tr><th scope=\"row\"><a href=\"#\(anchor)\">\(escape(row.policy.title))</a></th>"
                for element in row.coverage.elements {
                    html += "<td class=\"lv\(element.level.rawValue)\" data-level=\"\(element.level.name)\">"
                    html += element.evidence.map { evidence in
                        "<a class=\"ev\" href=\"#\(sentenceAnchor(anchor, evidence.sentence))\" title=\"\(escape("line \(evidence.range.start.line): \(evidence.text)"))\">"
                            + "\(evidence.isStatement ? "" : "~")L\(evidence.range.start.line)</a>"
                    }.joined(separator: " ")
                    html += "</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody></table></div>\n"
            let hidden = report.policies.count - rows.count
            if hidden > 0 { html += "<p class=\"muted\">\(hidden) \(hidden == 1 ? "policy has" : "policies have") no evidence for this framework and \(hidden == 1 ? "is" : "are") not shown.</p>\n" }
        }
        return html + "</section>\n"
    }

    static func markdown(_ report: AuditReport) -> String {
        let coverage = report.lint.coverage
        guard !coverage.isEmpty else { return "" }
        func md(_ text: String) -> String { MarkupEscaping.markdown(text) }
        var output = "\n<a id=\"coverage\"></a>\n\n## Culture coverage\n\n\(intro)\n"
        output += "Cells: █ strong, ▒ addressed, ░ mentioned only; `L12` links to the sentence on line 12.\n"
        for (f, framework) in coverage.enumerated() {
            output += "\n### \(md(framework.framework.name)): \(framework.addressedCount) of \(framework.elements.count) addressed\n\n"
            for item in framework.elements {
                if item.level.isAddressed {
                    output += "- ✓ **\(md(item.element.name))** (\(item.level.name), \(item.policies) \(item.policies == 1 ? "policy" : "policies"))\n"
                } else {
                    output += "- ✗ **\(md(item.element.name))**: missing\(item.level == .mentioned ? " (mentioned, never stated as policy)" : "")."
                    if !item.element.example.isEmpty { output += " A policy that covers it would say: “\(md(item.element.example))”" }
                    output += "\n"
                }
            }
            let rows = self.rows(report, framework: f)
            guard !rows.isEmpty else { continue }
            output += "\n| policy | " + framework.elements.map { md($0.element.name) }.joined(separator: " | ") + " |\n"
            output += "| --- |" + String(repeating: " --- |", count: framework.elements.count) + "\n"
            for row in rows {
                let anchor = HTMLAuditRenderer.anchor(row.index, row.policy)
                let cells = row.coverage.elements.map { element -> String in
                    let shade = ["", "░", "▒", "█"][element.level.rawValue]
                    let links = element.evidence.map { "[\($0.isStatement ? "" : "~")L\($0.range.start.line)](#\(sentenceAnchor(anchor, $0.sentence)))" }
                    return ([shade] + links).filter { !$0.isEmpty }.joined(separator: " ")
                }
                output += "| [\(md(row.policy.title))](#\(anchor)) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return output
    }
}
