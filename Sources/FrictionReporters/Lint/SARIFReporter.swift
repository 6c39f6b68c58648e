import FrictionCore

/// `--format sarif`: SARIF 2.1.0 for code-scanning platforms (GitHub code
/// scanning, Azure DevOps, VS Code's SARIF viewer).
///
/// Every rule is listed in `tool.driver.rules`; each result points at its
/// rule by index and carries a region with start and end line and column.
/// Columns count Unicode code points (`columnKind`), and SARIF's `endColumn`
/// is the column just after the last character. `partialFingerprints` hash
/// the rule, the normalised matched words and which occurrence of them this
/// is in the file, never the line, so an edit elsewhere in the file does not
/// turn an old finding into a new alert.
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    public static let summary = "SARIF 2.1.0 for code-scanning platforms"
    public static let fingerprintKey = "frictionFinding/v1"

    public init() {}

    public func render(_ report: LintReport) -> String {
        var rules = report.rules
        for finding in report.findings where !rules.contains(where: { $0.identifier == finding.rule }) {
            rules.append(RuleDescription(identifier: finding.rule, name: finding.rule, category: .input, scope: .document,
                                         defaultSeverity: finding.severity, message: finding.message, rationale: finding.message,
                                         suggestion: finding.suggestion ?? finding.message, triggeringExamples: [],
                                         nonTriggeringExamples: []))
        }
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [JSONValue] = []
        for file in report.files {
            for (finding, fingerprint) in zip(file.findings, Self.fingerprints(file.findings)) {
                results.append(result(finding, fingerprint: fingerprint, in: file, ruleIndex: ruleIndex[finding.rule] ?? 0))
            }
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("Friction")),
                ("rules", .array(rules.map(rule))),
            ]))])),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([
                ("description", .object([("text", .string("The directory friction was run from."))])),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).serialized() + "\n"
    }

    private func rule(_ rule: RuleDescription) -> JSONValue {
        .object([
            ("id", .string(rule.identifier)),
            ("name", .string(Self.pascalCase(rule.identifier))),
            ("shortDescription", .object([("text", .string(rule.name))])),
            ("fullDescription", .object([("text", .string(rule.message + " " + rule.rationale))])),
            ("help", .object([
                ("text", .string(rule.suggestion)),
                ("markdown", .string("**\(rule.name)**: \(rule.rationale)\n\n**How to fix it**: \(rule.suggestion)\n\nRun `friction explain \(rule.identifier)` for examples.")),
            ])),
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
            ("properties", .object([("tags", .array([.string("policy-friction"), .string(rule.category.rawValue)]))])),
        ])
    }

    private func result(_ finding: Finding, fingerprint: String, in file: FileReport, ruleIndex: Int) -> JSONValue {
        var message = finding.message
        if let suggestion = finding.suggestion { message += " Suggestion: \(suggestion)" }
        var region: [(String, JSONValue)] = [
            ("startLine", .int(finding.range.start.line)),
            ("startColumn", .int(finding.range.start.column)),
            ("endLine", .int(max(finding.range.end.line, finding.range.start.line))),
            ("endColumn", .int(finding.range.end.column + 1)),
        ]
        if !finding.text.isEmpty { region.append(("snippet", .object([("text", .string(finding.text))]))) }
        var artifact: [(String, JSONValue)] = [("uri", .string(Self.uri(file.path)))]
        if !file.path.hasPrefix("/") { artifact.append(("uriBaseId", .string("%SRCROOT%"))) }
        return .object([
            ("ruleId", .string(finding.rule)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(finding.severity))),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", .object(artifact)),
                ("region", .object(region)),
            ]))])])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])),
        ])
    }

    /// One fingerprint per finding: rule + normalised words + occurrence.
    static func fingerprints(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let words = normalised(finding.text.isEmpty ? finding.message : finding.text)
            let key = finding.rule + "\u{0}" + words
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            var hash = StableHash()
            hash.combine(finding.rule)
            hash.combine(words)
            hash.combine(String(occurrence))
            return hash.hex
        }
    }

    /// Lowercased, with runs of whitespace folded to one space.
    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func pascalCase(_ identifier: String) -> String {
        identifier.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative or absolute file path as a URI reference: path segments
    /// percent-encoded, `/` kept; absolute paths become `file://` URIs.
    static func uri(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            let allowed = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || "-._~/".utf8.contains(byte)
            if allowed {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
