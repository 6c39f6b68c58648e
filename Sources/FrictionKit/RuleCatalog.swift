import Foundation
import FrictionCore
import FrictionRules

/// The rules' own descriptions, for `friction rules`, `friction explain` and
/// the generated docs.
public enum RuleCatalog {
    public static func descriptions() throws -> [RuleDescription] {
        RuleSet(lexicon: try LexiconLoader.load()).descriptions
    }

    /// Plain text for `friction explain`.
    public static func explanation(of rule: RuleDescription) -> String {
        var text = "\(rule.identifier): \(rule.name)\n"
        text += "category: \(rule.category.rawValue), scope: \(rule.scope.rawValue), default severity: \(rule.defaultSeverity.rawValue)\n\n"
        text += "\(rule.message)\n\nWhy it matters\n  \(rule.rationale)\n\nHow to fix it\n  \(rule.suggestion)\n"
        if !rule.triggeringExamples.isEmpty {
            text += "\nFlagged (↓ marks where the finding starts)\n"
            text += rule.triggeringExamples.map { "  - " + $0.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n") + "\n"
        }
        if !rule.nonTriggeringExamples.isEmpty {
            text += "\nNot flagged\n"
            text += rule.nonTriggeringExamples.map { "  - " + $0.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
