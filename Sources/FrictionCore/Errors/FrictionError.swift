/// Errors Friction reports to its users. Each names the file and, where it is
/// known, the line and column, so the message can be acted on.
public enum FrictionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all (missing, a directory, no permission).
    case unreadable(path: String, reason: String)
    /// The bytes are not text Friction can read (binary, bad encoding).
    case undecodable(path: String, line: Int?, column: Int?, reason: String)
    /// The file is text but does not parse (malformed XML, bad front matter).
    case malformed(path: String, line: Int?, column: Int?, reason: String)
    /// A configuration or lexicon file is wrong.
    case configuration(path: String, line: Int?, column: Int?, reason: String)
    /// The command line asked for something that does not exist.
    case usage(String)
    /// Several mistakes found in one pass (a configuration file with three
    /// wrong keys), each with its own place, so all are fixed in one go.
    indirect case several([FrictionError])

    /// `errors` as one error: itself when there is one, flattened otherwise.
    public static func combining(_ errors: [FrictionError]) -> FrictionError? {
        let flat = errors.flatMap { error -> [FrictionError] in
            if case .several(let inner) = error { return inner }
            return [error]
        }
        return flat.count <= 1 ? flat.first : .several(flat)
    }

    public var path: String? {
        switch self {
        case .unreadable(let path, _), .undecodable(let path, _, _, _), .malformed(let path, _, _, _),
             .configuration(let path, _, _, _):
            return path
        case .usage:
            return nil
        case .several(let errors):
            return errors.first?.path
        }
    }

    public var line: Int? {
        switch self {
        case .undecodable(_, let line, _, _), .malformed(_, let line, _, _), .configuration(_, let line, _, _):
            return line
        case .unreadable, .usage:
            return nil
        case .several(let errors):
            return errors.first?.line
        }
    }

    public var column: Int? {
        switch self {
        case .undecodable(_, _, let column, _), .malformed(_, _, let column, _), .configuration(_, _, let column, _):
            return column
        case .unreadable, .usage:
            return nil
        case .several(let errors):
            return errors.first?.column
        }
    }

    public var reason: String {
        switch self {
        case .unreadable(_, let reason), .undecodable(_, _, _, let reason), .malformed(_, _, _, let reason),
             .configuration(_, _, _, let reason), .usage(let reason):
            return reason
        case .several(let errors):
            return errors.map(\.reason).joined(separator: "; ")
        }
    }

    /// `path:line:column: reason`, the shape compilers and editors understand.
    /// One line per mistake for `.several`.
    public var description: String {
        if case .several(let errors) = self { return errors.map(\.description).joined(separator: "\n") }
        guard let path else { return reason }
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(reason)"
    }
}
