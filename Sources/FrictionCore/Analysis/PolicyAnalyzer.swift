/// Judges sentences in context: the lexicon finds candidate wording, and the
/// analyzer decides what it means (an exception in the same sentence, a
/// protective purpose, a promise, quoted guidance, a description).
public struct PolicyAnalyzer: Sendable {
    public let lexicon: CompiledLexicon

    /// Every lexicon concept the rules read: the rules' lexicon matches these
    /// and no others (see `LexiconLoader.load`).
    public static let conceptNames: Set<String> = [
        "rigid", "scripted-refusal", "rule-as-reason", "instruction", "anti-friction", "exception", "empowerment",
        "escalation", "rationale", "protective", "commitment", "descriptive", "approval-bottleneck",
        "internal-handoff", "vague-commitment", "customer-facing", "internal-section", "external-route", "legal-text",
        "non-rule", "service-action", "service-context", "legal-drafting", "service-verb", "reader-obligation",
    ]

    struct Concepts: Sendable {
        let rigid, scripted, ruleAsReason, instruction, antiFriction, exception, empowerment, escalation,
            rationale, protective, commitment, descriptive, bottleneck, handoff, vague, customerFacing,
            internalSection, externalRoute, legalText, nonRule, serviceAction, serviceContext, legalDrafting, serviceVerb, readerObligation: Int?

        init(_ lexicon: CompiledLexicon) {
            // Through `conceptNames`: a concept read here and missing there
            // would never be matched (`LexiconLoader.load`).
            func concept(_ name: String) -> Int? {
                precondition(PolicyAnalyzer.conceptNames.contains(name), "\(name) is not in PolicyAnalyzer.conceptNames")
                return lexicon.concept(name)
            }
            rigid = concept("rigid")
            scripted = concept("scripted-refusal")
            ruleAsReason = concept("rule-as-reason")
            instruction = concept("instruction")
            antiFriction = concept("anti-friction")
            exception = concept("exception")
            empowerment = concept("empowerment")
            escalation = concept("escalation")
            rationale = concept("rationale")
            protective = concept("protective")
            commitment = concept("commitment")
            descriptive = concept("descriptive")
            bottleneck = concept("approval-bottleneck")
            handoff = concept("internal-handoff")
            vague = concept("vague-commitment")
            customerFacing = concept("customer-facing")
            internalSection = concept("internal-section")
            externalRoute = concept("external-route")
            legalText = concept("legal-text")
            nonRule = concept("non-rule")
            serviceAction = concept("service-action")
            serviceContext = concept("service-context")
            legalDrafting = concept("legal-drafting")
            serviceVerb = concept("service-verb")
            readerObligation = concept("reader-obligation")
        }
    }

    let concepts: Concepts

    public init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
        self.concepts = Concepts(lexicon)
    }

    /// Judges `document`. `reading` overrides what the document reads as:
    /// a part of a large file is judged as the whole file was read (see
    /// `ReadingEvidence`), not on its own vocabulary.
    public func analyze(_ document: Document, reading override: DocumentReading? = nil) -> DocumentAnalysis {
        // Each sentence is matched against the lexicon at most once, and
        // only when a judgement or a section needs it.
        var cache = MatchCache(lexicon: lexicon, count: document.sentences.count)
        defer { lexicon.recycle(cache.scratch) }
        var judgements: [SentenceJudgement] = []
        judgements.reserveCapacity(document.sentences.count)
        // Sentences are read in place: bound to a variable, each was copied,
        // its four buffers retained and released. `judge` takes the tokens
        // and reads a character only at a quotation mark.
        let sentences = document.sentences
        for index in sentences.indices {
            let prose = Self.isProse(sentences[index].blockKind, sentences[index].tokens)
            guard prose, !sentences[index].tokens.isEmpty else {
                judgements.append(SentenceJudgement(sentence: index, isProse: prose))
                continue
            }
            let tokens = sentences[index].tokens
            judgements.append(judge(tokens, index: index, prose: true, scalar: { sentences[index].scalar(at: $0) },
                                    matching: { cache.matches(index, tokens) }))
        }
        let evidence = gatherEvidence(document, judgements: judgements, cache: &cache)
        let reading = override ?? evidence.reading
        var customerFacing: [Bool] = []
        if reading == .servicePolicy {
            let bodyBlocks = document.bodyBlocksBySection()
            customerFacing.reserveCapacity(document.sections.count)
            for (index, section) in document.sections.enumerated() {
                customerFacing.append(isCustomerFacing(document, heading: section, bodyBlocks: bodyBlocks[index], cache: &cache))
            }
        } else {
            // A statute's "shall not" is law and a runbook's "never" is about
            // servers, not frontline rules: keep what the text does well,
            // drop what would read as friction.
            for index in judgements.indices { judgements[index].clearFriction() }
            customerFacing = Array(repeating: false, count: document.sections.count)
        }
        var analysis = DocumentAnalysis(judgements: judgements, customerFacingSections: customerFacing, reading: reading, evidence: evidence)
        (analysis.matches, analysis.matchedWith) = (cache.slots, lexicon)
        return analysis
    }

    /// How many tokens after a negated modal the verb it limits may stand
    /// ("may not [, in any event,] be reduced").
    static let verbAfterModal = 4
    /// How far from an adverbial ("regardless of", "only") the verb of its
    /// clause may stand ("are paid at the published rate only"), and how far
    /// after any weak wording the people or things it limits may be named.
    static let verbAroundAdverbial = 6

    /// What the document's vocabulary says about what kind of document it is.
    private func gatherEvidence(_ document: Document, judgements: [SentenceJudgement], cache: inout MatchCache) -> ReadingEvidence {
        var evidence = ReadingEvidence(isLegislation: document.isLegislation, declaresAudience: document.metadata.audience != nil)
        guard !evidence.isLegislation && !evidence.declaresAudience else { return evidence }
        for index in judgements.indices where judgements[index].isProse && !document.sentences[index].tokens.isEmpty {
            let matches = cache.matches(index, document.sentences[index].tokens)
            evidence.count(sentenceAboutService: matches.has(concepts.serviceContext), drafted: matches.has(concepts.legalDrafting))
        }
        return evidence
    }

    /// Lexicon matches of a document's sentences, computed on first use.
    private struct MatchCache {
        let lexicon: CompiledLexicon
        var slots: [LexiconMatches?]
        var scratch: CompiledLexicon.MatchScratch

        init(lexicon: CompiledLexicon, count: Int) {
            self.lexicon = lexicon
            scratch = lexicon.borrowScratch()
            slots = Array(repeating: nil, count: count)
        }

        mutating func matches(_ index: Int, _ tokens: [Token]) -> LexiconMatches {
            if let known = slots[index] { return known }
            let found = lexicon.matches(in: tokens, scratch: &scratch)
            slots[index] = found
            return found
        }
    }

    // MARK: Sections

    private func isCustomerFacing(_ document: Document, heading section: Section, bodyBlocks: [Int],
                                  cache: inout MatchCache) -> Bool {
        let block = document.blocks[section.headingBlock]
        for index in block.sentences where cache.matches(index, document.sentences[index].tokens).has(concepts.internalSection) {
            return false
        }
        // A section about serving people talks about them throughout; a
        // tool walkthrough in a support handbook mentions a customer once.
        var sentences = 0
        var aboutService = 0
        for blockIndex in bodyBlocks {
            for index in document.blocks[blockIndex].sentences
            where !document.sentences[index].tokens.isEmpty && document.sentences[index].blockKind != .tableCell {
                sentences += 1
                if cache.matches(index, document.sentences[index].tokens).has(concepts.serviceContext) { aboutService += 1 }
            }
        }
        return aboutService > 0 && Double(aboutService) >= Self.customerFacingShare * Double(sentences)
    }

    /// Share of a section's sentences that must name the people served or
    /// what they ask for, for the section to count as customer-facing.
    static let customerFacingShare = 0.25

    // MARK: Sentences

    public func judge(_ sentence: Sentence, index: Int) -> SentenceJudgement {
        judge(sentence.tokens, index: index, prose: Self.isProse(sentence.blockKind, sentence.tokens),
              scalar: sentence.scalar(at:), matching: { lexicon.matches(in: sentence.tokens) })
    }

    /// Running prose, the only text judged: no heading or table cell, and English.
    private static func isProse(_ kind: BlockKind, _ tokens: [Token]) -> Bool {
        kind != .heading && kind != .tableCell && readsAsEnglish(tokens)
    }

    /// Judges the sentence with these tokens. `prose`: `isProse` of the
    /// sentence, worked out by the caller; `scalar`: the sentence's
    /// character at an offset.
    private func judge(_ tokens: [Token], index: Int, prose: Bool, scalar: (Int) -> Unicode.Scalar,
                       matching: () -> LexiconMatches) -> SentenceJudgement {
        var judgement = SentenceJudgement(sentence: index, isProse: prose)
        guard prose, !tokens.isEmpty else { return judgement }
        let matches = matching()
        // Everything below starts from a match: a sentence with none (many
        // are) is judged here, without its quotation marks or clauses.
        guard !matches.all.isEmpty else { return judgement }
        let quoted = Self.quotedTokens(tokens, scalar: scalar)
        let conditionEnd = Self.conditionalPrefixEnd(tokens)
        let end = Self.contentEnd(tokens)

        func outsideQuotes(_ m: LexiconMatch) -> Bool { !quoted[m.tokens.lowerBound] }
        func trigger(_ m: LexiconMatch) -> SentenceJudgement.Trigger {
            let suggestion = lexicon.entries[m.entry].suggestion
            return .init(tokens: m.tokens, suggestion: suggestion?.isEmpty == false ? suggestion : nil)
        }

        let antiFriction = matches.of(concepts.antiFriction)
        let protective = matches.has(concepts.protective)
        // Legislation and contract clauses bind governments and contractors:
        // their absolutes are law, not a frontline rule, so they read like
        // descriptions here.
        let descriptive = matches.has(concepts.descriptive) || matches.has(concepts.legalText)
        let external = matches.has(concepts.externalRoute)
        let commitments = matches.of(concepts.commitment).filter(outsideQuotes)
        let rigidAll = matches.of(concepts.rigid)

        // Positive annotations.
        var barrierRemoval: [Range<Int>] = []
        var empowerments: [Range<Int>] = []
        if !external {
            for m in matches.of(concepts.empowerment) {
                let id = lexicon.entries[m.entry].id
                let removesBarrier = id.hasPrefix("without-") || id.hasPrefix("no-approval") || id.hasPrefix("do-not-need")
                    || id.hasPrefix("never-need")
                if removesBarrier {
                    // "without manager approval" grants power only when nothing before it forbids.
                    if id.hasPrefix("without-"),
                       rigidAll.contains(where: { $0.tokens.lowerBound < m.tokens.lowerBound && !quoted[$0.tokens.lowerBound] }) { continue }
                    barrierRemoval.append(m.tokens)
                } else if customerIsSubject(before: m.tokens.lowerBound, tokens: tokens, matches: matches) {
                    continue
                } else if id.hasPrefix("budget"),
                          !matches.of(concepts.empowerment).contains(where: { !lexicon.entries[$0.entry].id.hasPrefix("budget") }) {
                    // A budget counts only alongside a grant ("may offer ... up to $50").
                    continue
                }
                if quoted[m.tokens.lowerBound] { continue }
                empowerments.append(m.tokens)
            }
            for range in Self.merge(empowerments) { judgement.annotations.append((.empowerment, range)) }
        }
        var escalations: [Range<Int>] = []
        if !external {
            for m in matches.of(concepts.escalation) { escalations.append(m.tokens) }
            for range in Self.merge(escalations) { judgement.annotations.append((.escalation, range)) }
        }
        for m in matches.of(concepts.rationale) where outsideQuotes(m) {
            judgement.annotations.append((.rationale, m.tokens.lowerBound..<max(m.tokens.upperBound, end)))
            break
        }
        if let promise = commitments.first, !descriptive {
            judgement.annotations.append((.commitment, promise.tokens.lowerBound..<max(promise.tokens.upperBound, end)))
        }

        // Guidance against friction (including quoted phrases to avoid) is never friction.
        let isAntiFriction = !antiFriction.isEmpty

        // Candidate restriction wording.
        let nonRules = matches.of(concepts.nonRule)
        // Weak wording ("may not", "never", "only") is a restriction only
        // next to the people or things a service deals in.
        let mentionsService = matches.has(concepts.customerFacing)
        let serviceVerbs = matches.of(concepts.serviceVerb)
        let servedSubjects = matches.of(concepts.serviceContext)
        let serviceWords = matches.of(concepts.customerFacing)
        let candidates = rigidAll.filter { m in
            if m.tokens.lowerBound < conditionEnd { return false }
            // "It may not be practical", "this won't work": possibility, not a rule.
            if nonRules.contains(where: { $0.tokens.overlaps(m.tokens) }) { return false }
            if barrierRemoval.contains(where: { $0.overlaps(m.tokens) || $0.lowerBound == m.tokens.upperBound }) { return false }
            if commitments.contains(where: { $0.tokens.overlaps(m.tokens) }) { return false }
            if lexicon.entries[m.entry].weight < 0.8 {
                // Weak wording limits a service only when it names whom it is
                // about and limits a verb of serving ("agents may not reduce
                // the fee"), not a thing's state ("may not be compatible").
                guard mentionsService else { return false }
                guard limitsServing(m, tokens: tokens, verbs: serviceVerbs, served: servedSubjects, serviceWords: serviceWords) else { return false }
            }
            return true
        }
        let outside = candidates.filter(outsideQuotes)
        let exception = matches.of(concepts.exception).first
        let hasWayOut = exception != nil || !escalations.isEmpty

        // Scripted refusals and rule-as-reason.
        if !isAntiFriction && !protective && escalations.isEmpty {
            let instructions = matches.of(concepts.instruction).filter {
                outsideQuotes($0) && !Self.describesSomeoneElse(tokens, before: $0.tokens.lowerBound)
            }
            if let instruction = instructions.first {
                let after = instruction.tokens.upperBound
                let reason = matches.of(concepts.ruleAsReason).first { $0.tokens.lowerBound >= after }
                let refusal = matches.of(concepts.scripted).first { $0.tokens.lowerBound >= after }
                    ?? candidates.first { $0.tokens.lowerBound >= after && lexicon.entries[$0.entry].weight >= 0.6 }
                if let hit = reason ?? refusal {
                    let range = instruction.tokens.lowerBound..<max(hit.tokens.upperBound, instruction.tokens.upperBound)
                    if reason != nil {
                        judgement.ruleAsReason = .init(tokens: range, suggestion: lexicon.entries[hit.entry].suggestion)
                    } else {
                        judgement.scriptedRefusal = .init(tokens: range, suggestion: lexicon.entries[hit.entry].suggestion)
                    }
                }
            }
            if judgement.ruleAsReason == nil && judgement.scriptedRefusal == nil,
               let reason = matches.of(concepts.ruleAsReason).first(where: { outsideQuotes($0) && lexicon.entries[$0.entry].weight >= 0.8 }),
               lexicon.entries[reason.entry].id.hasPrefix("because") {
                judgement.ruleAsReason = trigger(reason)
            }
        }

        // Rigid rules.
        let judgeable = !isAntiFriction && !protective && !descriptive && commitments.isEmpty
        if let strongest = Self.strongest(outside, weight: { lexicon.entries[$0.entry].weight }) {
            // The finding quotes the whole absolute ("will not be issued under
            // any circumstances"), not its first two words; the suggestion is
            // the strongest wording's.
            var first = strongest
            var span = Self.span(around: strongest.tokens, joining: outside.map(\.tokens))
            // "cannot" says less than "cannot be changed": a negated modal is
            // quoted with the verb of serving it limits.
            if Self.limitsVerbAfter(span, in: tokens),
               let verb = serviceVerbs.first(where: { $0.tokens.lowerBound >= span.upperBound && $0.tokens.lowerBound - span.upperBound <= 1 }) {
                span = span.lowerBound..<verb.tokens.upperBound
            }
            first.tokens = Self.trimmingPunctuation(span, in: tokens)
            // Only restrictions that could be friction need a reason given;
            // a safety rule or a promise does not.
            if judgeable { judgement.restriction = trigger(first) }
            if hasWayOut {
                if let exception {
                    judgement.annotations.append((.exception, exception.tokens.lowerBound..<max(exception.tokens.upperBound, end)))
                }
            } else if judgeable && judgement.scriptedRefusal == nil && judgement.ruleAsReason == nil {
                judgement.rigid = trigger(first)
            }
        }

        // Other rules.
        if !isAntiFriction && !descriptive {
            // A decision far away matters when it is a customer's (a refund,
            // a fee, a booking), not a vendor quote or an equity grant.
            if let m = matches.of(concepts.bottleneck).first(where: outsideQuotes), matches.has(concepts.serviceContext) {
                judgement.approvalBottleneck = trigger(m)
            }
            if let m = matches.of(concepts.handoff).first(where: outsideQuotes) { judgement.internalHandoff = trigger(m) }
            // Vague wording matters where it times something done for the
            // customer ("we will reply as soon as possible"), not in a job ad.
            if let m = matches.of(concepts.vague).first(where: outsideQuotes), !tokens.contains(where: { $0.kind == .number }),
               matches.has(concepts.serviceAction),
               // "You must tell us as soon as possible" is a deadline for the
               // reader, not a promise to them.
               !matches.of(concepts.readerObligation).contains(where: { $0.tokens.lowerBound < m.tokens.lowerBound }),
               // "quickly", "promptly" promise only in a promise ("we will
               // reply promptly"), not in a description of the work.
               lexicon.entries[m.entry].weight >= 0.8
                || tokens[..<m.tokens.lowerBound].contains(where: { Self.promiseWords.contains($0.normalized) }) {
                judgement.vagueCommitment = trigger(m)
            }
        }
        // Most sentences have none: sorting an empty array still allocated a copy.
        if judgement.annotations.count > 1 { judgement.annotations.sort { $0.tokens.lowerBound < $1.tokens.lowerBound } }
        return judgement
    }

    /// Whether weak absolute wording limits serving someone: it limits a
    /// verb of serving ("agents may not reduce the fee"), its subject is the
    /// people served or what they ask for ("passengers may not repack"), or
    /// what it rules out is a service thing ("no outside food"). A thing's
    /// state ("may not be compatible", "will not save") is none of these.
    private func limitsServing(_ m: LexiconMatch, tokens: [Token], verbs: ArraySlice<LexiconMatch>, served: ArraySlice<LexiconMatch>,
                               serviceWords: ArraySlice<LexiconMatch>) -> Bool {
        let start = m.tokens.lowerBound
        let end = m.tokens.upperBound
        // A negated modal limits the verb after it; other wording ("are
        // paid at the published rate only") the verb of its clause.
        let window = Self.limitsVerbAfter(m.tokens, in: tokens)
            ? start..<min(end + Self.verbAfterModal, tokens.count)
            : max(0, start - Self.verbAroundAdverbial)..<min(end + Self.verbAroundAdverbial, tokens.count)
        if verbs.contains(where: { window.overlaps($0.tokens) }) { return true }
        // Whom it is about: the subject just before ("passengers may not"),
        // or the people or things named in the clause it limits ("must not
        // commit the team to a refund", "cannot be withdrawn by customer
        // service staff").
        if served.contains(where: { $0.tokens.upperBound <= start && start - $0.tokens.upperBound <= 2 }) { return true }
        if served.contains(where: { $0.tokens.lowerBound >= end && $0.tokens.lowerBound - end < Self.verbAroundAdverbial }) { return true }
        return serviceWords.contains { $0.tokens.lowerBound >= end && $0.tokens.lowerBound - end <= 1 }
    }

    /// A negated modal ("may not", "will never", "can only be") limits the
    /// verb after it.
    static func limitsVerbAfter(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        ["not", "never", "only", "be"].contains(tokens[range.upperBound - 1].normalized)
    }

    /// "Customers may cancel at any time" grants the customer, not staff.
    private func customerIsSubject(before start: Int, tokens: [Token], matches: LexiconMatches) -> Bool {
        let customerEntries = matches.of(concepts.customerFacing).filter { lexicon.entries[$0.entry].id == "customer-words" }
        return customerEntries.contains { $0.tokens.upperBound <= start && start - $0.tokens.upperBound <= 3 }
            && !tokens[max(0, start - 4)..<start].contains { ["staff", "agents", "agent", "you", "we", "team", "manager", "managers"].contains($0.normalized) }
    }

    /// Words that make a sentence a promise about timing.
    private static let promiseWords: Set<String> = ["will", "shall", "we", "our", "aim", "aims", "promise", "commit", "guarantee"]

    /// "This policy explains...", "the account holder says...": the verb
    /// reports what someone else says; it does not tell staff what to say.
    private static let reportingSubjects: Set<String> = [
        "policy", "procedure", "guide", "document", "section", "this", "it", "which", "holder", "customer",
        "caller", "he", "she", "they", "someone", "nobody", "everyone", "who", "law", "contract", "agreement",
    ]

    static func describesSomeoneElse(_ tokens: [Token], before index: Int) -> Bool {
        guard index > 0 else { return false }
        return reportingSubjects.contains(tokens[index - 1].normalized)
    }

    /// English function words: a sentence of six words or more with none of
    /// them is in another language, and English lexicons say nothing about it.
    /// A word table, probed with the token's text as two integers: every
    /// word of nearly every sentence is looked up here.
    private static let englishFunctionWords: WordTable = {
        var table = WordTable()
        // Words that are not also common in Spanish, Portuguese, Italian or
        // French ("no", "a", "do", "in", "on" are left out for that reason).
        for word in [
            "the", "an", "to", "of", "and", "or", "is", "are", "be", "for", "with", "you", "we",
            "not", "will", "it", "this", "that", "by", "at", "as", "if", "your", "our", "may", "can", "must",
            "from", "all", "any", "they", "their", "has", "have", "was", "were", "does", "shall", "only",
        ] { _ = table.insert(word) }
        return table
    }()

    static func readsAsEnglish(_ tokens: [Token]) -> Bool {
        var words = 0
        for token in tokens where token.kind == .word {
            if englishFunctionWords.id(of: token) != nil { return true }
            words += 1
        }
        return words < 6
    }

    /// End of the last word (token index), ignoring final punctuation.
    static func contentEnd(_ tokens: [Token]) -> Int {
        var end = tokens.count
        while end > 1, tokens[end - 1].kind == .punctuation || tokens[end - 1].kind == .quote { end -= 1 }
        return end
    }

    /// "If, after trying ..., you still cannot ..." : a comma followed by a
    /// preposition or conjunction continues the condition. (Built once: as
    /// a local, every conditional sentence built the set again.) Words are
    /// compared as token texts here: `normalized` made a string of each
    /// token read, for every sentence.
    private static let conditionContinuing = [
        "after", "before", "when", "for", "in", "on", "at", "with", "and", "or", "despite",
        "having", "following", "even", "including", "without", "within", "by",
    ].map(TokenText.init(normalized:))
    private static let conditionOpeners = ["if", "where", "when", "whenever", "once", "after", "while"]
        .map(TokenText.init(normalized:))
    private static let comma = TokenText(normalized: ",")
    private static let semicolon = TokenText(normalized: ";")

    /// For a sentence that opens with a condition ("If you can't remove the
    /// fee yourself, ..."), the token index where the condition ends.
    static func conditionalPrefixEnd(_ tokens: [Token]) -> Int {
        guard let first = tokens.firstIndex(where: { $0.kind == .word }),
              conditionOpeners.contains(tokens[first].text) else { return 0 }
        var start = first
        // "If, after trying everything, you still cannot ..." : skip the aside.
        if first + 1 < tokens.count, tokens[first + 1].text == comma,
           let close = tokens[(first + 2)...].firstIndex(where: { $0.text == comma }) {
            start = close + 1
        }
        for index in start..<tokens.count where tokens[index].text == comma || tokens[index].text == semicolon {
            if index + 1 < tokens.count, conditionContinuing.contains(tokens[index + 1].text), tokens[index].text == comma { continue }
            return index
        }
        return 0
    }

    /// Which tokens sit inside quotation marks.
    static func quotedTokens(_ sentence: Sentence) -> TokenMarks {
        quotedTokens(sentence.tokens, scalar: sentence.scalar(at:))
    }

    /// Which of a sentence's `tokens` sit inside quotation marks; `scalar`
    /// gives the sentence's character at an offset (read at quotes only).
    static func quotedTokens(_ sentenceTokens: [Token], scalar: (Int) -> Unicode.Scalar) -> TokenMarks {
        guard sentenceTokens.contains(where: { $0.kind == .quote }) else { return TokenMarks() }
        var inside = Array(repeating: false, count: sentenceTokens.count)
        var doubleOpen = false
        var singleOpen = false
        sentenceTokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices {
                guard tokens[index].kind == .quote else {
                    inside[index] = doubleOpen || singleOpen
                    continue
                }
                let token = tokens[index]
                let scalar = scalar(token.range.lowerBound)
                let previousIsWord = index > 0 && tokens[index - 1].range.upperBound == token.range.lowerBound
                    && (tokens[index - 1].kind == .word || tokens[index - 1].kind == .number)
                let nextIsWord = index + 1 < tokens.count && tokens[index + 1].range.lowerBound == token.range.upperBound
                    && (tokens[index + 1].kind == .word || tokens[index + 1].kind == .number)
                if CharacterClasses.isDoubleQuote(scalar) {
                    switch scalar.value {
                    case 0x201C, 0x201E: doubleOpen = true
                    case 0x201D: doubleOpen = false
                    default: doubleOpen.toggle()
                    }
                } else {
                    // Single quotes: an apostrophe after a word ("customers' data")
                    // closes only a quotation that is open.
                    if singleOpen {
                        if !nextIsWord { singleOpen = false }
                    } else if !previousIsWord && nextIsWord {
                        singleOpen = true
                    }
                }
                inside[index] = true
            }
        }
        return TokenMarks(inside)
    }

    /// The heaviest match, the earliest among equals.
    static func strongest(_ matches: [LexiconMatch], weight: (LexiconMatch) -> Double) -> LexiconMatch? {
        matches.reduce(nil) { best, match in
            guard let best else { return match }
            return weight(match) > weight(best) ? match : best
        }
    }

    /// `core` widened by every range that overlaps it or lies within two
    /// tokens of it, repeatedly: the words of one absolute, read together.
    static func span(around core: Range<Int>, joining ranges: [Range<Int>]) -> Range<Int> {
        var span = core
        var grew = true
        while grew {
            grew = false
            for range in ranges where range.lowerBound <= span.upperBound + 2 && range.upperBound + 2 >= span.lowerBound {
                let joined = min(span.lowerBound, range.lowerBound)..<max(span.upperBound, range.upperBound)
                if joined != span { span = joined; grew = true }
            }
        }
        return span
    }

    /// `range` without punctuation at either end ("non-refundable." is
    /// matched with its full stop, and quoted without it).
    static func trimmingPunctuation(_ range: Range<Int>, in tokens: [Token]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while upper - lower > 1, tokens[upper - 1].kind == .punctuation { upper -= 1 }
        while upper - lower > 1, tokens[lower].kind == .punctuation { lower += 1 }
        return lower..<upper
    }

    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        // Sorting even an empty array made it a buffer of its own.
        guard ranges.count > 1 else { return ranges }
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
