import FrictionCore

/// A file that could not be read or parsed. The linter reports these; the
/// rule exists so that docs, `friction explain` and configuration know it.
public struct ParseError: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "parse-error",
        name: "Parse error",
        category: .input,
        scope: .document,
        defaultSeverity: .error,
        message: "The file could not be read or parsed.",
        rationale: """
            A policy that cannot be read cannot be checked; a silent skip would hide its friction. Fix the file \
            so it can be linted with the rest.
            """,
        suggestion: "Fix the syntax error at the reported line (unclosed XML tag, bad front matter, invalid UTF-8).",
        triggeringExamples: [],
        nonTriggeringExamples: []
    )

    public func check(_ context: RuleContext) -> [Finding] { [] }
}
