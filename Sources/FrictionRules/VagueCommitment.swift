import FrictionCore

/// A commitment with no measurable target.
public struct VagueCommitment: SentenceRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "vague-commitment",
        name: "Vague commitment",
        category: .commitments,
        scope: .sentence,
        defaultSeverity: .info,
        message: "Commitment with no measurable target.",
        rationale: """
            "As soon as possible" cannot be measured, so it cannot be kept or missed. A target ("within two \
            working days") can be monitored and improved.
            """,
        suggestion: "Give a measurable target (\"within 2 working days\").",
        triggeringExamples: [
            "We will respond to complaints ↓as soon as possible.",
            "Refunds are processed ↓in a timely manner.",
            "The customer will hear from us ↓in due course.",
            "Claims are settled ↓within a reasonable time.",
            "Call the customer back ↓as quickly as possible.",
        ],
        nonTriggeringExamples: [
            "We will respond to complaints within 2 working days.",
            "Refunds are processed within 5 business days.",
            "Call the customer back within 4 hours, or as soon as possible if it is urgent.",
            "The returns desk is next to the main entrance.",
            "Claims are settled within ten working days.",
        ]
    )

    public func trigger(_ judgement: SentenceJudgement) -> SentenceJudgement.Trigger? { judgement.vagueCommitment }

    public func message(for text: String) -> String {
        "“\(text)” promises no measurable target."
    }
}
