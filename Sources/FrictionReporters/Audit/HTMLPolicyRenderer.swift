import FrictionCore

/// One policy of the HTML audit: its header, its text with highlights, and
/// beside each block the notes for what starts in it.
///
/// Every finding has exactly one marker (`data-finding`) and one note
/// (`data-note`); the Chromium test counts them against `friction lint`.
struct HTMLPolicyRenderer {
    let report: AuditReport
    let policy: AuditedPolicy
    let anchor: String
    /// Numbers shown to readers continue across policies: F1, F2, ...
    let findingBase: Int
    let annotationBase: Int

    func render() -> String {
        let file = policy.file
        let layout = PolicyLayout(policy: policy)
        let metadata = policy.document?.metadata ?? file.metadata
        var html = "<article class=\"policy\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-h\">\n<header>"
        html += "<h2 id=\"\(anchor)-h\">\(escape(policy.title))</h2>\n<p class=\"meta\">"
        if let score = file.score {
            let grade = FrictionScore.grade(score)
            html += "<span>Score <strong>\(score)</strong>/100 <span class=\"grade g-\(grade)\">\(grade)</span></span>"
        } else {
            html += "<span><strong>\(escape(file.unscoredLabel))</strong></span>"
        }
        html += "<span>\(file.findings.count) \(file.findings.count == 1 ? "finding" : "findings")</span>"
        html += "<span>\(file.annotations.count) good \(file.annotations.count == 1 ? "practice" : "practices")</span>"
        html += "<span>Owner: \(escape(metadata?.owner ?? "not named"))</span>"
        html += "<span>Review: \(escape(metadata?.reviewDate ?? "no date"))</span>"
        html += "<span><code>\(escape(file.path))</code></span>"
        html += "<span class=\"back\"><a href=\"#overview\">Back to the overview</a></span></p></header>\n"

        if !layout.wholeDocumentFindings.isEmpty {
            html += "<div class=\"whole\"><h3>About the whole policy</h3>\n"
            html += "<p>" + layout.wholeDocumentFindings.map { marker(finding: $0) }.joined(separator: " ") + "</p>\n"
            for index in layout.wholeDocumentFindings { html += note(finding: index) }
            html += "</div>\n"
        }
        for element in layout.elements {
            html += self.element(element)
        }
        return html + "</article>\n"
    }

    private func element(_ element: PolicyLayout.Element) -> String {
        switch element {
        case .heading(let level, _, let piece):
            let tag = "h\(min(level + 2, 6))"
            return block("<\(tag) class=\"doc-h\">\(runs(piece.runs))</\(tag)>", notes: [piece])
        case .paragraph(let piece, let quote):
            let body = "<p>\(runs(piece.runs))</p>"
            return block(quote ? "<blockquote>\(body)</blockquote>" : body, notes: [piece])
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            var body = "<\(tag) class=\"doc-list\">"
            for item in items {
                body += "<li\(item.depth > 0 ? " class=\"d\(min(item.depth, 3))\"" : "")>\(runs(item.piece.runs))</li>"
            }
            body += "</\(tag)>"
            return block(body, notes: items.map(\.piece))
        case .table(let rows):
            var body = "<table>"
            for (number, row) in rows.enumerated() {
                let cell = number == 0 ? "th" : "td"
                body += "<tr>" + row.map { "<\(cell)>\(runs($0.runs))</\(cell)>" }.joined() + "</tr>"
            }
            body += "</table>"
            return block(body, notes: rows.flatMap { $0 })
        }
    }

    private func block(_ body: String, notes pieces: [PolicyLayout.Piece]) -> String {
        var notes = ""
        for piece in pieces {
            for index in piece.findings { notes += note(finding: index) }
            for index in piece.annotations { notes += note(annotation: index) }
        }
        return "<div class=\"blk\"><div class=\"txt\">\(body)</div><div class=\"notes\">\(notes)</div></div>\n"
    }

    private func runs(_ runs: [PolicyLayout.Run]) -> String {
        var html = ""
        for run in runs {
            if let sentence = run.anchorSentence { html += "<span class=\"ev-at\" id=\"\(CoverageSection.sentenceAnchor(anchor, sentence))\"></span>" }
            for index in run.startsFindings { html += marker(finding: index) }
            for index in run.startsAnnotations { html += marker(annotation: index) }
            guard !run.text.isEmpty else { continue }
            let text = escape(run.text)
            if !run.findings.isEmpty {
                let findings = run.findings.map { policy.file.findings[$0] }
                let worst = findings.map(\.severity).max() ?? .warning
                let pairs = findings.map { "\($0.rule)/\($0.severity.rawValue)" }.joined(separator: " ")
                html += "<mark class=\"hl bad s-\(worst.rawValue)\" data-fs=\"\(escape(pairs))\">\(text)</mark>"
            } else if !run.annotations.isEmpty {
                html += "<mark class=\"hl good\">\(text)</mark>"
            } else {
                html += text
            }
        }
        return html
    }

    private func marker(finding index: Int) -> String {
        let finding = policy.file.findings[index]
        let number = findingBase + index + 1
        let severity = finding.severity.rawValue
        return "<a class=\"mk s-\(severity)\" id=\"m\(number)\" href=\"#n\(number)\" data-finding=\"\(number)\" "
            + "data-rule=\"\(escape(finding.rule))\" data-sev=\"\(severity)\" "
            + "aria-label=\"Finding \(number): \(severity), \(escape(finding.rule))\">\(Self.icon(finding.severity))\u{A0}\(number)</a>"
    }

    private func marker(annotation index: Int) -> String {
        let number = annotationBase + index + 1
        let kind = policy.file.annotations[index].kind.rawValue
        return "<a class=\"mk good good-ui\" id=\"gm\(number)\" href=\"#g\(number)\" aria-label=\"Done well \(number): \(kind)\">✓\u{A0}\(number)</a>"
    }

    private func note(finding index: Int) -> String {
        let finding = policy.file.findings[index]
        let number = findingBase + index + 1
        let severity = finding.severity.rawValue
        let rule = report.rule(finding.rule)
        var html = "<aside class=\"note s-\(severity)\" id=\"n\(number)\" data-note=\"\(number)\" data-rule=\"\(escape(finding.rule))\" data-sev=\"\(severity)\">"
        html += "<p class=\"nh\"><a href=\"#m\(number)\">\(Self.icon(finding.severity))\u{A0}\(number)</a> "
        html += "<span class=\"lbl-\(severity)\">\(severity.capitalized)</span>: \(escape(rule?.name ?? finding.rule)) "
        html += "<code>\(escape(finding.rule))</code> <span class=\"muted\">line \(finding.range.start.line)</span></p>"
        html += "<p><span class=\"k\">Problem:</span> \(escape(finding.message))</p>"
        if let rationale = rule?.rationale { html += "<p><span class=\"k\">Why it matters:</span> \(escape(rationale))</p>" }
        if let suggestion = finding.suggestion ?? rule?.suggestion {
            html += "<p><span class=\"k\">Suggested rewrite:</span> \(escape(suggestion))</p>"
        }
        return html + "</aside>\n"
    }

    private func note(annotation index: Int) -> String {
        let annotation = policy.file.annotations[index]
        let number = annotationBase + index + 1
        var html = "<aside class=\"note good good-ui\" id=\"g\(number)\">"
        html += "<p class=\"nh\"><a href=\"#gm\(number)\">✓\u{A0}\(number)</a> <span class=\"lbl-good\">Done well</span>: \(annotation.kind.rawValue.capitalized)</p>"
        html += "<p>\(escape(AuditReport.annotationMeaning[annotation.kind] ?? ""))</p>"
        return html + "</aside>\n"
    }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: "✖"
        case .warning: "▲"
        case .info: "●"
        }
    }

    private func escape(_ text: String) -> String {
        MarkupEscaping.xml(text)
    }
}
