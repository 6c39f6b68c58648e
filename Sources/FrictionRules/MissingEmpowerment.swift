import FrictionCore

/// A customer-facing section that restricts what staff or customers may do
/// and never grants discretion, authority, a budget or an escalation route.
public struct MissingEmpowerment: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "missing-empowerment",
        name: "Missing empowerment",
        category: .empowerment,
        scope: .section,
        defaultSeverity: .warning,
        message: "Customer-facing section restricts staff but gives them no power to put things right.",
        rationale: """
            Restrictions are bearable when someone nearby can make an exception. A customer-facing section \
            that only restricts leaves staff unable to resolve anything on the spot.
            """,
        suggestion: "Add what staff may do themselves (a discretion, a budget such as \"up to $50\") or a named escalation route.",
        triggeringExamples: [
            "## ↓Refunds\n\nRefunds will not be issued under any circumstances.",
            "## ↓Late arrivals\n\nPatients who arrive more than 10 minutes late will not be seen, regardless of the reason.",
            "## ↓Fees\n\nThe administration fee cannot be waived.\n\nFee disputes are logged in the billing system.",
            "# Returns\n\nReturns are handled at the service desk.\n\n## ↓Receipts\n\n- No receipt, no return.",
            "## ↓Plan changes\n\nDowngrades within the minimum term are not permitted.",
        ],
        nonTriggeringExamples: [
            "## Refunds\n\nRefunds will not be issued after 30 days. Agents may approve goodwill credits up to $50.",
            "## Refunds\n\nRefunds are not issued after 30 days unless a store manager approves an exception.",
            "## Definitions\n\nA \"no-show\" is a guest who neither arrives nor cancels.",
            "## Safety\n\nNever leave a bag unattended.",
            "## Late arrivals\n\nPatients who arrive late will not be seen, regardless of the reason.\n\nIf in doubt, escalate to the nurse in charge, who can decide to see them.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let document = context.document
        // Most documents have no customer-facing section (a handbook page):
        // nothing to group then.
        guard context.analysis.customerFacingSections.contains(true) else { return [] }
        let bodyBlocks = document.bodyBlocksBySection()
        // Read in place, not copied one by one (see `SentenceRule`).
        let judgements = context.analysis.judgements
        for (index, section) in document.sections.enumerated() where context.analysis.customerFacingSections[index] {
            var restrictions: [String] = []
            var empowered = false
            for block in bodyBlocks[index].lazy.map({ document.blocks[$0] }) {
                for sentenceIndex in block.sentences {
                    if judgements[sentenceIndex].isEmpowering { empowered = true }
                    if let trigger = judgements[sentenceIndex].rigid ?? judgements[sentenceIndex].scriptedRefusal
                        ?? judgements[sentenceIndex].ruleAsReason, judgements[sentenceIndex].isProse {
                        restrictions.append(document.sentences[sentenceIndex].text(ofTokens: trigger.tokens))
                    }
                }
            }
            guard !restrictions.isEmpty, !empowered else { continue }
            let heading = document.blocks[section.headingBlock]
            guard let first = heading.sentences.first, !document.sentences[first].tokens.isEmpty else { continue }
            let sentence = document.sentences[first]
            let last = document.sentences[heading.sentences.last ?? first]
            var range = sentence.sourceRange(ofTokens: 0..<sentence.tokens.count)
            if let end = last.positions.last { range.end = end }
            let listed = restrictions.prefix(3).map { "“\($0)”" }.joined(separator: ", ") + (restrictions.count > 3 ? " and \(restrictions.count - 3) more" : "")
            findings.append(Finding(
                rule: Self.description.identifier, severity: Self.description.defaultSeverity,
                message: "Section “\(section.heading)” restricts (\(listed)) but gives staff no discretion, budget or escalation route.",
                range: range, text: section.heading, suggestion: Self.description.suggestion))
        }
        return findings
    }
}
