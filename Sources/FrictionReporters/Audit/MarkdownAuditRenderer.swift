import FrictionCore

/// `friction report --format markdown`: the audit report as GitHub-flavoured
/// Markdown, for a wiki or a pull request. Same content as the HTML page:
/// findings in bold with a `✖ n` marker, good clauses underlined with a
/// `✓ n` marker, and a note after each block.
public struct MarkdownAuditRenderer: AuditRenderer {
    public static let name = "markdown"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        let lint = report.lint
        var output = "# Policy friction audit\n\n"
        if let score = lint.score {
            output += "**Rulebook friction score: \(score)/100, grade \(FrictionScore.grade(score)).** "
        }
        output += AuditReport.scoreSummary + " See [how the score is computed](#how-scored).\n\n"
        let good = lint.files.reduce(0) { $0 + $1.annotations.count }
        output += "\(report.policies.count) policies · \(lint.findings.count) findings (✖ \(lint.count(.error)) errors, "
        output += "▲ \(lint.count(.warning)) warnings, ● \(lint.count(.info)) info) · ✓ \(good) good practices\n\n"

        output += "## Findings by rule\n\n"
        output += report.countsByRule.isEmpty ? "No friction found.\n" : "| rule | what it flags | findings |\n| --- | --- | ---: |\n"
        for (rule, count) in report.countsByRule {
            let description = report.rule(rule)
            output += "| \(cell(description?.name ?? rule)) (`\(rule)`) | \(cell(description?.message ?? "")) | \(count) |\n"
        }

        output += "\n## Policies by friction\n\nMost friction first.\n\n"
        output += "| policy | score | grade | | findings | owner | review date |\n| --- | ---: | --- | --- | ---: | --- | --- |\n"
        for (index, policy) in report.policiesByFriction {
            let file = policy.file
            let metadata = policy.document?.metadata ?? file.metadata
            output += "| [\(cell(policy.title))](#\(HTMLAuditRenderer.anchor(index, policy))) | "
            if let score = file.score {
                let filled = Int((Double(score) / 10).rounded())
                output += "\(score) | \(FrictionScore.grade(score)) | `\(String(repeating: "█", count: filled))\(String(repeating: "░", count: 10 - filled))` | "
            } else {
                output += "— | — | \(cell(file.unscoredReason)) | "
            }
            output += "\(file.findings.count) | \(cell(metadata?.owner ?? "—")) | \(cell(metadata?.reviewDate ?? "—")) |\n"
        }

        output += CoverageSection.markdown(report)
        output += "\n## Policies\n"
        var findingBase = 0, annotationBase = 0
        for (index, policy) in report.policies.enumerated() {
            output += self.policy(policy, anchor: HTMLAuditRenderer.anchor(index, policy), report: report,
                                  findingBase: findingBase, annotationBase: annotationBase)
            findingBase += policy.file.findings.count
            annotationBase += policy.file.annotations.count
        }

        output += "\n<a id=\"how-scored\"></a>\n\n## How the score is computed\n\n"
        output += AuditReport.scoreDetails.map { "- \($0)\n" }.joined()
        return output
    }

    private func policy(_ policy: AuditedPolicy, anchor: String, report: AuditReport, findingBase: Int, annotationBase: Int) -> String {
        let file = policy.file
        let metadata = policy.document?.metadata ?? file.metadata
        let layout = PolicyLayout(policy: policy)
        var output = "\n<a id=\"\(anchor)\"></a>\n\n### \(MarkupEscaping.markdown(policy.title))\n\n"
        var facts: [String] = []
        if let score = file.score { facts.append("Score **\(score)/100** (grade \(FrictionScore.grade(score)))") } else { facts.append("**\(file.unscoredLabel)**") }
        facts.append(MarkdownReporter.plural(file.findings.count, "finding"))
        facts.append("\(file.annotations.count) good \(file.annotations.count == 1 ? "practice" : "practices")")
        facts.append("owner: \(MarkupEscaping.markdown(metadata?.owner ?? "not named"))")
        facts.append("review: \(MarkupEscaping.markdown(metadata?.reviewDate ?? "no date"))")
        facts.append("`\(file.path)`")
        output += facts.joined(separator: " · ") + "\n"

        let notes = Notes(report: report, file: file, findingBase: findingBase, annotationBase: annotationBase, anchor: anchor)
        if !layout.wholeDocumentFindings.isEmpty {
            output += "\n**About the whole policy**\n"
            for index in layout.wholeDocumentFindings { output += notes.finding(index) }
        }
        for element in layout.elements {
            output += "\n"
            switch element {
            case .heading(let level, _, let piece):
                output += String(repeating: "#", count: min(level + 3, 6)) + " " + runs(piece.runs, notes) + "\n"
                output += notes.all([piece])
            case .paragraph(let piece, let quote):
                output += (quote ? "> " : "") + runs(piece.runs, notes) + "\n" + notes.all([piece])
            case .list(let ordered, let items):
                for (number, item) in items.enumerated() {
                    output += String(repeating: "   ", count: item.depth) + (ordered ? "\(number + 1). " : "- ") + runs(item.piece.runs, notes) + "\n"
                }
                output += notes.all(items.map(\.piece))
            case .table(let rows):
                let width = rows.map(\.count).max() ?? 0
                for (number, row) in rows.enumerated() {
                    let cells = row.map { runs($0.runs, notes) } + Array(repeating: "", count: width - row.count)
                    output += "| " + cells.joined(separator: " | ") + " |\n"
                    if number == 0 { output += "|" + String(repeating: " --- |", count: width) + "\n" }
                }
                output += notes.all(rows.flatMap { $0 })
            }
        }
        return output
    }

    private func runs(_ runs: [PolicyLayout.Run], _ notes: Notes) -> String {
        var output = ""
        for run in runs {
            if let sentence = run.anchorSentence { output += "<a id=\"\(CoverageSection.sentenceAnchor(notes.anchor, sentence))\"></a>" }
            for index in run.startsFindings { output += "`\(HTMLPolicyRenderer.icon(notes.file.findings[index].severity)) \(notes.findingBase + index + 1)`" }
            for index in run.startsAnnotations { output += "`✓ \(notes.annotationBase + index + 1)`" }
            guard !run.text.isEmpty else { continue }
            let text = MarkupEscaping.markdown(run.text)
            if !run.findings.isEmpty {
                output += "<b>\(text)</b>"
            } else if !run.annotations.isEmpty {
                output += "<ins>\(text)</ins>"
            } else {
                output += text
            }
        }
        return output
    }

    private func cell(_ text: String) -> String {
        MarkupEscaping.markdown(text)
    }

    /// The notes after a block, as block quotes.
    private struct Notes {
        let report: AuditReport
        let file: FileReport
        let findingBase: Int
        let annotationBase: Int
        let anchor: String

        func all(_ pieces: [PolicyLayout.Piece]) -> String {
            pieces.map { piece in piece.findings.map(finding).joined() + piece.annotations.map(annotation).joined() }.joined()
        }

        func finding(_ index: Int) -> String {
            let finding = file.findings[index]
            let rule = report.rule(finding.rule)
            var output = "\n> `\(HTMLPolicyRenderer.icon(finding.severity)) \(findingBase + index + 1)` **\(finding.severity.rawValue.capitalized): "
            output += "\(MarkupEscaping.markdown(rule?.name ?? finding.rule))** (`\(finding.rule)`, line \(finding.range.start.line))<br>\n"
            output += "> **Problem:** \(MarkupEscaping.markdown(finding.message))"
            if let rationale = rule?.rationale { output += "<br>\n> **Why it matters:** \(MarkupEscaping.markdown(rationale))" }
            if let suggestion = finding.suggestion ?? rule?.suggestion {
                output += "<br>\n> **Suggested rewrite:** \(MarkupEscaping.markdown(suggestion))"
            }
            return output + "\n"
        }

        func annotation(_ index: Int) -> String {
            let annotation = file.annotations[index]
            return "\n> `✓ \(annotationBase + index + 1)` **Done well: \(annotation.kind.rawValue.capitalized).** "
                + (AuditReport.annotationMeaning[annotation.kind] ?? "") + "\n"
        }
    }
}
