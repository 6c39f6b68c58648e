/// What the analysis concluded about one sentence. Token ranges are half-open
/// indices into the sentence's tokens.
public struct SentenceJudgement: Sendable {
    public struct Trigger: Sendable, Equatable {
        public var tokens: Range<Int>
        /// A suggestion from the lexicon entry that matched, if it has one.
        public var suggestion: String?
    }

    public var sentence: Int
    /// False for headings and table cells: they are labels, not rules.
    public var isProse: Bool
    /// An absolute restriction with no way out, not protective, not a promise.
    public var rigid: Trigger?
    /// Staff are told to refuse by pleading the rules or powerlessness.
    public var scriptedRefusal: Trigger?
    /// The rule itself is given as the reason.
    public var ruleAsReason: Trigger?
    /// Any restriction (rigid or carrying an exception), for rationale checks.
    public var restriction: Trigger?
    public var approvalBottleneck: Trigger?
    public var internalHandoff: Trigger?
    public var vagueCommitment: Trigger?
    public var annotations: [(kind: AnnotationKind, tokens: Range<Int>)] = []

    public init(sentence: Int, isProse: Bool) {
        self.sentence = sentence
        self.isProse = isProse
    }

    /// Forgets every friction judgement, keeping the annotations.
    public mutating func clearFriction() {
        rigid = nil
        scriptedRefusal = nil
        ruleAsReason = nil
        restriction = nil
        approvalBottleneck = nil
        internalHandoff = nil
        vagueCommitment = nil
    }

    public var hasRationale: Bool { annotations.contains { $0.kind == .rationale } }
    public var isEmpowering: Bool { annotations.contains { $0.kind == .empowerment || $0.kind == .escalation } }
    /// Counts as a restriction for section-level checks (rigid or scripted).
    public var restricts: Bool { rigid != nil || scriptedRefusal != nil || ruleAsReason != nil }
}

/// The analysis of a whole document: one judgement per sentence and the
/// sections that govern how customers are treated.
public struct DocumentAnalysis: Sendable {
    public var judgements: [SentenceJudgement]
    /// Indexed like `Document.sections`.
    public var customerFacingSections: [Bool]
    /// What kind of document it read as; only service policies get friction findings.
    public var reading: DocumentReading
    /// What the reading was decided from.
    public var evidence: ReadingEvidence
    /// Each sentence's matches with `matchedWith`, where the analysis needed
    /// them (every prose sentence; nil elsewhere): a later pass that reads
    /// other concepts of the same lexicon (culture coverage) takes them
    /// from here instead of matching again.
    public var matches: [LexiconMatches?] = []
    public var matchedWith: CompiledLexicon?

    public init(judgements: [SentenceJudgement], customerFacingSections: [Bool], reading: DocumentReading = .servicePolicy,
                evidence: ReadingEvidence = ReadingEvidence()) {
        self.judgements = judgements
        self.customerFacingSections = customerFacingSections
        self.reading = reading
        self.evidence = evidence
    }
}

/// What a document's sentences say about what kind of document it is.
/// Counts add up, so a large file read a part at a time is read as a whole:
/// gather each part's evidence, combine, and decide once.
public struct ReadingEvidence: Sendable, Equatable {
    public var isLegislation = false
    public var declaresAudience = false
    /// Prose sentences, those naming the people served or what they ask
    /// for, and those in the wording of legal drafting.
    public private(set) var sentences = 0
    public private(set) var aboutService = 0
    public private(set) var drafted = 0

    /// Documents shorter than this are judged on their own words: too few
    /// sentences to tell what kind of document they are.
    public static let sentencesToTell = 10
    /// Share of sentences about the people served, at or above which a long
    /// document reads as a service policy.
    public static let serviceShare = 0.2
    /// Share of sentences of legal drafting, at or above which a document
    /// (two such sentences at least) reads as a regulation or a contract.
    public static let draftingShare = 0.10

    public init(isLegislation: Bool = false, declaresAudience: Bool = false) {
        self.isLegislation = isLegislation
        self.declaresAudience = declaresAudience
    }

    public mutating func count(sentenceAboutService: Bool, drafted isDrafted: Bool) {
        sentences += 1
        if sentenceAboutService { aboutService += 1 }
        if isDrafted { drafted += 1 }
    }

    public mutating func add(_ other: ReadingEvidence) {
        isLegislation = isLegislation || other.isLegislation
        declaresAudience = declaresAudience || other.declaresAudience
        sentences += other.sentences
        aboutService += other.aboutService
        drafted += other.drafted
    }

    public var reading: DocumentReading {
        if isLegislation { return .legislation }
        if declaresAudience { return .servicePolicy }
        // Two sentences at least: one "shall" in a short text proves nothing.
        if drafted >= 2 && Double(drafted) >= Self.draftingShare * Double(sentences) { return .legalDrafting }
        guard sentences >= Self.sentencesToTell else { return .servicePolicy }
        return Double(aboutService) < Self.serviceShare * Double(sentences) ? .otherGuidance : .servicePolicy
    }
}

/// What kind of document a policy file reads as, from its vocabulary.
public enum DocumentReading: String, Sendable {
    /// Rules for serving people (customers, or employees served by HR):
    /// judged for friction.
    case servicePolicy = "service policy"
    /// A statute in a legislation vocabulary (USLM, Akoma Ntoso, ...).
    case legislation
    /// Regulation or contract text ("shall" throughout).
    case legalDrafting = "legal drafting"
    /// Long guidance that is not about serving anyone (a runbook, a code of
    /// conduct, a blog post).
    case otherGuidance = "other guidance"
}
