import FrictionCore

/// `--format json`: the machine contract in DESIGN.md, deterministic to the byte.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let showsCoverage = true
    public static let summary = "one JSON object: files with findings, annotations and scores, and a summary"

    /// Findings and annotations of the largest file rendered as one string
    /// (0 in tests: every file streamed, as with one job before).
    var largestRenderedWhole = 1_000

    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = ""
        write(report, to: &output)
        return output
    }

    /// The report a finding at a time: a run with hundreds of thousands of
    /// findings never holds its whole JSON text.
    public func write<Output: TextOutputStream>(_ report: LintReport, to output: inout Output) {
        write(report, to: &output, jobs: 1)
    }

    /// Files are rendered a batch at a time on `jobs` threads and written in
    /// order: rendering is about 5% of a run's CPU, all of it on one thread
    /// after the parallel lint when done in turn. A file with many
    /// findings is still written a finding at a time, never held whole.
    public func write<Output: TextOutputStream>(_ report: LintReport, to output: inout Output, jobs: Int) {
        var json = JSONStreamWriter(output: output)
        json.beginObject()
        json.value(.int(1), key: "version")
        json.beginArray(key: "files")
        let depth = json.depth
        let jobs = max(1, jobs)
        let batchSize = jobs * 32
        for batchStart in stride(from: 0, to: report.files.count, by: batchSize) {
            let batch = Array(report.files[batchStart..<min(batchStart + batchSize, report.files.count)])
            let rendered = batch.parallelMap(jobs: jobs) { file -> String? in
                guard file.findings.count + file.annotations.count <= largestRenderedWhole else { return nil }
                var fragment = JSONStreamWriter(output: "", baseDepth: depth)
                write(file, to: &fragment)
                return fragment.output
            }
            for (file, text) in zip(batch, rendered) {
                if let text { json.fragment(text) } else { write(file, to: &json) }
            }
        }
        json.end()
        json.value(summary(report), key: "summary")
        json.end()
        output = json.output
        output.write("\n")
    }

    func write<Output>(_ file: FileReport, to json: inout JSONStreamWriter<Output>) {
        json.beginObject()
        json.value(.string(file.path), key: "path")
        json.value(.optional(file.format?.rawValue), key: "format")
        json.value(file.score.map(JSONValue.int) ?? .null, key: "score")
        json.value(.int(file.sentenceCount), key: "sentences")
        if let reading = file.reading { json.value(.string(reading.rawValue), key: "reading") }
        json.beginArray(key: "findings")
        for finding in file.findings { write(finding, to: &json) }
        json.end()
        json.beginArray(key: "annotations")
        for annotation in file.annotations { write(annotation, to: &json) }
        json.end()
        if let coverage = file.coverage { CoverageJSON.write(coverage, key: "coverage", to: &json) }
        if let error = file.error { json.value(.string(error.description), key: "error") }
        json.end()
    }

    // Findings and annotations are written member by member: made as
    // `JSONValue` objects first, their arrays of members cost more to build
    // and free than the text they became.

    func write<Output>(_ finding: Finding, to json: inout JSONStreamWriter<Output>) {
        json.beginObject()
        json.value(.string(finding.rule), key: "rule")
        json.value(.string(finding.severity.rawValue), key: "severity")
        json.value(.string(finding.message), key: "message")
        json.range(finding.range)
        json.value(.string(finding.text), key: "text")
        if let suggestion = finding.suggestion { json.value(.string(suggestion), key: "suggestion") }
        json.end()
    }

    func write<Output>(_ annotation: Annotation, to json: inout JSONStreamWriter<Output>) {
        json.beginObject()
        json.value(.string(annotation.kind.rawValue), key: "kind")
        json.range(annotation.range)
        json.value(.string(annotation.text), key: "text")
        json.end()
    }

    func summary(_ report: LintReport) -> JSONValue {
        var byRule: [String: Int] = [:]
        for file in report.files {
            for finding in file.findings { byRule[finding.rule, default: 0] += 1 }
        }
        var members: [(String, JSONValue)] = [
            ("files", .int(report.files.count)),
            ("filesWithFindings", .int(report.files.filter { !$0.findings.isEmpty }.count)),
            ("unreadableFiles", .int(report.files.filter { $0.error != nil }.count)),
            ("findings", .int(report.findingCount)),
            ("errors", .int(report.count(.error))),
            ("warnings", .int(report.count(.warning))),
            ("info", .int(report.count(.info))),
            ("suppressed", .int(report.files.reduce(0) { $0 + $1.suppressedCount })),
            ("annotations", .int(report.files.reduce(0) { $0 + $1.annotations.count })),
            ("byRule", .object(byRule.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("score", report.score.map(JSONValue.int) ?? .null),
            ("failed", .bool(report.failed)),
        ]
        if !report.frameworks.isEmpty { members.append(("coverage", CoverageJSON.rulebook(report.coverage))) }
        return .object(members)
    }


    static func range(_ range: SourceRange) -> [(String, JSONValue)] {
        [("line", .int(range.start.line)), ("column", .int(range.start.column)),
         ("endLine", .int(range.end.line)), ("endColumn", .int(range.end.column))]
    }
}
