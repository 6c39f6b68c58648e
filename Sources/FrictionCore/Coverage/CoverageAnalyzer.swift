/// Measures one policy against the frameworks: pure functions over a parsed
/// `Document` and a `CoverageMatcher`.
///
/// A sentence is evidence for an element only when it is a real statement
/// in prose: headings and table cells never count, nor do short fragments
/// (a table of contents, a list of links), words inside link text or inside
/// quotation marks. A matching sentence that states no policy (no
/// obligation, permission, commitment or instruction) is a mention: it
/// shades the matrix but does not make the element addressed.
public enum CoverageAnalyzer {
    /// Evidence kept per element and policy.
    public static let evidenceLimit = 5
    /// Fewer words than this is a fragment, not a statement.
    public static let minimumWords = 5

    /// Compared as a token's text: `normalized` made a string per sentence.
    private static let colon = TokenText(normalized: ":")

    /// `analysis`: the document's, from `PolicyAnalyzer.analyze`, when the
    /// caller has it: whether a sentence reads as English is then read from
    /// its judgements, not worked out again from its words, and a sentence's
    /// matches are the ones it made, when it made them with `matcher.lexicon`.
    public static func analyze(_ document: Document, matcher: CoverageMatcher, links: LinkText = LinkText(),
                               analysis: DocumentAnalysis? = nil) -> DocumentCoverage {
        // Counted, not mapped: the frameworks are the run's, shared by every
        // thread, and each element copied here was retained from both cores.
        var found = matcher.frameworks.map { framework in
            Array(repeating: (statements: [CoverageEvidence](), mentions: [CoverageEvidence]()), count: framework.elements.count)
        }
        let lexicon = matcher.lexicon
        var scratch = lexicon.borrowScratch()
        defer { lexicon.recycle(scratch) }
        let judgements = analysis?.judgements
        let matched = analysis?.matchedWith === lexicon ? analysis?.matches ?? [] : []
        // The sentences are read in place until one passes the filters:
        // bound to a variable (or as `enumerated()` gives them), every one
        // was copied, its four buffers retained and released.
        let sentences = document.sentences
        for index in sentences.indices {
            let blockKind = sentences[index].blockKind
            guard blockKind == .paragraph || blockKind == .listItem || blockKind == .blockQuote else { continue }
            let tokens = sentences[index].tokens
            // Counted, not collected: most sentences are skipped here or below.
            var words = 0
            for token in tokens where token.kind == .word { words += 1 }
            guard words >= minimumWords else { continue }
            // Judged prose, for these kinds of block, is prose that reads as English.
            if let judgements {
                guard judgements[index].isProse else { continue }
            } else {
                guard PolicyAnalyzer.readsAsEnglish(tokens) else { continue }
            }
            // A short lead-in ("How we measure engagement:") labels what follows; it states nothing.
            if tokens.last?.text == colon, words < 8 { continue }
            let matches = (index < matched.count ? matched[index] : nil) ?? lexicon.matches(in: tokens, scratch: &scratch)
            // Most sentences show no element: nothing below could change that.
            guard matches.all.contains(where: { matcher.showsElements[$0.entry] }) else { continue }
            let inLink = links.marks(onLines: sentences[index].lines, count: tokens.count) {
                sentences[index].position(at: tokens[$0].range.lowerBound)
            }
            // Mostly link text: a table of contents or a list of links.
            var wordsInLinks = 0
            for (index, token) in tokens.enumerated() where token.kind == .word && inLink[index] { wordsInLinks += 1 }
            guard wordsInLinks * 2 < words else { continue }
            let quoted = PolicyAnalyzer.quotedTokens(tokens) { sentences[index].scalar(at: $0) }
            func counts(_ match: LexiconMatch) -> Bool {
                !quoted[match.tokens.lowerBound] && !match.tokens.contains { inLink[$0] }
            }
            let isStatement = matches.of(matcher.statementConcept).contains(where: counts)
            var seen: Set<CoverageMatcher.ElementKey> = []
            for match in matches.all where matcher.showsElements[match.entry] && counts(match) {
                for key in matcher.elements(of: match) where seen.insert(key).inserted {
                    let evidence = CoverageEvidence(sentence: index, range: sentences[index].range, text: sentences[index].text,
                                                    matched: sentences[index].text(ofTokens: match.tokens), isStatement: isStatement)
                    if isStatement { found[key.framework][key.element].statements.append(evidence) } else {
                        found[key.framework][key.element].mentions.append(evidence)
                    }
                }
            }
        }
        let frameworks = matcher.frameworks.indices.map { f in
            FrameworkCoverage(id: matcher.frameworks[f].id, elements: found[f].indices.map { e in
                let hits = found[f][e]
                let level: CoverageLevel = hits.statements.count >= 3 ? .strong : !hits.statements.isEmpty ? .addressed
                    : !hits.mentions.isEmpty ? .mentioned : .none
                return ElementCoverage(id: matcher.frameworks[f].elements[e].id, level: level,
                                       evidence: Array((hits.statements + hits.mentions).prefix(evidenceLimit)),
                                       statements: hits.statements.count, mentions: hits.mentions.count)
            })
        }
        return DocumentCoverage(frameworks: frameworks)
    }
}

/// Where link text stands in a Markdown source: `[text](url)` and
/// `[text][ref]`, on one line. Words there are a link's label, not a
/// statement of policy.
public struct LinkText: Sendable {
    /// The column ranges (half-open, in code points) of link text and
    /// their lines, in line order (the scan finds them in that order).
    private var spans: [(line: Int, columns: Range<Int>)] = []

    public init() {}

    /// Scans Markdown source (UTF-8, a BOM allowed) byte by byte: one pass,
    /// no string building or searching (this ran on every file and was a
    /// fifth of a lint run when it split and searched Strings).
    ///
    /// Lines end at a line feed that does not follow a carriage return (the
    /// earlier String version split on the Character "\n", and "\r\n" is
    /// one Character): kept as it was, so that results do not change.
    public init(markdown bytes: [UInt8]) {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Cheap exit for files with no links at all.
        guard bytes[bom...].contains(UInt8(ascii: "]")) else { return }
        let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let count = bytes.count
        var lineNumber = 1
        /// Code-point index of the byte at `index` in its line.
        var column = 0
        var opens: [Int] = []
        var index = bom
        func isLineBreak(_ at: Int) -> Bool {
            bytes[at] == lineFeed && !(at > bom && bytes[at - 1] == carriageReturn)
        }
        // How many ASCII characters other than a line feed, bracket or
        // backslash the eight bytes at `index` begin with: only the column
        // moves past them. Found from one mask of the bytes that matter, so
        // that a word with a line feed near its end is not read again at
        // each byte before it.
        func plainBytes(at index: Int) -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                let word = WordOfBytes(buffer, at: index)
                let special = word.value & 0x8080_8080_8080_8080 | word.bytes(equalTo: lineFeed)
                    | word.bytes(equalTo: UInt8(ascii: "[")) | word.bytes(equalTo: UInt8(ascii: "]"))
                    | word.bytes(equalTo: UInt8(ascii: "\\"))
                return special.trailingZeroBitCount / 8
            }
        }
        while index < count {
            if index + 8 <= count {
                let plain = plainBytes(at: index)
                index += plain
                column += plain
                if plain == 8 { continue }
            }
            let byte = bytes[index]
            // A continuation byte belongs to the character already counted.
            if byte & 0xC0 == 0x80 {
                index += 1
                continue
            }
            if isLineBreak(index) {
                lineNumber += 1
                column = 0
                opens.removeAll(keepingCapacity: true)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                // A backslash escapes the next character on its line.
                index += 1
                column += 1
                if index < count && !isLineBreak(index) {
                    index += 1
                    while index < count && bytes[index] & 0xC0 == 0x80 { index += 1 }
                    column += 1
                }
                continue
            case UInt8(ascii: "["):
                opens.append(column)
            case UInt8(ascii: "]"):
                if let open = opens.popLast(), index + 1 < count,
                   bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "[") {
                    spans.append((lineNumber, (open + 2)..<(column + 1)))
                }
            default:
                break
            }
            index += 1
            column += 1
        }
    }

    public func contains(_ position: SourcePosition) -> Bool {
        var low = firstSpan(onOrAfter: position.line)
        while low < spans.count && spans[low].line == position.line {
            if spans[low].columns.contains(position.column) { return true }
            low += 1
        }
        return false
    }

    /// For each of `count` positions on `lines` (`position(i)`, one per
    /// token), whether it stands in link text. The spans on those lines are
    /// found once, not searched for at every token; most sentences have none.
    public func marks(onLines lines: ClosedRange<Int>, count: Int, position: (Int) -> SourcePosition) -> TokenMarks {
        let first = firstSpan(onOrAfter: lines.lowerBound)
        var end = first
        while end < spans.count && spans[end].line <= lines.upperBound { end += 1 }
        guard end > first else { return TokenMarks() }
        let here = spans[first..<end]
        return TokenMarks((0..<count).map { index in
            let at = position(index)
            return here.contains { $0.line == at.line && $0.columns.contains(at.column) }
        })
    }

    /// Index of the first span on `line` or after it.
    private func firstSpan(onOrAfter line: Int) -> Int {
        spans.partitionIndex { $0.line < line }
    }
}
