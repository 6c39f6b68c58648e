import FrictionCore

/// One policy as the audit report sees it: its lint result and, when it
/// could be parsed, the document whose structure the report re-renders.
public struct AuditedPolicy: Sendable {
    public var file: FileReport
    public var document: Document?
    /// The source split into lines (line 1 is `sourceLines[0]`), used to
    /// tell numbered lists from bulleted ones. May be empty.
    public var sourceLines: [String]

    public init(file: FileReport, document: Document?, sourceLines: [String] = []) {
        self.file = file
        self.document = document
        self.sourceLines = sourceLines
    }

    public var title: String {
        if let title = document?.metadata.title ?? file.metadata?.title, !title.isEmpty { return title }
        if let heading = document?.sections.first?.heading, !heading.isEmpty { return heading }
        return file.path
    }
}

/// Everything the audit report shows: the lint report (the same findings
/// `friction lint` gives for the same input) and the parsed policies.
public struct AuditReport: Sendable {
    public var lint: LintReport
    /// In the order of `lint.files`.
    public var policies: [AuditedPolicy]

    public init(lint: LintReport, policies: [AuditedPolicy]) {
        self.lint = lint
        self.policies = policies
    }

    public func rule(_ identifier: String) -> RuleDescription? {
        lint.rules.first { $0.identifier == identifier }
    }

    /// Policies from most friction (lowest score) to least; unreadable files first.
    public var policiesByFriction: [(index: Int, policy: AuditedPolicy)] {
        policies.enumerated().map { (index: $0.offset, policy: $0.element) }.sorted { lhs, rhs in
            let left = lhs.policy.file.score ?? -1, right = rhs.policy.file.score ?? -1
            return left != right ? left < right : lhs.policy.file.path < rhs.policy.file.path
        }
    }

    /// Finding counts by rule, most frequent first.
    public var countsByRule: [(rule: String, count: Int)] {
        var counts: [String: Int] = [:]
        for finding in lint.findings { counts[finding.rule, default: 0] += 1 }
        return counts.map { (rule: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule < $1.rule }
    }

    /// The words a manager reads about the score, shared by both formats.
    static let scoreSummary = """
        Each policy scores 0 to 100, where 100 means no friction was found. Findings cost points by \
        severity, spread over the policy's length, so the score falls as friction gets denser.
        """

    static let scoreDetails = [
        "Each finding costs points by severity: error 3, warning 2, info 1.",
        "The points are divided by the policy's length in tens of sentences (a policy under 10 sentences counts as 10). That gives the friction density.",
        "The score is 100 / (1 + density / 4), rounded down. One warning in ten sentences scores 66; four warnings in ten sentences score 33.",
        "More friction never raises the score. The rulebook's score uses the same formula over all its sentences together.",
        "Grades: A is 80 and above, B 65 and above, C 50 and above, D 35 and above, E below 35.",
    ]

    static let annotationMeaning: [AnnotationKind: String] = [
        .empowerment: "Gives staff discretion, authority or a budget to put things right.",
        .escalation: "Names a concrete route to someone who can decide beyond the front line.",
        .rationale: "Explains the reason behind the rule, so staff can explain it to customers.",
        .exception: "Says how an exception is made, so the rule is not a dead end.",
        .commitment: "Makes a clear promise to the customer.",
    ]
}

/// An audit report format (`friction report --format NAME`).
public protocol AuditRenderer: Sendable {
    static var name: String { get }
    init()
    func render(_ report: AuditReport) -> String
}

public enum AuditRenderers {
    public static let all: [any AuditRenderer.Type] = [HTMLAuditRenderer.self, MarkdownAuditRenderer.self]

    public static var names: [String] { all.map { $0.name } }

    public static func named(_ name: String) throws -> any AuditRenderer {
        guard let type = all.first(where: { $0.name == name }) else {
            throw FrictionError.usage("unknown report format '\(name)'; choose one of: \(names.joined(separator: ", "))")
        }
        return type.init()
    }
}
