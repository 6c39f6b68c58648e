import FrictionCore

/// "Not our department" hand-offs that push the customer elsewhere with no owner.
public struct InternalHandoff: SentenceRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "internal-handoff",
        name: "Internal hand-off",
        category: .internalService,
        scope: .sentence,
        defaultSeverity: .warning,
        message: "Sends the customer to another team with no owner.",
        rationale: """
            To the customer there is one company. Telling them to contact another department makes them do \
            the company's internal work; good internal service hands the case over and keeps an owner.
            """,
        suggestion: "Hand the case over yourself, and tell the customer who owns it and when they will hear back.",
        triggeringExamples: [
            "Online orders are ↓not our department; tell the customer to use the website.",
            "Billing questions go to ↓another department directly.",
            "The ↓customer must contact the billing team themselves.",
            "Explain that this is ↓not our responsibility.",
            "↓Tell the customer to call another department instead.",
        ],
        nonTriggeringExamples: [
            "Steer clear of phrases such as \"that's not my department\"; own the problem until it is solved.",
            "Transfer the call to the billing team and stay on the line until they pick up.",
            "The billing team owns all invoice questions.",
            "Log the case and tell the customer who will call them back.",
            "Never tell a customer it is not our department.",
        ]
    )

    public func trigger(_ judgement: SentenceJudgement) -> SentenceJudgement.Trigger? { judgement.internalHandoff }

    public func message(for text: String) -> String {
        "“\(text)” pushes the customer to another team without an owner."
    }
}
