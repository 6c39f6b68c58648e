import ArgumentParser
import FrictionKit
import Foundation

@main
struct Friction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "friction",
        abstract: "Audit company rulebooks for policy friction.",
        discussion: """
            Friction reads policy documents in Markdown or XML and finds rigid \
            "there's nothing I can do" rules, scripted refusals and customer-facing \
            sections that never empower staff to put things right.

            Exit codes: 0 clean, 1 findings at or above the fail level or a file \
            that could not be read, 2 usage or configuration error.
            """,
        version: FrictionVersion.current,
        subcommands: [LintCommand.self, ReportCommand.self, ParseCommand.self, RulesCommand.self, ExplainCommand.self, LexiconsCommand.self, CoverageCommand.self,
                      InitCommand.self, InstallHookCommand.self],
        defaultSubcommand: LintCommand.self
    )

    /// Runs the command, with usage errors (an unknown option, a missing
    /// argument) exiting 2 as DESIGN.md says, not ArgumentParser's 64.
    static func main() {
        // Decoding the built-in automaton overlaps parsing the arguments
        // (each some 4 ms of a 20 ms one-file lint). Which one a run needs
        // is known only once they are parsed: a word that asks for coverage
        // (the JSON format, the report or coverage commands) says which to
        // start with, and a wrong guess only costs that other thread's time.
        let arguments = CommandLine.arguments.dropFirst()
        Linter.prepareBuiltIns(forCoverage: arguments.contains { ["json", "report", "coverage"].contains($0) }
                               || arguments.contains { $0.hasPrefix("--format=json") })
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
