import FrictionCore

/// Staff are told to turn a customer down by pleading the rules, the system
/// or their own lack of power, with no next step.
public struct ScriptedRefusal: SentenceRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "scripted-refusal",
        name: "Scripted refusal",
        category: .refusal,
        scope: .sentence,
        defaultSeverity: .error,
        message: "Tells staff to refuse by pleading the rules or their own lack of power.",
        rationale: """
            A script that ends the conversation with "there is nothing we can do" turns every exception into \
            a complaint. Scripts should say what staff can do, or hand the customer to someone who can act.
            """,
        suggestion: "Script what staff can do instead, or name who the customer is passed to (\"I'm passing this to my team leader, who can\").",
        triggeringExamples: [
            "↓Inform the customer that the returns desk cannot help with online orders.",
            "If the resident raises the matter again, ↓repeat that the decision cannot be changed.",
            "↓Read the closing statement: \"There is nothing further we can do, and this complaint is now closed.\"",
            "If a guest complains about the room, ↓say: \"I'm sorry, but there's nothing I can change.\"",
            "If a customer pushes back, ↓remind them that the decision is out of our hands.",
            "↓Tell the caller the billing system cannot be changed and they must pay the amount shown.",
        ],
        nonTriggeringExamples: [
            "Don't tell passengers \"there's nothing I can do\" during a delay; explain what happens next.",
            "Tell the caller: \"For your security, I can't discuss the account until we've completed verification.\"",
            "Say: \"I can't reverse this one, but I'm passing it to my team leader, who can.\"",
            "Explain the options available and agree a next step with the customer.",
            "Avoid saying \"that's just how billing works\"; walk the customer through the bill.",
            "```\nSay: \"There is nothing we can do.\"\n```",
        ]
    )

    public func trigger(_ judgement: SentenceJudgement) -> SentenceJudgement.Trigger? { judgement.scriptedRefusal }

    public func message(for text: String) -> String {
        "“\(text)” scripts a refusal that pleads the rules or powerlessness and offers no next step."
    }
}
