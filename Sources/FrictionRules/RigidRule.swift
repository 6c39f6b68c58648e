import FrictionCore

/// An absolute restriction on serving a customer with no way out in the
/// same sentence: no exception, no decision-maker, no protective purpose.
public struct RigidRule: SentenceRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "rigid-rule",
        name: "Rigid rule",
        category: .rigidity,
        scope: .sentence,
        defaultSeverity: .warning,
        message: "Absolute restriction with no exception path.",
        rationale: """
            Rules that admit no exception leave frontline staff with nothing to say but "those are the rules". \
            A rule is acceptable when it says how an exception is made, or when the absolute protects customers \
            or staff (safety, privacy, security, fraud, legal duty).
            """,
        suggestion: "Say who can make an exception and how (\"unless a team lead approves it\"), or explain why the limit exists.",
        triggeringExamples: [
            "Refunds ↓will not be issued under any circumstances.",
            "Agents ↓are not permitted to waive the late fee.",
            "Tuition fees ↓are non-refundable after the first week of term.",
            "Late assignments receive a mark of zero, with ↓no exceptions.",
            "↓No outside food or drink in the restaurant.",
            "Branch staff ↓cannot reverse a fee once it has posted to the account.",
            "Name changes ↓are prohibited after ticketing.",
        ],
        nonTriggeringExamples: [
            "Refunds are not issued after 30 days unless a store manager approves an exception.",
            "Never ask a customer to read out their card PIN.",
            "We will never sell your data to third parties.",
            "There is no fee to cancel within the first 14 days.",
            "Until 2018, the company did not accept any returns without a receipt.",
            "Don't tell passengers \"there's nothing I can do\"; explain what happens next.",
            "Returns are accepted within 30 days with a receipt.",
            "| Rule | Notes |\n| --- | --- |\n| No exceptions | Refunds are never issued |",
            "# No refunds under any circumstances",
        ]
    )

    public func trigger(_ judgement: SentenceJudgement) -> SentenceJudgement.Trigger? { judgement.rigid }

    public func message(for text: String) -> String {
        "“\(text)” sets an absolute limit on serving the customer with no exception path."
    }
}
