import ArgumentParser
import FrictionCore
import FrictionKit

struct LexiconsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicons",
        abstract: "Work with lexicons, the phrase lists the rules read.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a lexicon directory: every error with file, line and cause."
        )

        @Argument(help: "Lexicon directories to check.")
        var directories: [String]

        func run() throws {
            var problems: [FrictionError] = []
            for directory in directories {
                problems += LexiconLoader.check(directory: directory)
            }
            for problem in problems { Terminal.error(problem.description) }
            if !problems.isEmpty { throw ExitCode(1) }
            Terminal.write("\(directories.joined(separator: ", ")): no problems found\n")
        }
    }
}
