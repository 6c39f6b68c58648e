import Foundation
import FrictionCore

/// A policy with no review date.
public struct MissingReviewDate: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "missing-review-date",
        name: "Missing review date",
        category: .governance,
        scope: .document,
        defaultSeverity: .info,
        message: "Policy has no review date.",
        rationale: """
            Rules drift out of date as products, laws and customers change. A review date makes sure someone \
            looks again at whether each restriction still earns its place.
            """,
        suggestion: "Add a review date to the front matter (review: 2025-06-30) or the XML metadata.",
        triggeringExamples: [
            "↓# Returns\n\nReturns are accepted within 30 days.",
            "↓---\ntitle: Returns\nowner: Retail Operations\n---\n\n# Returns\n\nReturns are accepted within 30 days.",
            "↓Returns are accepted within 30 days.",
            "↓---\ntitle: Fees\n---\n\nFees are shown on the bill.",
            "↓---\nowner: Billing Team\neffective: 2024-01-01\n---\n\nFees are shown on the bill.",
        ],
        nonTriggeringExamples: [
            "---\nreview: 2025-01-01\n---\n\n# Returns\n\nReturns are accepted within 30 days.",
            "---\nowner: Billing Team\nreview_date: 2025-01-01\n---\n\nFees are shown on the bill.",
            "---\nnext-review: 2026-03-01\n---\n\nExchanges are free.",
            "---\nreview-date: 2025-09-30\n---\n\nLeave requests are answered within 2 days.",
            "---\nnext_review: 2025-05-01\ntitle: Calls\n---\n\n# Calls\n\nAnswer calls within 30 seconds.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        missingMetadataFindings(Self.description, context, value: context.document.metadata.reviewDate)
    }
}
