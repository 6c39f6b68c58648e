import FrictionCore

/// The rule itself is given as the reason ("because it is company policy").
public struct RuleAsReason: SentenceRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "rule-as-reason",
        name: "Rule given as the reason",
        category: .refusal,
        scope: .sentence,
        defaultSeverity: .error,
        message: "Gives the rule itself as the reason for saying no.",
        rationale: """
            "Because it is policy" explains nothing. Customers accept limits they understand; staff need the \
            real reason to explain a rule, and the authority to bend it when the reason does not apply.
            """,
        suggestion: "Give the real reason behind the rule, and say what the customer can do next.",
        triggeringExamples: [
            "Refunds are refused ↓because it is company policy.",
            "↓Reply to appeals about parking permits with: \"The regulations don't allow it, sorry.\"",
            "↓Explain to late patients that clinic rules are clinic rules and they will have to rebook.",
            "Managers should ↓tell staff that the handbook doesn't allow exceptions.",
            "↓Reply to requests for a free change with: \"I'm sorry, I have to follow the fare rules.\"",
        ],
        nonTriggeringExamples: [
            "Avoid answering \"because the policy says so\" when an employee asks why a request was refused.",
            "Try not to answer a guest with \"that's hotel policy\"; tell them what you can arrange instead.",
            "Explain why the rule exists: it protects customers from card fraud.",
            "Don't say \"those are the regulations\" to a student in distress; signpost them to support.",
            "The company policy on returns is reviewed every year.",
        ]
    )

    public func trigger(_ judgement: SentenceJudgement) -> SentenceJudgement.Trigger? { judgement.ruleAsReason }

    public func message(for text: String) -> String {
        "“\(text)” gives the rule itself as the reason instead of explaining it."
    }
}
