import FrictionCore

/// What every rule sees: the document and the shared analysis of it.
public struct RuleContext: Sendable {
    public let document: Document
    public let analysis: DocumentAnalysis

    public init(document: Document, analysis: DocumentAnalysis) {
        self.document = document
        self.analysis = analysis
    }

    /// A finding over tokens `tokens` of sentence `index`.
    public func finding(_ rule: RuleDescription, sentence index: Int, tokens: Range<Int>,
                        message: String? = nil, suggestion: String? = nil) -> Finding {
        let sentence = document.sentences[index]
        return Finding(rule: rule.identifier, severity: rule.defaultSeverity, message: message ?? rule.message,
                       range: sentence.sourceRange(ofTokens: tokens), text: sentence.text(ofTokens: tokens),
                       suggestion: suggestion ?? rule.suggestion)
    }
}

/// One rule: its specification and its check.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    public var ruleDescription: RuleDescription { Self.description }
}

/// A rule that looks at one sentence's judgement at a time.
protocol SentenceRule: Rule {
    func trigger(_ judgement: SentenceJudgement) -> SentenceJudgement.Trigger?
    func message(for text: String) -> String
}

extension SentenceRule {
    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // Read in place: bound to a variable, every judgement (seven
        // triggers and the annotations) was copied and retained, for each
        // of these rules.
        let judgements = context.analysis.judgements
        for index in judgements.indices where judgements[index].isProse {
            guard let trigger = trigger(judgements[index]) else { continue }
            let sentence = judgements[index].sentence
            let text = context.document.sentences[sentence].text(ofTokens: trigger.tokens)
            findings.append(context.finding(Self.description, sentence: sentence, tokens: trigger.tokens,
                                            message: message(for: text), suggestion: trigger.suggestion))
        }
        return findings
    }
}
