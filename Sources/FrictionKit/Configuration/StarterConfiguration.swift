import FrictionCore
import Foundation

/// The commented `.friction.yml` that `friction init` writes. Example
/// settings start with `#` and no space (`#rules:`), or `#` and the
/// indentation of a nested line (`#  rigid-rule: warning`), so removing that
/// one character turns them on; prose comments start with `# ` and a word.
public enum StarterConfiguration {
    public static func text(rules: [RuleDescription]) -> String {
        let width = rules.map(\.identifier.count).max() ?? 0
        let ruleLines = rules.map { rule in
            let setting = "\(rule.identifier): \(rule.defaultSeverity.rawValue)"
            return "#  " + setting.padding(toLength: width + 10, withPad: " ", startingAt: 0) + "# " + rule.message
        }.joined(separator: "\n")
        return """
            # Friction configuration, written by `friction init`.
            #
            # Friction reads this file from the folder it runs in or the nearest folder
            # above it (or the file named with --config). Paths and globs are relative
            # to the folder that holds this file. Every setting is optional. Lines such
            # as `#rules:` and the indented lines under them are examples: delete the
            # `#` at the start of each line to use them.
            # `friction rules` lists the rules; `friction explain RULE` explains one.

            # Findings at or above this severity make `friction lint` fail (exit 1):
            # info, warning or error.
            fail-level: warning

            # Change a rule's severity (info, warning, error) or turn it off (off).
            # The defaults are shown.
            #rules:
            \(ruleLines)

            # Lint only these files (default: every Markdown and XML file found).
            #include: ["policies/**"]

            # Never lint these files.
            #exclude: ["drafts/**", "README.md"]

            # Settings for some paths only; later entries win.
            #overrides:
            #  - paths: ["hr/**"]
            #    rules: { missing-empowerment: off }

            # Extra lexicon folders: your own phrases, or built-in ones switched off.
            #lexicons: ["lexicons/ours"]

            # Your own culture frameworks (such as your service standards), measured
            # by `friction coverage` and the audit report beside the built-in ones.
            #frameworks: ["standards/service-standards.yml"]

            """
    }

    /// Writes the starter file as `.friction.yml` in `directory` and returns
    /// its path. Refuses to replace an existing file unless `force`.
    @discardableResult
    public static func write(in directory: String = FileManager.default.currentDirectoryPath,
                             rules: [RuleDescription], force: Bool) throws -> String {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(ConfigurationLoader.fileName).standardizedFileURL.path
        if FileManager.default.fileExists(atPath: path), !force {
            throw FrictionError.usage("\(path) already exists; run again with --force to replace it")
        }
        try OutputFile.writeAtomically(text(rules: rules), to: path)
        return path
    }
}
