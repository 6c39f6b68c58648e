/// How strongly a policy (or the rulebook) addresses a framework element.
public enum CoverageLevel: Int, Sendable, Comparable, CaseIterable {
    /// Nothing in the text.
    case none = 0
    /// Only sentences that mention the topic without stating a policy on it.
    case mentioned = 1
    /// At least one statement of policy.
    case addressed = 2
    /// Several statements of policy (or several policies, for the rulebook).
    case strong = 3

    public static func < (lhs: CoverageLevel, rhs: CoverageLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var name: String {
        switch self {
        case .none: "none"
        case .mentioned: "mentioned"
        case .addressed: "addressed"
        case .strong: "strong"
        }
    }

    public var isAddressed: Bool { self >= .addressed }
}

/// One sentence that shows a policy addresses an element.
public struct CoverageEvidence: Sendable, Equatable {
    /// Index into `Document.sentences`.
    public var sentence: Int
    public var range: SourceRange
    /// The whole sentence.
    public var text: String
    /// The words that matched the element.
    public var matched: String
    /// The sentence states policy (an obligation, permission, commitment or instruction).
    public var isStatement: Bool
}

/// One element in one policy.
public struct ElementCoverage: Sendable, Equatable {
    public var id: String
    public var level: CoverageLevel
    /// The best evidence first (statements, then in source order), at most `CoverageAnalyzer.evidenceLimit`.
    public var evidence: [CoverageEvidence]
    /// All matching sentences: statements of policy and mentions.
    public var statements: Int
    public var mentions: Int
}

public struct FrameworkCoverage: Sendable, Equatable {
    public var id: String
    /// In the framework's order, one per element.
    public var elements: [ElementCoverage]

    public var addressedCount: Int { elements.filter { $0.level.isAddressed }.count }
}

/// Coverage of one policy, one entry per framework in the run's order.
public struct DocumentCoverage: Sendable, Equatable {
    public var frameworks: [FrameworkCoverage]
}

/// The whole rulebook measured against one framework.
public struct RulebookFrameworkCoverage: Sendable {
    public struct Element: Sendable {
        public var element: FrameworkElement
        public var level: CoverageLevel
        /// Policies that address the element.
        public var policies: Int
        /// Best evidence across the rulebook: (file path, evidence), statements first.
        public var evidence: [(path: String, evidence: CoverageEvidence)]
    }

    public var framework: Framework
    public var elements: [Element]

    public var addressedCount: Int { elements.filter { $0.level.isAddressed }.count }
    public var missing: [Element] { elements.filter { !$0.level.isAddressed } }
}

/// The rulebook-level checklist, combined from the policies' coverage.
public enum RulebookCoverage {
    /// `files` in report order; files without coverage (unreadable) are skipped.
    public static func combine(frameworks: [Framework], files: [(path: String, coverage: DocumentCoverage?)],
                               evidenceLimit: Int = 5) -> [RulebookFrameworkCoverage] {
        frameworks.enumerated().map { f, framework in
            let elements = framework.elements.enumerated().map { e, element -> RulebookFrameworkCoverage.Element in
                var policies = 0, best = CoverageLevel.none
                var statements: [(path: String, evidence: CoverageEvidence)] = []
                var mentions: [(path: String, evidence: CoverageEvidence)] = []
                for file in files {
                    guard let coverage = file.coverage, f < coverage.frameworks.count,
                          e < coverage.frameworks[f].elements.count else { continue }
                    let here = coverage.frameworks[f].elements[e]
                    if here.level.isAddressed { policies += 1 }
                    best = max(best, here.level)
                    for item in here.evidence {
                        if item.isStatement { statements.append((file.path, item)) } else { mentions.append((file.path, item)) }
                    }
                }
                let level: CoverageLevel = policies >= 2 ? .strong : best
                return .init(element: element, level: level, policies: policies,
                             evidence: Array((statements + mentions).prefix(evidenceLimit)))
            }
            return RulebookFrameworkCoverage(framework: framework, elements: elements)
        }
    }
}
