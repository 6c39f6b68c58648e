import ArgumentParser
import FrictionKit
import Foundation

/// The options every command that lints shares: where configuration and
/// lexicons come from, and how many jobs run.
struct LintInputOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: .friction.yml found upward).")
    var config: String?

    @Option(name: .long, help: "Extra lexicon directory (repeatable).")
    var lexicons: [String] = []

    @Option(name: .shortAndLong, help: "Parallel jobs (default: the number of cores).")
    var jobs: Int?

    func lintOptions() -> LintOptions {
        var options = LintOptions()
        options.configPath = config
        options.lexiconDirectories = lexicons
        if let jobs { options.jobs = jobs }
        return options
    }
}
