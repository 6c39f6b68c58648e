import ArgumentParser
import FrictionCore
import FrictionKit
import Foundation

struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `friction lint --staged`.",
        discussion: """
            Writes .git/hooks/pre-commit in the current repository. The hook lints \
            what is staged and stops the commit on findings at or above the fail \
            level. Options after -- are passed to `friction lint`, for example \
            `friction install-hook -- --baseline .friction-baseline.json`. Refuses to \
            replace an existing hook without --force.
            """
    )

    @Flag(name: .long, help: "Replace an existing pre-commit hook.")
    var force = false

    @Argument(parsing: .postTerminator, help: "Options for `friction lint --staged`, after --.")
    var lintArguments: [String] = []

    func run() throws {
        do {
            let path = try HookInstaller.install(executable: Self.executablePath, lintArguments: lintArguments, force: force)
            Terminal.write("installed \(path)\n")
        } catch let error as FrictionError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// This binary, by absolute path, so the hook runs the same Friction.
    static var executablePath: String {
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        return "friction"
    }
}
