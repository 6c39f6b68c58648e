import FrictionCore
import FrictionKit
import FrictionReporters
import Foundation

/// What every fuzz target does with one input: parse it as a policy file
/// named `path`, analyse and lint it with the built-in lexicons and default
/// configuration, and render the result as text and JSON. A crash, a hang
/// or a sanitizer report anywhere on that path is a finding.
public enum FuzzSupport {
    /// Built once per process: lexicons are compiled once per run, as in the tool.
    private static let linter: Linter = {
        var options = LintOptions()
        options.workingDirectory = "/"
        options.jobs = 1
        do {
            return try Linter.make(options)
        } catch {
            fatalError("fuzz: cannot build the linter: \(error)")
        }
    }()

    private static let reporters: [any Reporter] = {
        [TextReporter(style: RenderStyle(color: false))] + ((try? Reporters.named("json")).map { [$0] } ?? [])
    }()

    @discardableResult
    public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int, path: String) -> Int32 {
        let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
        let report = linter.lintFile(path: path) { bytes }
        // An unreadable or malformed input is an expected outcome; it must
        // still come back as one located parse-error finding.
        if report.error != nil && report.findings.count != 1 {
            fatalError("fuzz: a failed file must carry exactly one finding, got \(report.findings.count)")
        }
        let lintReport = LintReport(files: [report], rules: linter.ruleSet.descriptions,
                                    failLevel: linter.configuration.failLevel)
        for reporter in reporters { _ = reporter.render(lintReport) }
        return 0
    }
}
