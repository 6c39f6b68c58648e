import ArgumentParser
import FrictionCore
import FrictionKit
import FrictionReporters
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find policy friction in Markdown and XML policy files.",
        discussion: """
            Lints every policy file under PATHS (default: the current folder) and \
            prints each finding with its place, the words that triggered it, why \
            it matters and a suggested rewrite.

            Configuration comes from .friction.yml, found upward from the current \
            folder, or from --config. Silence one finding with a comment such as \
            <!-- friction-disable-next-line rigid-rule -- agreed with Legal -->.

            In a git repository, --staged lints what is staged for the next \
            commit (the index, not the work tree) and --changed-since REF reports \
            only findings on lines added or changed since REF. --write-baseline \
            records today's findings; --baseline then hides exactly those.

            Exit codes: 0 clean; 1 findings at or above the fail level, or a file \
            that could not be read; 2 usage or configuration error.
            """
    )

    @Argument(help: "Policy files or directories (default: the current folder; with --staged or --changed-since, the whole repository).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output format: \(Reporters.names.joined(separator: ", ")).")
    var format: String = TextReporter.name

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var input: LintInputOptions

    @Option(name: .long, help: "Fail (exit 1) on findings at or above this severity: info, warning, error.")
    var failLevel: Severity?


    @Flag(name: .long, help: "Lint the staged content of changed policy files (the git index, not the work tree).")
    var staged = false

    @Option(name: .customLong("changed-since"), help: ArgumentHelp("Report only findings on lines added or changed since this git commit.", valueName: "ref"))
    var changedSince: String?

    @Option(name: .long, help: ArgumentHelp("Hide the findings recorded in this baseline file; report only new ones.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the current findings in this baseline file (they are then hidden).", valueName: "file"))
    var writeBaseline: String?

    func run() throws {
        if writeBaseline != nil && baseline != nil {
            Terminal.error("--baseline and --write-baseline cannot be used together: write a new baseline, or hide the findings of an existing one")
            throw ExitCode(2)
        }
        var options = input.lintOptions()
        options.failLevel = failLevel
        var report: LintReport
        let reporter: any Reporter
        do {
            reporter = try makeReporter()
            options.measureCoverage = type(of: reporter).showsCoverage
            var linter = try Linter.make(options)
            linter.quoteLines = type(of: reporter).quotesLines
            if staged || changedSince != nil {
                report = try linter.lintChanges(GitSelection(staged: staged, changedSince: changedSince), paths: paths)
            } else {
                report = linter.lint(paths.isEmpty ? ["."] : paths)
            }
            if let writeBaseline {
                let recorded = Baseline(recording: report, baselinePath: writeBaseline)
                try recorded.write(to: writeBaseline)
                let total = recorded.findings.reduce(0) { $0 + $1.count }
                Terminal.error("wrote \(total) finding\(total == 1 ? "" : "s") to the baseline \(writeBaseline)")
                report = recorded.apply(to: report, baselinePath: writeBaseline).report
            } else if let baseline {
                report = try Baseline.load(path: baseline).apply(to: report, baselinePath: baseline).report
            }
        } catch let error as FrictionError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        // Written as it is rendered: a huge report never exists whole in memory.
        if let output {
            do {
                try OutputFile.writeAtomically(to: output) { reporter.write(report, to: &$0, jobs: options.jobs) }
            } catch let error as FrictionError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        } else {
            Terminal.writeOutput { reporter.write(report, to: &$0, jobs: options.jobs) }
        }
        if format != TextReporter.name {
            // Machine formats carry unreadable files as parse-error findings;
            // say so on standard error too, where a person will see it.
            for file in report.files { if let error = file.error { Terminal.error(error.description) } }
        }
        // Everything is written: the process ends here, without freeing the
        // report a finding and a string at a time on the way out (some 10 ms
        // of a run over a large handbook, on one thread after all the rest).
        Foundation.exit(report.failed ? 1 : 0)
    }

    private func makeReporter() throws -> any Reporter {
        if format == TextReporter.name {
            return TextReporter(style: RenderStyle(color: output == nil && Terminal.supportsColor))
        }
        return try Reporters.named(format)
    }
}

extension Severity: ExpressibleByArgument {}
