/// The `coverage` objects of `--format json` and `friction coverage --format json`.
public enum CoverageJSON {
    /// Per file: `{framework id: {"addressed", "elements", "items": [...]}}`,
    /// items only for elements with some evidence; written member by member
    /// into `json` (as the member `key` of the open object, when given).
    /// Every linted file has one: built as a tree first, it cost more than
    /// writing it.
    public static func write<Output>(_ coverage: DocumentCoverage, key: String? = nil, to json: inout JSONStreamWriter<Output>) {
        json.beginObject(key: key)
        for framework in coverage.frameworks {
            json.beginObject(key: framework.id)
            json.value(.int(framework.addressedCount), key: "addressed")
            json.value(.int(framework.elements.count), key: "elements")
            json.beginArray(key: "items")
            for element in framework.elements where element.level != .none {
                json.beginObject()
                json.value(.string(element.id), key: "element")
                json.value(.string(element.level.name), key: "level")
                json.value(.int(element.statements), key: "statements")
                json.value(.int(element.mentions), key: "mentions")
                json.beginArray(key: "evidence")
                for evidence in element.evidence {
                    json.beginObject()
                    for (key, value) in evidenceMembers(evidence, path: nil) { json.value(value, key: key) }
                    json.end()
                }
                json.end()
                json.end()
            }
            json.end()
            json.end()
        }
        json.end()
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
        .object(evidenceMembers(evidence, path: path))
    }

    private static func evidenceMembers(_ evidence: CoverageEvidence, path: String?) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(8)
        if let path { members.append(("path", .string(path))) }
        members += [
            ("line", .int(evidence.range.start.line)), ("column", .int(evidence.range.start.column)),
            ("endLine", .int(evidence.range.end.line)), ("endColumn", .int(evidence.range.end.column)),
            ("statement", .bool(evidence.isStatement)),
            ("matched", .string(evidence.matched)),
            ("text", .string(evidence.text)),
        ]
        return members
    }
}
