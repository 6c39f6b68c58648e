import FrictionCore
import FrictionParsers
import FrictionRules
import Foundation

/// What a lint run is asked to do, from the command line.
public struct LintOptions: Sendable {
    public var configPath: String?
    public var lexiconDirectories: [String] = []
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Overrides the configuration's fail level.
    public var failLevel: Severity?
    public var workingDirectory: String = FileManager.default.currentDirectoryPath
    /// Measure culture coverage (the JSON format, the audit report and the
    /// coverage command show it; the other formats do not, and skip its cost).
    public var measureCoverage = true

    public init() {}
}

/// The linter: discovers files, parses them in parallel, runs the rules,
/// applies the configuration and inline suppressions, and returns a report
/// in a stable order. It never prints and never writes to its inputs.
public struct Linter: Sendable {
    public let configuration: Configuration
    public let ruleSet: RuleSet
    public let reader: DocumentReader
    public let jobs: Int
    /// Culture coverage to measure per file (nil: not measured).
    public var coverage: CoverageMatcher?

    public init(configuration: Configuration, ruleSet: RuleSet, reader: DocumentReader = DocumentReader(), jobs: Int) {
        self.configuration = configuration
        self.ruleSet = ruleSet
        self.reader = reader
        self.jobs = max(1, jobs)
    }

    /// Loads configuration and lexicons (each once per run) and builds a linter.
    public static func make(_ options: LintOptions) throws -> Linter {
        // The configuration names the lexicons, and the lexicons make the
        // rules the configuration must be checked against: read it, build the
        // rules, then check its rule names (a small file, read twice).
        let draft = try ConfigurationLoader.load(explicitPath: options.configPath,
                                                 workingDirectory: options.workingDirectory, knownRules: nil)
        let directories = draft.lexiconDirectories + options.lexiconDirectories
        // The user's framework files are still read and checked when coverage
        // is not shown, so that a mistake in them is an error whatever the format.
        let needsCoverage = options.measureCoverage || !draft.frameworkFiles.isEmpty
        // The rules' lexicon and the coverage matcher are compiled from the
        // same files independently: on two threads (most of a one-file run's
        // start-up). Errors are still reported in the order of a serial build.
        let built = [Compiled.lexicon, .coverage].parallelMap(jobs: needsCoverage ? min(options.jobs, 2) : 1) { part -> Compiled.Result in
            switch part {
            case .lexicon:
                return .lexicon(Result { try LexiconLoader.load(includeBuiltIn: true, directories: directories) })
            case .coverage:
                guard needsCoverage else { return .coverage(.success(nil)) }
                return .coverage(Result {
                    try CoverageMatcher.make(frameworkFiles: draft.frameworkFiles, lexiconDirectories: directories)
                })
            }
        }
        guard case .lexicon(let lexiconResult) = built[0], case .coverage(let coverageResult) = built[1] else {
            preconditionFailure("parallelMap keeps the order of its input")
        }
        let ruleSet = RuleSet(lexicon: try lexiconResult.get())
        var configuration = try ConfigurationLoader.load(explicitPath: options.configPath, workingDirectory: options.workingDirectory,
                                                         knownRules: Set(ruleSet.descriptions.map(\.identifier)))
        if let failLevel = options.failLevel { configuration.failLevel = failLevel }
        var linter = Linter(configuration: configuration, ruleSet: ruleSet, jobs: options.jobs)
        let coverage = try coverageResult.get()
        if options.measureCoverage { linter.coverage = coverage }
        return linter
    }

    /// What `make` compiles, and what came of it.
    private enum Compiled: Sendable {
        case lexicon, coverage

        enum Result: Sendable {
            case lexicon(Swift.Result<CompiledLexicon, any Error>)
            case coverage(Swift.Result<CoverageMatcher?, any Error>)
        }
    }

    public func lint(_ paths: [String]) -> LintReport {
        let found = FileDiscovery(extensions: reader.fileExtensions).discover(paths)
        let files = found.files.filter { configuration.includes(relativePath($0)) }
        let missing = found.errors.map { error in
            failedReport(path: error.path ?? "", error: error)
        }
        let reports = files.parallelMap(jobs: jobs) { path in
            lintFile(path: path) { try DocumentReader.readBytes(path: path) }
        }
        var report = LintReport(files: missing + reports, rules: ruleSet.descriptions, failLevel: configuration.failLevel)
        report.frameworks = coverage?.frameworks ?? []
        return report
    }

    /// Lints one file whose bytes come from `load` (the disk, the git index).
    public func lintFile(path: String, load: () throws -> [UInt8]) -> FileReport {
        do {
            let (document, source) = try reader.read(bytes: try load(), path: path)
            return lint(document, source: source)
        } catch let error as FrictionError {
            return failedReport(path: path, error: error)
        } catch {
            return failedReport(path: path, error: .unreadable(path: path, reason: "\(error)"))
        }
    }

    /// Lints a parsed document.
    /// `source` is the decoded text the document was parsed from, for quoting.
    public func lint(_ document: Document, source: SourceText? = nil) -> FileReport {
        let relative = relativePath(document.path)
        let result = ruleSet.check(document) { rule in
            configuration.setting(for: rule, at: relative) != .off
        }
        var findings = result.findings
        for diagnostic in document.diagnostics {
            findings.append(Finding(rule: "parse-error", severity: .warning, message: diagnostic.message,
                                    range: SourceRange(start: SourcePosition(line: diagnostic.line, column: diagnostic.column ?? 1),
                                                       end: SourcePosition(line: diagnostic.line, column: diagnostic.column ?? 1)),
                                    text: ""))
        }
        for index in findings.indices {
            if case .severity(let severity) = configuration.setting(for: findings[index].rule, at: relative) {
                findings[index].severity = severity
            }
        }
        findings = findings.filter { configuration.setting(for: $0.rule, at: relative) != .off }
        let suppressions = Suppressions(document: document)
        let kept = findings.filter { !suppressions.suppresses($0) }.sorted(by: Finding.sourceOrder)
        let sentenceCount = document.sentences.lazy.filter { $0.blockKind != .heading }.count
        var report = FileReport(path: document.path, format: document.format,
                          score: FrictionScore.score(findings: kept, sentenceCount: sentenceCount),
                          findings: kept, annotations: result.annotations.sorted(by: Annotation.sourceOrder),
                          suppressedCount: findings.count - kept.count, sentenceCount: sentenceCount,
                          metadata: document.metadata, quotedLines: quotedLines(for: kept, source: source))
        report.coverage = coverage.map { CoverageFile.measure(document, source: source, matcher: $0) }
        return report
    }

    private func failedReport(path: String, error: FrictionError) -> FileReport {
        let position = SourcePosition(line: error.line ?? 1, column: error.column ?? 1)
        let finding = Finding(rule: "parse-error", severity: .error, message: error.reason,
                              range: SourceRange(start: position, end: position), text: "")
        let format = reader.parser(for: path)?.format
        return FileReport(path: path, format: format, score: nil, findings: [finding], annotations: [], error: error)
    }

    private func quotedLines(for findings: [Finding], source: SourceText?) -> [Int: String] {
        guard let source, !findings.isEmpty else { return [:] }
        var lines: [Int: String] = [:]
        for finding in findings where lines[finding.range.start.line] == nil {
            lines[finding.range.start.line] = source.lineText(finding.range.start.line)
        }
        return lines
    }

    /// The path relative to the configuration's folder, for glob matching.
    func relativePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : configurationRelativeBase + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let base = configuration.baseDirectory.hasSuffix("/") ? configuration.baseDirectory : configuration.baseDirectory + "/"
        return standardized.hasPrefix(base) ? String(standardized.dropFirst(base.count)) : path
    }

    private var configurationRelativeBase: String {
        let working = FileManager.default.currentDirectoryPath
        return working.hasSuffix("/") ? working : working + "/"
    }
}
