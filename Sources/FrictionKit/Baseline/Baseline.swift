import FrictionCore
import Foundation

/// Known findings to hide, so that a legacy rulebook can adopt Friction and
/// see only new friction. An entry is keyed by rule, file and the normalised
/// matched words, with a count, never by line: editing text above a known
/// finding does not bring it back, and a second copy of a known sentence is
/// one new finding.
public struct Baseline: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable, Hashable {
        public var rule: String
        /// Relative to the folder that holds the baseline file.
        public var path: String
        /// The matched words, normalised (see `Baseline.normalise`).
        public var text: String
        /// How many findings with this rule, file and text are known.
        public var count: Int

        public init(rule: String, path: String, text: String, count: Int) {
            self.rule = rule
            self.path = path
            self.text = text
            self.count = count
        }
    }

    public static let currentVersion = 1

    public var version: Int = Baseline.currentVersion
    public var findings: [Entry]

    public init(findings: [Entry]) {
        self.findings = findings.sorted { ($0.path, $0.rule, $0.text) < ($1.path, $1.rule, $1.text) }
    }

    private struct Key: Hashable {
        var rule: String
        var path: String
        var text: String
    }

    /// The findings of `report`, with paths made relative to the folder of
    /// `baselinePath`. Files that could not be read are left out: they are
    /// always reported.
    public init(recording report: LintReport, baselinePath: String,
                workingDirectory: String = FileManager.default.currentDirectoryPath) {
        let base = Self.directory(of: baselinePath, workingDirectory: workingDirectory)
        var counts: [Key: Int] = [:]
        for file in report.files where file.error == nil {
            let path = Self.relative(file.path, to: base, workingDirectory: workingDirectory)
            for finding in file.findings {
                counts[Key(rule: finding.rule, path: path, text: Self.normalise(finding.text)), default: 0] += 1
            }
        }
        self.init(findings: counts.map { Entry(rule: $0.key.rule, path: $0.key.path, text: $0.key.text, count: $0.value) })
    }

    /// Hides the known findings in `report`. In each file, of the findings
    /// that share an entry's rule and text, the first `count` in source order
    /// are hidden and the rest reported. Hidden findings are counted with
    /// the suppressed ones; scores are unchanged (the friction is still
    /// there). Returns the report and how many findings were hidden.
    public func apply(to report: LintReport, baselinePath: String,
                      workingDirectory: String = FileManager.default.currentDirectoryPath) -> (report: LintReport, hidden: Int) {
        let base = Self.directory(of: baselinePath, workingDirectory: workingDirectory)
        var remaining: [Key: Int] = [:]
        for entry in findings { remaining[Key(rule: entry.rule, path: entry.path, text: entry.text), default: 0] += entry.count }
        var result = report
        var hidden = 0
        for index in result.files.indices where result.files[index].error == nil {
            let path = Self.relative(result.files[index].path, to: base, workingDirectory: workingDirectory)
            let before = result.files[index].findings.count
            result.files[index].findings = result.files[index].findings.filter { finding in
                let key = Key(rule: finding.rule, path: path, text: Self.normalise(finding.text))
                guard let left = remaining[key], left > 0 else { return true }
                remaining[key] = left - 1
                return false
            }
            let removed = before - result.files[index].findings.count
            result.files[index].suppressedCount += removed
            hidden += removed
        }
        return (result, hidden)
    }

    // MARK: - Files

    /// Reads a baseline written by `write(to:)`. A missing or malformed file
    /// is a configuration error naming it.
    public static func load(path: String) throws -> Baseline {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FrictionError.configuration(path: path, line: nil, column: nil,
                                              reason: "cannot read the baseline file (write one with --write-baseline)")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw FrictionError.configuration(path: path, line: nil, column: nil, reason: "not a baseline file: \(Self.describe(context))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw FrictionError.configuration(path: path, line: nil, column: nil,
                                              reason: "not a baseline file: '\(key.stringValue)' is missing at \(Self.describe(context))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw FrictionError.configuration(path: path, line: nil, column: nil, reason: "not a baseline file: wrong value at \(Self.describe(context))")
        } catch {
            throw FrictionError.configuration(path: path, line: nil, column: nil, reason: "not a baseline file: \(error.localizedDescription)")
        }
        guard baseline.version == currentVersion else {
            throw FrictionError.configuration(path: path, line: nil, column: nil,
                                              reason: "baseline version \(baseline.version) is not supported (expected \(currentVersion))")
        }
        return Baseline(findings: baseline.findings)
    }

    /// Pretty, sorted JSON, so that a baseline diffs well in review.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the baseline in one step (a temporary file renamed over it).
    public func write(to path: String) throws {
        try OutputFile.writeAtomically(encoded(), to: path)
    }

    // MARK: - Keys

    /// Case, spacing, typographic quotes and dashes do not matter.
    public static func normalise(_ text: String) -> String {
        var folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        for (from, to) in [("\u{2018}", "'"), ("\u{2019}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""),
                           ("\u{2013}", "-"), ("\u{2014}", "-")] {
            folded = folded.replacingOccurrences(of: from, with: to)
        }
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func directory(of path: String, workingDirectory: String) -> String {
        URL(fileURLWithPath: absolute(path, workingDirectory: workingDirectory)).deletingLastPathComponent().standardizedFileURL.path
    }

    private static func absolute(_ path: String, workingDirectory: String) -> String {
        path.hasPrefix("/") ? path : (workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/") + path
    }

    static func relative(_ path: String, to base: String, workingDirectory: String) -> String {
        let standardized = URL(fileURLWithPath: absolute(path, workingDirectory: workingDirectory)).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? context.debugDescription : path
    }
}
