import FrictionCore

/// Prints the document model (`friction parse`): metadata, sections and
/// every sentence with its exact start and end. A debugging aid for people
/// writing lexicons, and a contract for tests.
public enum DocumentModelReporter {
    public enum Format: String, CaseIterable, Sendable {
        case text
        case json
    }

    /// One parsed document, or the error that stopped it.
    public typealias Outcome = Result<Document, FrictionError>

    public static func render(_ outcomes: [(path: String, outcome: Outcome)], format: Format) -> String {
        switch format {
        case .json: return json(outcomes).serialized() + "\n"
        case .text: return outcomes.map { text($0.path, $0.outcome) }.joined(separator: "\n")
        }
    }

    static func text(_ path: String, _ outcome: Outcome) -> String {
        switch outcome {
        case .failure(let error):
            return "error: \(error)\n"
        case .success(let document):
            var lines: [String] = ["\(document.path) (\(document.format.rawValue)\(document.profile.map { ", " + $0 } ?? ""))"]
            let metadata = document.metadata
            for (key, value) in [("title", metadata.title), ("owner", metadata.owner), ("effective", metadata.effectiveDate),
                                 ("review", metadata.reviewDate), ("audience", metadata.audience), ("language", metadata.language)] {
                if let value { lines.append("  \(key): \(value)") }
            }
            for diagnostic in document.diagnostics {
                lines.append("  warning: \(document.path):\(diagnostic.line): \(diagnostic.message)")
            }
            var blockIndex = -1
            for sentence in document.sentences {
                if sentence.blockKind == .heading, let section = sentence.section {
                    let level = document.sections[section].level
                    lines.append("\(String(repeating: "#", count: level)) \(sentence.range.start) \(document.sections[section].heading)")
                    continue
                }
                if sentence.block != blockIndex { blockIndex = sentence.block }
                lines.append("  \(sentence.range.start)-\(sentence.range.end) [\(sentence.blockKind.rawValue)] \(sentence.text)")
            }
            for comment in document.comments {
                lines.append("  comment \(comment.range.start): \(comment.text)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func json(_ outcomes: [(path: String, outcome: Outcome)]) -> JSONValue {
        var documents: [JSONValue] = []
        var errors: [JSONValue] = []
        for (path, outcome) in outcomes {
            switch outcome {
            case .success(let document): documents.append(json(document))
            case .failure(let error):
                errors.append(.object([("path", .string(path)), ("line", error.line.map(JSONValue.int) ?? .null),
                                       ("column", error.column.map(JSONValue.int) ?? .null), ("message", .string(error.reason))]))
            }
        }
        return .object([("version", .int(1)), ("documents", .array(documents)), ("errors", .array(errors))])
    }

    static func json(_ document: Document) -> JSONValue {
        let metadata = document.metadata
        return .object([
            ("path", .string(document.path)),
            ("format", .string(document.format.rawValue)),
            ("profile", .optional(document.profile)),
            ("metadata", .object([
                ("title", .optional(metadata.title)), ("owner", .optional(metadata.owner)),
                ("effective", .optional(metadata.effectiveDate)), ("review", .optional(metadata.reviewDate)),
                ("audience", .optional(metadata.audience)), ("language", .optional(metadata.language)),
            ])),
            ("sections", .array(document.sections.map { section in
                .object([("heading", .string(section.heading)), ("level", .int(section.level))] + JSONReporter.range(section.range)
                        + [("parent", section.parent.map(JSONValue.int) ?? .null)])
            })),
            ("sentences", .array(document.sentences.map { sentence in
                .object([("text", .string(sentence.text)), ("kind", .string(sentence.blockKind.rawValue))]
                        + JSONReporter.range(sentence.range)
                        + [("section", sentence.section.map(JSONValue.int) ?? .null)])
            })),
            ("comments", .array(document.comments.map { comment in
                .object([("text", .string(comment.text))] + JSONReporter.range(comment.range))
            })),
            ("diagnostics", .array(document.diagnostics.map { diagnostic in
                .object([("line", .int(diagnostic.line)), ("message", .string(diagnostic.message))])
            })),
        ])
    }
}
