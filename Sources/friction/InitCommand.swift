import ArgumentParser
import FrictionCore
import FrictionKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .friction.yml in the current folder.",
        discussion: "Lists every setting and every rule with its default severity. Refuses to replace an existing file without --force."
    )

    @Flag(name: .long, help: "Replace an existing .friction.yml.")
    var force = false

    func run() throws {
        do {
            let path = try StarterConfiguration.write(rules: try RuleCatalog.descriptions(), force: force)
            Terminal.write("wrote \(path)\n")
        } catch let error as FrictionError {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}
