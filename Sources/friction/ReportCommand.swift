import ArgumentParser
import FrictionCore
import FrictionKit
import FrictionReporters
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an annotated audit report for managers (one self-contained HTML page, or Markdown).",
        discussion: """
            Lints the policies under PATHS and writes one report: the rulebook's \
            friction score, the policies sorted by friction, and every policy's \
            text with its friction highlighted and explained, and what it does \
            well. The HTML page has no external resources and works offline.

            Exit codes: 0 the report was written; 1 the report was written but a \
            file could not be read; 2 usage or configuration error, or the report \
            could not be written.
            """
    )

    @Argument(help: "Policy files or directories.")
    var paths: [String] = ["."]

    @Option(name: .shortAndLong, help: "The report file to write (replaced in one step).")
    var output: String

    @Option(name: .shortAndLong, help: "Report format: \(AuditRenderers.names.joined(separator: ", ")).")
    var format: String = HTMLAuditRenderer.name

    @OptionGroup var input: LintInputOptions


    func run() throws {
        let options = input.lintOptions()
        let report: AuditReport
        do {
            let renderer = try AuditRenderers.named(format)
            report = AuditBuilder(linter: try Linter.make(options)).build(paths)
            try OutputFile.writeAtomically(renderer.render(report), to: output)
        } catch let error as FrictionError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        for file in report.lint.files { if let error = file.error { Terminal.error(error.description) } }
        Terminal.write("\(output)\n")
        if report.lint.files.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}
