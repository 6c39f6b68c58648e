import FrictionCore

/// Decision rights held far from the front line.
public struct ApprovalBottleneck: SentenceRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "approval-bottleneck",
        name: "Approval bottleneck",
        category: .decisionRights,
        scope: .sentence,
        defaultSeverity: .warning,
        message: "Exceptions need approval far from the front line.",
        rationale: """
            When only head office, a director or a written sign-off can make an exception, the customer waits \
            and the frontline employee cannot resolve anything on the spot. Decisions belong close to the customer.
            """,
        suggestion: "Give a frontline limit or an on-site manager the authority to decide.",
        triggeringExamples: [
            "Refunds over $100 must be ↓approved by head office.",
            "Exceptions require ↓written approval from the regional director.",
            "Fee waivers need ↓approval from the CEO.",
            "Any goodwill payment must be ↓requested in writing and approved by the finance director.",
            "Cases outside the policy are ↓referred to head office for a decision.",
        ],
        nonTriggeringExamples: [
            "The duty manager can approve refunds of any amount.",
            "Agents may approve goodwill credits up to $50 without sign-off.",
            "Escalate to the team leader, who can authorise an exception.",
            "Head office publishes the price list every quarter.",
            "Avoid making customers wait for written approval from head office.",
        ]
    )

    public func trigger(_ judgement: SentenceJudgement) -> SentenceJudgement.Trigger? { judgement.approvalBottleneck }

    public func message(for text: String) -> String {
        "“\(text)” puts the decision far from the front line, so the customer cannot be helped on the spot."
    }
}
