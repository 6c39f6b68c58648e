import Foundation
import FrictionCore

/// A policy that names no owner.
public struct MissingOwner: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "missing-owner",
        name: "Missing owner",
        category: .governance,
        scope: .document,
        defaultSeverity: .info,
        message: "Policy names no owner.",
        rationale: """
            A policy nobody owns is never adapted: monitoring and improving rules needs a named person or \
            team who answers for them.
            """,
        suggestion: "Add an owner to the front matter (owner: Retail Operations) or the XML metadata.",
        triggeringExamples: [
            "↓# Returns\n\nReturns are accepted within 30 days.",
            "↓---\ntitle: Returns\nreview: 2025-01-01\n---\n\n# Returns\n\nReturns are accepted within 30 days.",
            "↓Returns are accepted within 30 days.",
            "↓---\ntitle: Fees\n---\n\nFees are shown on the bill.",
            "↓---\naudience: Store associates\n---\n\n# Exchanges\n\nExchanges are free.",
        ],
        nonTriggeringExamples: [
            "---\nowner: Retail Operations\n---\n\n# Returns\n\nReturns are accepted within 30 days.",
            "---\nowner: Billing Team\nreview: 2025-01-01\n---\n\nFees are shown on the bill.",
            "---\npolicy_owner: Customer Care\n---\n\nExchanges are free.",
            "---\nauthor: HR Operations\n---\n\nLeave requests are answered within 2 days.",
            "---\nowner: Contact Centre\ntitle: Calls\n---\n\n# Calls\n\nAnswer calls within 30 seconds.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        missingMetadataFindings(Self.description, context, value: context.document.metadata.owner)
    }
}

/// One finding when a service policy leaves a metadata field empty. A
/// statute, a contract or a runbook is not a policy someone must keep under
/// review: documents read as anything else get none.
func missingMetadataFindings(_ rule: RuleDescription, _ context: RuleContext, value: String?) -> [Finding] {
    guard context.analysis.reading == .servicePolicy,
          (value?.trimmingCharacters(in: .whitespaces) ?? "").isEmpty else { return [] }
    return [documentFinding(rule, context.document)]
}

/// A finding about the whole document, at its first character.
func documentFinding(_ rule: RuleDescription, _ document: Document) -> Finding {
    let start = SourcePosition(line: 1, column: 1)
    return Finding(rule: rule.identifier, severity: rule.defaultSeverity, message: rule.message,
                   range: SourceRange(start: start, end: start), text: "", suggestion: rule.suggestion)
}
