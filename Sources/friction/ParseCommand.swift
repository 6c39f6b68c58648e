import ArgumentParser
import FrictionKit
import FrictionReporters
import Foundation

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the document model: metadata, sections and every sentence with its position.",
        discussion: """
            Shows what Friction reads from each file: the metadata, the heading \
            of every section with its level and line, and every sentence with \
            its start and end as line:column (columns count Unicode code points). \
            Code, markup, URLs and comments are not prose and do not appear.
            Use it to see why a rule did or did not match a sentence.
            """
    )

    @Argument(help: "Policy files or directories (Markdown: .md .markdown; XML: .xml .dita .dbk).")
    var paths: [String]

    @Option(name: .long, help: "Output format: text or json.")
    var format: DocumentModelReporter.Format = .text

    @Option(name: .shortAndLong, help: "Parallel jobs (default: the number of cores).")
    var jobs: Int?

    func run() throws {
        let loader = DocumentLoader(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let loaded = loader.load(paths)
        let output = DocumentModelReporter.render(loaded.map { ($0.path, $0.outcome) }, format: format)
        Terminal.write(output)
        var failed = false
        for case .failure(let error) in loaded.map(\.outcome) {
            failed = true
            if format == .json { Terminal.error("\(error)") }
        }
        if failed { throw ExitCode(1) }
    }
}

extension DocumentModelReporter.Format: ExpressibleByArgument {}
