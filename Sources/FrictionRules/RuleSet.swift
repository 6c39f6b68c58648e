import FrictionCore

/// Every built-in rule, ready to check documents against one compiled lexicon.
public struct RuleSet: Sendable {
    public let lexicon: CompiledLexicon
    private let analyzer: PolicyAnalyzer
    private let rules: [any Rule]
    /// `rules`' ids, alongside: asked for every rule of every file, a
    /// rule's `description` was built (and its strings retained) each time.
    private let ruleIdentifiers: [String]

    /// Every built-in rule type.
    public static let ruleTypes: [any Rule.Type] = [
        RigidRule.self, ScriptedRefusal.self, RuleAsReason.self, MissingEmpowerment.self, MissingRationale.self,
        ApprovalBottleneck.self, InternalHandoff.self, VagueCommitment.self, MissingOwner.self, MissingReviewDate.self,
        ParseError.self,
    ]

    /// All built-in rules.
    public init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
        self.analyzer = PolicyAnalyzer(lexicon: lexicon)
        self.rules = [
            RigidRule(), ScriptedRefusal(), RuleAsReason(), MissingEmpowerment(), MissingRationale(),
            ApprovalBottleneck(), InternalHandoff(), VagueCommitment(), MissingOwner(), MissingReviewDate(), ParseError(),
        ]
        self.ruleIdentifiers = rules.map { type(of: $0).description.identifier }
    }

    /// Every rule including parse-error, sorted by id.
    public var descriptions: [RuleDescription] {
        Self.ruleTypes.map { $0.description }.sorted { $0.identifier < $1.identifier }
    }

    /// Findings carry each rule's default severity; sorted in source order
    /// (`Finding.sourceOrder` / `Annotation.sourceOrder`).
    public func check(_ document: Document, reading: DocumentReading? = nil,
                      enabled: (String) -> Bool = { _ in true }) -> (findings: [Finding], annotations: [Annotation]) {
        check(document, analysis: analyzer.analyze(document, reading: reading), enabled: enabled)
    }

    /// The judgement alone, for a caller that reads a document a part at a
    /// time and must gather what each part says about the whole.
    public func analyze(_ document: Document, reading: DocumentReading? = nil) -> DocumentAnalysis {
        analyzer.analyze(document, reading: reading)
    }

    /// Findings and annotations from a judgement made with `analyze`.
    public func check(_ document: Document, analysis: DocumentAnalysis,
                      enabled: (String) -> Bool = { _ in true }) -> (findings: [Finding], annotations: [Annotation]) {
        let context = RuleContext(document: document, analysis: analysis)
        var findings: [Finding] = []
        for (rule, identifier) in zip(rules, ruleIdentifiers) where enabled(identifier) {
            findings += rule.check(context)
        }
        var annotations: [Annotation] = []
        let judgements = analysis.judgements
        for index in judgements.indices where judgements[index].isProse && !judgements[index].annotations.isEmpty {
            let sentence = document.sentences[judgements[index].sentence]
            for (kind, tokens) in judgements[index].annotations where !tokens.isEmpty {
                annotations.append(Annotation(kind: kind, range: sentence.sourceRange(ofTokens: tokens),
                                              text: sentence.text(ofTokens: tokens)))
            }
        }
        findings.sort(by: Finding.sourceOrder)
        annotations.sort(by: Annotation.sourceOrder)
        return (findings, annotations)
    }
}
