import FrictionCore

/// A restriction with no reason given in the sentence or the next one.
public struct MissingRationale: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "missing-rationale",
        name: "Missing rationale",
        category: .rationale,
        scope: .sentence,
        defaultSeverity: .info,
        message: "Restriction with no reason given.",
        rationale: """
            Staff who know why a rule exists can explain it to a customer and recognise when it does not \
            apply. A rule with no reason can only be repeated.
            """,
        suggestion: "Add the reason (\"to protect customers from card fraud\", \"because the supplier will not take it back\").",
        triggeringExamples: [
            "Refunds ↓will not be issued under any circumstances.",
            "Agents ↓are not permitted to waive the late fee.",
            "Early termination fees ↓are non-negotiable.",
            "Returns ↓are not accepted after 30 days unless a store manager approves an exception.",
            "Gate agents ↓are not permitted to rebook passengers onto another carrier.",
        ],
        nonTriggeringExamples: [
            "Refunds are made only to the original card, to protect customers from card fraud.",
            "Opened software cannot be returned because the supplier will not take it back.",
            "Returns are accepted within 30 days with a receipt.",
            "Agents may approve goodwill credits up to $50.",
            "Gift cards are not refundable. This is because they are treated as cash under state law.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let judgements = context.analysis.judgements
        // Judgements read in place, not copied one by one (see `SentenceRule`).
        for index in judgements.indices where judgements[index].isProse {
            guard let trigger = judgements[index].restriction, !judgements[index].hasRationale else { continue }
            if index + 1 < judgements.count, judgements[index + 1].hasRationale,
               context.document.sentences[index + 1].block == context.document.sentences[index].block { continue }
            let text = context.document.sentences[index].text(ofTokens: trigger.tokens)
            findings.append(context.finding(Self.description, sentence: index, tokens: trigger.tokens,
                                            message: "“\(text)” restricts the customer without saying why."))
        }
        return findings
    }
}
