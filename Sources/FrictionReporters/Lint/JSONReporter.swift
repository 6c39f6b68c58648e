import FrictionCore

/// `--format json`: the machine contract in DESIGN.md, deterministic to the byte.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let showsCoverage = true
    public static let summary = "one JSON object: files with findings, annotations and scores, and a summary"

    public init() {}

    public func render(_ report: LintReport) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("files", .array(report.files.map(file))),
            ("summary", summary(report)),
        ]).serialized() + "\n"
    }

    func file(_ file: FileReport) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(file.path)),
            ("format", .optional(file.format?.rawValue)),
            ("score", file.score.map(JSONValue.int) ?? .null),
            ("sentences", .int(file.sentenceCount)),
            ("findings", .array(file.findings.map(finding))),
            ("annotations", .array(file.annotations.map(annotation))),
        ]
        if let coverage = file.coverage { members.append(("coverage", CoverageJSON.file(coverage))) }
        if let error = file.error {
            members.append(("error", .string(error.description)))
        }
        return .object(members)
    }

    func finding(_ finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
        ]
        members += Self.range(finding.range)
        members.append(("text", .string(finding.text)))
        if let suggestion = finding.suggestion { members.append(("suggestion", .string(suggestion))) }
        return .object(members)
    }

    func annotation(_ annotation: Annotation) -> JSONValue {
        .object([("kind", .string(annotation.kind.rawValue))] + Self.range(annotation.range) + [("text", .string(annotation.text))])
    }

    func summary(_ report: LintReport) -> JSONValue {
        var byRule: [String: Int] = [:]
        for finding in report.findings { byRule[finding.rule, default: 0] += 1 }
        var members: [(String, JSONValue)] = [
            ("files", .int(report.files.count)),
            ("filesWithFindings", .int(report.files.filter { !$0.findings.isEmpty }.count)),
            ("unreadableFiles", .int(report.files.filter { $0.error != nil }.count)),
            ("findings", .int(report.findings.count)),
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
