import ArgumentParser
import FrictionKit
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: identifier, default severity and what it finds.",
        discussion: "--format markdown prints the rule reference, docs/rules.md (regenerate it with `make docs`)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case markdown
    }

    @Option(name: .shortAndLong, help: "text: one line per rule; markdown: the full rule reference.")
    var format: Format = .text

    func run() throws {
        let descriptions = try RuleCatalog.descriptions()
        if format == .markdown {
            Terminal.write(RuleDocumentation.markdown(descriptions))
            return
        }
        let width = descriptions.map(\.identifier.count).max() ?? 0
        var output = ""
        for rule in descriptions {
            let padded = rule.identifier.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            output += "\(padded)  \(severity)  \(rule.message)\n"
        }
        Terminal.write(output)
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it matters, examples, and how to fix what it finds."
    )

    @Argument(help: "A rule identifier, as `friction rules` lists them.")
    var rule: String

    func run() throws {
        let descriptions = try RuleCatalog.descriptions()
        guard let description = descriptions.first(where: { $0.identifier == rule }) else {
            Terminal.error("unknown rule '\(rule)'; known rules: \(descriptions.map(\.identifier).joined(separator: ", "))")
            throw ExitCode(2)
        }
        Terminal.write(RuleCatalog.explanation(of: description))
    }
}
