/// The groups rules belong to, from the service-culture ideas they check.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    case rigidity
    case refusal
    case empowerment
    case rationale
    case decisionRights = "decision-rights"
    case internalService = "internal-service"
    case commitments
    case governance
    case input
}

/// What a rule looks at: one sentence, a section, or the whole document.
public enum RuleScope: String, Sendable, Codable {
    case sentence
    case section
    case document
}

/// A rule's specification. The docs, `friction explain` and the tests are
/// all generated from it, so examples are the spec (as in SwiftLint).
///
/// Examples are Markdown. In a triggering example, `↓` marks where a finding
/// must start (the marker is removed before the example is linted); a
/// non-triggering example must give no finding from this rule.
public struct RuleDescription: Sendable, Equatable {
    public var identifier: String
    public var name: String
    public var category: RuleCategory
    public var scope: RuleScope
    public var defaultSeverity: Severity
    /// One line naming the problem, used as the finding's message when the
    /// rule has nothing more specific to say.
    public var message: String
    /// The service-culture principle behind the rule.
    public var rationale: String
    /// How to fix it.
    public var suggestion: String
    public var triggeringExamples: [String]
    public var nonTriggeringExamples: [String]

    /// The marker that shows where a finding starts in a triggering example.
    public static let marker: Character = "↓"

    public init(identifier: String, name: String, category: RuleCategory, scope: RuleScope,
                defaultSeverity: Severity, message: String, rationale: String, suggestion: String,
                triggeringExamples: [String], nonTriggeringExamples: [String]) {
        self.identifier = identifier
        self.name = name
        self.category = category
        self.scope = scope
        self.defaultSeverity = defaultSeverity
        self.message = message
        self.rationale = rationale
        self.suggestion = suggestion
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
