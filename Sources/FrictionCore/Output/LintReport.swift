/// The outcome of linting one file, as reporters see it.
public struct FileReport: Sendable {
    public var path: String
    public var format: DocumentFormat?
    /// 0–100; nil for a file that could not be read or was not judged.
    public var score: Int?
    public var findings: [Finding]
    public var annotations: [Annotation]
    /// Findings silenced by inline suppressions, kept for reports and counts.
    public var suppressedCount: Int
    /// Prose sentences (headings excluded), the basis of the score.
    public var sentenceCount: Int
    public var metadata: DocumentMetadata?
    /// Source lines that findings start on, for reporters that quote them.
    public var quotedLines: [Int: String]
    /// Set when the file could not be read or parsed.
    public var error: FrictionError?
    /// How the policy covers the run's culture frameworks (nil: not measured).
    public var coverage: DocumentCoverage?
    /// What kind of document it read as (nil: it could not be read). Only
    /// service policies are judged for friction and scored.
    public var reading: DocumentReading?

    /// Read, and judged for friction.
    public var isJudged: Bool { error == nil && (reading ?? .servicePolicy) == .servicePolicy }

    /// Why the file has no score, in words for reports.
    public var unscoredReason: String {
        guard error == nil, let reading, reading != .servicePolicy else { return "could not be read" }
        return "not judged: reads as \(reading.rawValue)"
    }

    /// `unscoredReason` opening a line ("Not judged: …").
    public var unscoredLabel: String { unscoredReason.prefix(1).uppercased() + unscoredReason.dropFirst() }

    public init(path: String, format: DocumentFormat?, score: Int?, findings: [Finding], annotations: [Annotation],
                suppressedCount: Int = 0, sentenceCount: Int = 0, metadata: DocumentMetadata? = nil,
                quotedLines: [Int: String] = [:], error: FrictionError? = nil) {
        self.path = path
        self.format = format
        self.score = score
        self.findings = findings
        self.annotations = annotations
        self.suppressedCount = suppressedCount
        self.sentenceCount = sentenceCount
        self.metadata = metadata
        self.quotedLines = quotedLines
        self.error = error
    }
}

/// The outcome of a whole run.
public struct LintReport: Sendable {
    public var files: [FileReport]
    /// Every rule that could report, for formats that list them (SARIF).
    public var rules: [RuleDescription]
    public var failLevel: Severity
    /// The culture frameworks the files' `coverage` was measured against.
    public var frameworks: [Framework] = []

    public init(files: [FileReport], rules: [RuleDescription], failLevel: Severity) {
        self.files = files
        self.rules = rules
        self.failLevel = failLevel
    }

    public var findings: [Finding] { files.flatMap(\.findings) }

    public var findingCount: Int {
        files.reduce(0) { $0 + $1.findings.count }
    }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { total, file in file.findings.reduce(total) { $1.severity == severity ? $0 + 1 : $0 } }
    }

    /// Whether the run fails: a finding at or above the fail level, or a
    /// file that could not be read.
    public var failed: Bool {
        files.contains { $0.error != nil || $0.findings.contains { $0.severity >= failLevel } }
    }

    /// The rulebook's score: the score of all its judged sentences together.
    public var score: Int? {
        let readable = files.filter(\.isJudged)
        guard !readable.isEmpty else { return nil }
        let points = readable.reduce(0) { total, file in file.findings.reduce(total) { $0 + FrictionScore.points($1.severity) } }
        return FrictionScore.score(points: points, sentenceCount: readable.reduce(0) { $0 + $1.sentenceCount })
    }

    /// The rulebook-level checklist per framework (empty when coverage was not measured).
    public var coverage: [RulebookFrameworkCoverage] {
        guard !frameworks.isEmpty else { return [] }
        return RulebookCoverage.combine(frameworks: frameworks, files: files.map { ($0.path, $0.coverage) })
    }
}
