import Yams

/// Reads YAML (front matter, configuration, lexicons) into Yams nodes and
/// turns Yams' errors into located `FrictionError`s.
public enum YAMLDocument {
    /// Parses `text`; `lineOffset` is added to every line so that errors in
    /// embedded YAML (front matter) point at the line of the whole file.
    /// `typedScalars: false` leaves every plain scalar a string, for readers
    /// that only take text: Yams then never runs its tag regexes, which it
    /// otherwise runs on every key to check for duplicates (about 160,000
    /// instructions per front matter).
    public static func compose(_ text: String, path: String, lineOffset: Int = 0, typedScalars: Bool = true,
                               makeError: (String, Int?, Int?, String) -> FrictionError = FrictionError.configuration) throws -> Node? {
        do {
            // The encoding is named, not left to Yams' `.default`: that reads
            // the whole process environment on every call (a twentieth of a
            // lint run over thousands of files with front matter).
            return try Yams.compose(yaml: text, typedScalars ? .default : .basic, .default, .utf8)
        } catch let error as YamlError {
            let (line, column, problem) = locate(error)
            throw makeError(path, line.map { $0 + lineOffset }, column, "invalid YAML: \(problem)")
        } catch {
            throw makeError(path, nil, nil, "invalid YAML: \(error)")
        }
    }

    static func locate(_ error: YamlError) -> (Int?, Int?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return (mark.line, mark.column, detail)
        case .reader(let problem, _, _, _):
            return (nil, nil, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, context.mark.column, "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return (nil, nil, "\(error)")
        }
    }
}

extension Node {
    /// The 1-based line of this node in its YAML text, if known.
    public var line: Int? { mark?.line }
}
