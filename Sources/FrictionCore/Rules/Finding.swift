/// A problem a rule found: which rule, how severe, where, and the words.
public struct Finding: Sendable, Equatable {
    /// Stable kebab-case rule identifier (`rigid-rule`).
    public var rule: String
    public var severity: Severity
    /// Names the problem in plain words.
    public var message: String
    /// Exact source range of the words that triggered the finding.
    public var range: SourceRange
    /// The matched words as they stand in the source (markup removed).
    public var text: String
    /// A suggested rewrite, where one fits.
    public var suggestion: String?

    public init(rule: String, severity: Severity, message: String, range: SourceRange, text: String, suggestion: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.text = text
        self.suggestion = suggestion
    }
}

/// What a policy does well, shown in reports next to the findings.
public enum AnnotationKind: String, Sendable, Codable, CaseIterable {
    /// Staff are given discretion, authority or a budget.
    case empowerment
    /// A concrete route to someone who can decide beyond the front line.
    case escalation
    /// The reason behind a rule is given.
    case rationale
    /// A restriction names how an exception is made.
    case exception
    /// A promise to the customer.
    case commitment
}

public struct Annotation: Sendable, Equatable {
    public var kind: AnnotationKind
    public var range: SourceRange
    public var text: String

    public init(kind: AnnotationKind, range: SourceRange, text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }
}

extension Finding {
    /// Findings and annotations are reported in source order; ties by rule.
    public static func sourceOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.range.end < rhs.range.end
    }
}

extension Annotation {
    public static func sourceOrder(_ lhs: Annotation, _ rhs: Annotation) -> Bool {
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
        return lhs.range.end < rhs.range.end
    }
}
