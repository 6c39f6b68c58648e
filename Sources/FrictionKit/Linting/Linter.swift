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
    /// Keep the source lines findings start on in `FileReport.quotedLines`
    /// (the text format quotes them; in the others they only hold memory).
    public var quoteLines = true
    public let configuration: Configuration
    public let ruleSet: RuleSet
    public let reader: DocumentReader
    public let jobs: Int
    /// Culture coverage to measure per file (nil: not measured).
    public var coverage: CoverageMatcher?
    /// The folder relative paths on the command line are relative to.
    public var workingDirectory = FileManager.default.currentDirectoryPath {
        didSet { configurationFolder = Self.folderPrefix(configuration.baseDirectory, from: workingDirectory) }
    }
    /// The configuration's folder as an absolute path ending in `/`, worked
    /// out once: every file's path is made relative to it (several times per
    /// file, a few percent of a run over thousands of small files).
    private var configurationFolder: String

    public init(configuration: Configuration, ruleSet: RuleSet, reader: DocumentReader = DocumentReader(), jobs: Int) {
        self.configuration = configuration
        self.ruleSet = ruleSet
        self.reader = reader
        self.jobs = max(1, jobs)
        // `workingDirectory` starts as the process's; setting it recomputes this.
        self.configurationFolder = Self.folderPrefix(configuration.baseDirectory,
                                                     from: FileManager.default.currentDirectoryPath)
    }

    private static func folderPrefix(_ folder: String, from workingDirectory: String) -> String {
        let base = FilePath.lexical(folder, from: workingDirectory)
        return base.hasSuffix("/") ? base : base + "/"
    }

    /// Starts reading what `make` needs of the built-in lexicons on another
    /// thread (see `LexiconLoader.prepareBuiltIns`), for a caller that has
    /// other work to do first.
    public static func prepareBuiltIns(forCoverage: Bool) {
        LexiconLoader.prepareBuiltIns(forCoverage: forCoverage)
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
        // With coverage, one lexicon matches the rules' concepts and the
        // frameworks': the rules judge with it, and coverage reads their
        // matches (see `CoverageMatcher`). Without, the rules' alone.
        let coverage = needsCoverage
            ? try CoverageMatcher.make(frameworkFiles: draft.frameworkFiles, lexiconDirectories: directories) : nil
        let ruleSet = RuleSet(lexicon: try coverage?.lexicon ?? LexiconLoader.load(includeBuiltIn: true, directories: directories))
        var configuration = try ConfigurationLoader.load(explicitPath: options.configPath, workingDirectory: options.workingDirectory,
                                                         knownRules: Set(ruleSet.descriptions.map(\.identifier)))
        if let failLevel = options.failLevel { configuration.failLevel = failLevel }
        var linter = Linter(configuration: configuration, ruleSet: ruleSet, jobs: options.jobs)
        linter.workingDirectory = options.workingDirectory
        if options.measureCoverage { linter.coverage = coverage }
        return linter
    }

    public func lint(_ paths: [String]) -> LintReport {
        let discovery = FileDiscovery(extensions: reader.fileExtensions)
        var errors: [FrictionError] = []
        // Files are linted as the walk finds them (see `StreamingMap`).
        let reports = StreamingMap.map(jobs: jobs, produce: { errors = discovery.discover(paths, found: $0) }) { path -> FileReport? in
            guard configuration.includes(relativePath(path)) else { return nil }
            return lintFile(path: path) { try DocumentReader.readBytes(path: path) }
        }
        let missing = errors.map { error in
            failedReport(path: error.path ?? "", error: error)
        }
        var report = LintReport(files: missing + reports.compactMap { $0 }, rules: ruleSet.descriptions,
                                failLevel: configuration.failLevel)
        report.frameworks = coverage?.frameworks ?? []
        return report
    }

    /// Lints one file whose bytes come from `load` (the disk, the git index).
    /// A large Markdown file is parsed and checked a part at a time (see
    /// `DocumentParser.parseParts`), so only one part's sentences and their
    /// analysis are in memory at once; the report is the whole document's.
    public func lintFile(path: String, load: () throws -> [UInt8]) -> FileReport {
        do {
            var file = FileLint(linter: self, path: path)
            let source = try reader.readParts(bytes: try load(), path: path) { part, source in
                file.add(part, source: source, linter: self)
            }
            return file.report(source: source, linter: self)
        } catch let error as FrictionError {
            return failedReport(path: path, error: error)
        } catch {
            return failedReport(path: path, error: .unreadable(path: path, reason: "\(error)"))
        }
    }

    /// Lints a parsed document.
    /// `source` is the decoded text the document was parsed from, for quoting.
    public func lint(_ document: Document, source: SourceText? = nil) -> FileReport {
        var file = FileLint(linter: self, path: document.path)
        file.add(document, source: source, linter: self)
        return file.report(source: source, linter: self)
    }

    /// The lint of one file, gathered a part at a time: what the report
    /// needs of each part is kept, the part itself is not. The linter is
    /// passed to each call, not stored: a stored copy retained every rule
    /// and table it holds, over a hundred references, for every file.
    private struct FileLint {
        let path: String
        let relative: String
        var format: DocumentFormat?
        /// The first part's: later parts have no front matter of their own.
        var metadata: DocumentMetadata?
        /// Configured severities applied and rules that are off removed;
        /// suppressions are applied at the end, when every comment is known.
        var findings: [Finding] = []
        var annotations: [Annotation] = []
        /// Findings about the whole document (owner, review date: at 1:1)
        /// from the first part; later parts, given its metadata, repeat them.
        var documentFindings: [Finding] = []
        var comments: [Comment] = []
        /// Lines that sentences start on, ascending (parts come in order).
        var sentenceLines: [Int] = []
        /// Prose sentences (headings excluded), the basis of the score.
        var sentenceCount = 0
        /// Sentences (headings included) of the parts so far, where the next
        /// part's sentence indices start.
        var sentenceBase = 0
        var coverage: [(coverage: DocumentCoverage, sentenceBase: Int)] = []
        var links: LinkText?
        /// One copy of each message and text: a repetitive file repeats them
        /// across hundreds of thousands of findings.
        var strings = StringPool()
        /// What the parts say about what kind of document the file is: read
        /// as a whole, decided once (`ReadingEvidence`).
        var evidence = ReadingEvidence()

        init(linter: Linter, path: String) {
            self.path = path
            self.relative = linter.relativePath(path)
        }

        mutating func add(_ part: Document, source: SourceText?, linter: Linter) {
            var part = part
            let isFirst = metadata == nil
            if let metadata { part.metadata = metadata } else { metadata = part.metadata }
            format = part.format
            let configuration = linter.configuration
            // Each part is judged as a service policy; what the whole file
            // reads as is decided in `report`, from every part's evidence.
            let analysis = linter.ruleSet.analyze(part, reading: .servicePolicy)
            evidence.add(analysis.evidence)
            var (partFindings, partAnnotations) = linter.ruleSet.check(part, analysis: analysis) { rule in
                configuration.setting(for: rule, at: relative) != .off
            }
            for diagnostic in part.diagnostics {
                partFindings.append(Finding(rule: "parse-error", severity: .warning, message: diagnostic.message,
                                            range: SourceRange(start: SourcePosition(line: diagnostic.line, column: diagnostic.column ?? 1),
                                                               end: SourcePosition(line: diagnostic.line, column: diagnostic.column ?? 1)),
                                            text: ""))
            }
            for index in partFindings.indices {
                if case .severity(let severity) = configuration.setting(for: partFindings[index].rule, at: relative) {
                    partFindings[index].severity = severity
                }
            }
            partFindings.removeAll { configuration.setting(for: $0.rule, at: relative) == .off }
            let documentStart = SourcePosition(line: 1, column: 1)
            if isFirst {
                documentFindings = partFindings.filter { $0.range.start == documentStart && $0.range.end == documentStart }
            } else {
                partFindings.removeAll { documentFindings.contains($0) }
            }
            for index in partFindings.indices {
                strings.share(&partFindings[index].message)
                strings.share(&partFindings[index].text)
            }
            for index in partAnnotations.indices { strings.share(&partAnnotations[index].text) }
            findings += partFindings
            annotations += partAnnotations
            comments += part.comments
            // One pass, reading each sentence in place (a closure over the
            // sentences, as in `map`, copied each one).
            var lines: Set<Int> = []
            for index in part.sentences.indices {
                lines.insert(part.sentences[index].range.start.line)
                if part.sentences[index].blockKind != .heading { sentenceCount += 1 }
            }
            sentenceLines += lines.sorted()
            if let matcher = linter.coverage {
                // Link text is known only from Markdown source; XML links are elements the profiles drop.
                if links == nil { links = part.format == .markdown ? source.map { LinkText(markdown: $0.bytes) } ?? LinkText() : LinkText() }
                coverage.append((CoverageAnalyzer.analyze(part, matcher: matcher, links: links ?? LinkText(),
                                                          analysis: analysis), sentenceBase))
            }
            sentenceBase += part.sentences.count
        }

        /// Applies the suppressions and puts findings in source order.
        mutating func report(source: SourceText?, linter: Linter) -> FileReport {
            // A file that is not a service policy keeps its annotations and
            // parse errors; its absolutes are not friction (see PolicyAnalyzer).
            let reading = evidence.reading
            if reading != .servicePolicy { findings.removeAll { $0.rule != ParseError.description.identifier } }
            let suppressions = Suppressions(comments: comments, sentenceLines: sentenceLines)
            let reported = findings.count
            // Filtered and sorted in place: a huge file has hundreds of
            // thousands of findings, and each copy of them costs tens of megabytes.
            findings.removeAll { suppressions.suppresses($0) }
            findings.sort(by: Finding.sourceOrder)
            annotations.sort(by: Annotation.sourceOrder)
            var report = FileReport(path: path, format: format,
                                    score: reading == .servicePolicy
                                        ? FrictionScore.score(findings: findings, sentenceCount: sentenceCount) : nil,
                                    findings: findings, annotations: annotations,
                                    suppressedCount: reported - findings.count, sentenceCount: sentenceCount,
                                    metadata: metadata,
                                    quotedLines: linter.quoteLines ? linter.quotedLines(for: findings, source: source) : [:])
            report.reading = reading
            if linter.coverage != nil { report.coverage = CoverageFile.combine(coverage) }
            return report
        }
    }

    private func failedReport(path: String, error: FrictionError) -> FileReport {
        let position = SourcePosition(line: error.line ?? 1, column: error.column ?? 1)
        let finding = Finding(rule: "parse-error", severity: .error, message: error.reason,
                              range: SourceRange(start: position, end: position), text: "")
        let format = reader.parser(for: path)?.format
        return FileReport(path: path, format: format, score: nil, findings: [finding], annotations: [], error: error)
    }

    fileprivate func quotedLines(for findings: [Finding], source: SourceText?) -> [Int: String] {
        guard let source, !findings.isEmpty else { return [:] }
        var lines: [Int: String] = [:]
        for finding in findings where lines[finding.range.start.line] == nil {
            lines[finding.range.start.line] = source.lineText(finding.range.start.line)
        }
        return lines
    }

    /// The path relative to the configuration's folder, for glob matching.
    /// Paths are normalised as text (no file system calls per file); only a
    /// path that then falls outside the folder is resolved through its
    /// symbolic links, in case it reaches the folder by another name.
    func relativePath(_ path: String) -> String {
        let prefix = configurationFolder
        let lexical = FilePath.lexical(path, from: workingDirectory)
        if lexical.hasPrefix(prefix) { return String(lexical.dropFirst(prefix.count)) }
        let resolved = URL(fileURLWithPath: lexical).resolvingSymlinksInPath().path
        return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : path
    }
}
