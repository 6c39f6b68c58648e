import FrictionCore

/// A policy's text in reading order, cut into runs that carry the findings
/// and annotations covering them: the shared input of the HTML and Markdown
/// audit renderers.
///
/// Every finding is placed exactly once: at the first character it covers,
/// else at the start of the block that holds its start, else among the
/// notes about the whole policy. The renderers show one marker and one note
/// per placed finding, so the page holds as many findings as the lint run.
struct PolicyLayout {
    /// A stretch of text covered by the same findings and annotations.
    struct Run {
        var text: String
        /// Indices into the file's findings / annotations covering the run.
        var findings: [Int]
        var annotations: [Int]
        /// Findings and annotations whose marker goes before this run.
        var startsFindings: [Int] = []
        var startsAnnotations: [Int] = []
        /// A coverage evidence sentence starts here: the renderers put its anchor.
        var anchorSentence: Int?
    }

    /// A block of text with the notes of what starts in it.
    struct Piece {
        var runs: [Run]
        var findings: [Int]
        var annotations: [Int]
    }

    struct ListItem {
        var depth: Int
        var piece: Piece
    }

    enum Element {
        case heading(level: Int, section: Int?, Piece)
        case paragraph(Piece, quote: Bool)
        case list(ordered: Bool, items: [ListItem])
        case table(rows: [[Piece]])
    }

    var elements: [Element] = []
    /// Findings not tied to any text (missing owner, parse errors).
    var wholeDocumentFindings: [Int] = []

    init(policy: AuditedPolicy) {
        let findings = policy.file.findings
        let annotations = policy.file.annotations
        guard let document = policy.document else {
            wholeDocumentFindings = Array(findings.indices)
            return
        }

        // Pass 1: where each finding and annotation gets its marker.
        var findingAt: [Int: Place] = [:]
        var annotationAt: [Int: Place] = [:]
        for (index, finding) in findings.enumerated() {
            findingAt[index] = Self.place(finding.range, in: document)
        }
        for (index, annotation) in annotations.enumerated() {
            annotationAt[index] = Self.place(annotation.range, in: document)
        }
        wholeDocumentFindings = findings.indices.filter { findingAt[$0] == nil }
        var findingStarts: [Place: [Int]] = [:]
        var annotationStarts: [Place: [Int]] = [:]
        for (index, place) in findingAt { findingStarts[place, default: []].append(index) }
        for (index, place) in annotationAt { annotationStarts[place, default: []].append(index) }
        for key in findingStarts.keys { findingStarts[key]?.sort() }
        for key in annotationStarts.keys { annotationStarts[key]?.sort() }

        // Pass 2: runs per block, then group blocks into lists and tables.
        let evidence = CoverageSection.evidenceSentences(policy.file)
        var pieces: [Piece] = []
        for (blockIndex, block) in document.blocks.enumerated() {
            var runs: [Run] = []
            let blockFindings = findings.indices.filter { Self.overlaps(findings[$0].range, block.range) || findingAt[$0]?.block == blockIndex }
            let blockAnnotations = annotations.indices.filter { Self.overlaps(annotations[$0].range, block.range) || annotationAt[$0]?.block == blockIndex }
            let head = Place(block: blockIndex, sentence: -1, offset: 0)
            if findingStarts[head] != nil || annotationStarts[head] != nil {
                runs.append(Run(text: "", findings: [], annotations: [], startsFindings: findingStarts[head] ?? [],
                                startsAnnotations: annotationStarts[head] ?? []))
            }
            for sentenceIndex in block.sentences {
                let sentence = document.sentences[sentenceIndex]
                if sentenceIndex != block.sentences.lowerBound { Self.append(" ", [], [], to: &runs) }
                if evidence.contains(sentenceIndex) {
                    runs.append(Run(text: "", findings: [], annotations: [], anchorSentence: sentenceIndex))
                }
                for (offset, scalar) in sentence.scalars.enumerated() {
                    let position = sentence.positions[offset]
                    let covering = blockFindings.filter { findings[$0].range.start <= position && position <= findings[$0].range.end }
                    let good = blockAnnotations.filter { annotations[$0].range.start <= position && position <= annotations[$0].range.end }
                    let place = Place(block: blockIndex, sentence: sentenceIndex, offset: offset)
                    let startsF = findingStarts[place] ?? [], startsA = annotationStarts[place] ?? []
                    if !startsF.isEmpty || !startsA.isEmpty {
                        runs.append(Run(text: "", findings: covering, annotations: good, startsFindings: startsF, startsAnnotations: startsA))
                    }
                    Self.append(String(scalar), covering, good, to: &runs)
                }
            }
            let notesF = findings.indices.filter { findingAt[$0]?.block == blockIndex }
            let notesA = annotations.indices.filter { annotationAt[$0]?.block == blockIndex }
            pieces.append(Piece(runs: runs, findings: notesF, annotations: notesA))
        }

        var index = 0
        let blocks = document.blocks
        while index < blocks.count {
            let block = blocks[index]
            switch block.kind {
            case .heading:
                let level = block.section.map { document.sections[$0].level } ?? 2
                elements.append(.heading(level: level, section: block.section, pieces[index]))
                index += 1
            case .paragraph, .blockQuote:
                elements.append(.paragraph(pieces[index], quote: block.kind == .blockQuote))
                index += 1
            case .listItem:
                var items: [ListItem] = []
                var columns: [Int] = []
                let ordered = Self.isOrdered(block, lines: policy.sourceLines)
                while index < blocks.count, blocks[index].kind == .listItem {
                    let column = blocks[index].range.start.column
                    while let last = columns.last, last > column { columns.removeLast() }
                    if columns.last != column { columns.append(column) }
                    items.append(ListItem(depth: columns.count - 1, piece: pieces[index]))
                    index += 1
                }
                elements.append(.list(ordered: ordered, items: items))
            case .tableCell:
                var rows: [[Piece]] = []
                var line = -1
                while index < blocks.count, blocks[index].kind == .tableCell {
                    if blocks[index].range.start.line != line {
                        rows.append([])
                        line = blocks[index].range.start.line
                    }
                    rows[rows.count - 1].append(pieces[index])
                    index += 1
                }
                elements.append(.table(rows: rows))
            }
        }
    }

    /// Where a marker goes: a character of a sentence, or (sentence -1) the
    /// start of a block.
    struct Place: Hashable {
        var block: Int
        var sentence: Int
        var offset: Int
    }

    private static func place(_ range: SourceRange, in document: Document) -> Place? {
        for (blockIndex, block) in document.blocks.enumerated() where overlaps(range, block.range) {
            for sentenceIndex in block.sentences {
                let positions = document.sentences[sentenceIndex].positions
                if let offset = positions.firstIndex(where: { range.start <= $0 && $0 <= range.end }) {
                    return Place(block: blockIndex, sentence: sentenceIndex, offset: offset)
                }
            }
        }
        if let block = document.blocks.firstIndex(where: { $0.range.contains(range.start) }) {
            return Place(block: block, sentence: -1, offset: 0)
        }
        return nil
    }

    private static func overlaps(_ lhs: SourceRange, _ rhs: SourceRange) -> Bool {
        lhs.start <= rhs.end && rhs.start <= lhs.end
    }

    private static func append(_ text: String, _ findings: [Int], _ annotations: [Int], to runs: inout [Run]) {
        if let last = runs.last, last.findings == findings, last.annotations == annotations {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, findings: findings, annotations: annotations))
        }
    }

    /// A list is numbered when its first item's marker is digits and `.` or `)`.
    private static func isOrdered(_ block: Block, lines: [String]) -> Bool {
        let lineIndex = block.range.start.line - 1
        guard lines.indices.contains(lineIndex) else { return false }
        let prefix = String(String.UnicodeScalarView(lines[lineIndex].unicodeScalars.prefix(max(block.range.start.column - 1, 0))))
        guard let marker = prefix.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ">" }).last else { return false }
        return marker.count >= 2 && (marker.last == "." || marker.last == ")") && marker.dropLast().allSatisfy(\.isNumber)
    }
}
