/// The `coverage` objects of `--format json` and `friction coverage --format json`.
public enum CoverageJSON {
    /// Per file: `{framework id: {"addressed", "elements", "items": [...]}}`,
    /// items only for elements with some evidence.
    public static func file(_ coverage: DocumentCoverage) -> JSONValue {
        .object(coverage.frameworks.map { framework in
            (framework.id, .object([
                ("addressed", .int(framework.addressedCount)),
                ("elements", .int(framework.elements.count)),
                ("items", .array(framework.elements.filter { $0.level != .none }.map { element in
                    .object([
                        ("element", .string(element.id)),
                        ("level", .string(element.level.name)),
                        ("statements", .int(element.statements)),
                        ("mentions", .int(element.mentions)),
                        ("evidence", .array(element.evidence.map { evidence($0, path: nil) })),
                    ])
                })),
            ]))
        })
    }

    /// For the whole rulebook: every element, addressed or missing, with its best evidence.
    public static func rulebook(_ coverage: [RulebookFrameworkCoverage]) -> JSONValue {
        .object(coverage.map { framework in
            (framework.framework.id, .object([
                ("name", .string(framework.framework.name)),
                ("addressed", .int(framework.addressedCount)),
                ("elements", .int(framework.elements.count)),
                ("missing", .array(framework.missing.map { .string($0.element.id) })),
                ("items", .array(framework.elements.map { item in
                    var members: [(String, JSONValue)] = [
                        ("element", .string(item.element.id)),
                        ("name", .string(item.element.name)),
                        ("level", .string(item.level.name)),
                        ("policies", .int(item.policies)),
                        ("evidence", .array(item.evidence.map { evidence($0.evidence, path: $0.path) })),
                    ]
                    if !item.level.isAddressed { members.append(("wouldSay", .string(item.element.example))) }
                    return .object(members)
                })),
            ]))
        })
    }

    static func evidence(_ evidence: CoverageEvidence, path: String?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let path { members.append(("path", .string(path))) }
        members += [
            ("line", .int(evidence.range.start.line)), ("column", .int(evidence.range.start.column)),
            ("endLine", .int(evidence.range.end.line)), ("endColumn", .int(evidence.range.end.column)),
            ("statement", .bool(evidence.isStatement)),
            ("matched", .string(evidence.matched)),
            ("text", .string(evidence.text)),
        ]
        return .object(members)
    }
}
