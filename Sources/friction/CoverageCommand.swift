import ArgumentParser
import FrictionCore
import FrictionKit
import Foundation

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Measure the whole rulebook against service-culture frameworks.",
        discussion: """
            Reads the policies under PATHS and prints, for each framework, which \
            elements the rulebook addresses (with the sentences that show it, as \
            path:line) and which are missing (with what a policy that covers \
            them would say). Only statements of policy in prose count: not \
            headings, link text, tables of contents or passing mentions.

            Built-in frameworks: six-factors, eight-keys, seven-steps. Add your \
            own with `frameworks: [file.yml]` in .friction.yml.

            Exit codes: 0 printed; 1 printed, but a file could not be read; 2 \
            usage or configuration error.
            """
    )

    @Argument(help: "Policy files or directories.")
    var paths: [String] = ["."]

    @Option(name: .long, help: ArgumentHelp("Only this framework (repeatable).", valueName: "id"))
    var framework: [String] = []

    @Option(name: .shortAndLong, help: "Output format: text, json.")
    var format: String = "text"

    @OptionGroup var input: LintInputOptions

    @Option(name: .long, help: "Evidence sentences shown per element (text format).")
    var evidence: Int = 3


    func run() throws {
        let options = input.lintOptions()
        let report: LintReport
        var coverage: [RulebookFrameworkCoverage]
        do {
            guard format == "text" || format == "json" else { throw FrictionError.usage("unknown coverage format '\(format)'; choose one of: text, json") }
            let linter = try Linter.make(options)
            let known = linter.coverage?.frameworks.map(\.id) ?? []
            for id in framework where !known.contains(id) {
                throw FrictionError.usage("unknown framework '\(id)'; choose one of: \(known.joined(separator: ", "))")
            }
            report = linter.lint(paths)
            coverage = report.coverage
            if !framework.isEmpty { coverage = coverage.filter { framework.contains($0.framework.id) } }
        } catch let error as FrictionError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        for file in report.files { if let error = file.error { Terminal.error(error.description) } }
        if format == "json" {
            Terminal.write(CoverageJSON.rulebook(coverage).serialized() + "\n")
        } else {
            let readable = report.files.filter { $0.error == nil }.count
            Terminal.write("Culture coverage of \(readable) \(readable == 1 ? "policy" : "policies")\n\n")
            Terminal.write(CoverageChecklist.text(coverage, evidencePerElement: max(0, evidence), color: Terminal.supportsColor))
        }
        if report.files.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}
