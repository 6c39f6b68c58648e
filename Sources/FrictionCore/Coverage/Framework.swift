import Foundation
import Yams

/// A service-culture framework: named elements a rulebook should address.
/// Loaded from YAML (`Lexicons/en/frameworks/*.yml`, or a user's file named in
/// `.friction.yml` under `frameworks:`).
public struct Framework: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var elements: [FrameworkElement]
    /// Where it was defined (`<built-in>/...` for the embedded ones).
    public var path: String
}

/// One element of a framework and the wording that shows a policy addresses it.
public struct FrameworkElement: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    /// What a policy that covers the element would say (shown when it is missing).
    public var example: String
    /// Lexicon patterns of its own, with where each was written.
    var patterns: [LexiconFile.Located]
    /// Concepts or entry ids of the loaded lexicons that also count.
    var lexiconReferences: [LexiconFile.Located]

    public var patternSources: [String] { patterns.map(\.value) }
    public var lexiconNames: [String] { lexiconReferences.map(\.value) }

    public static func == (lhs: FrameworkElement, rhs: FrameworkElement) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.description == rhs.description && lhs.example == rhs.example
            && lhs.patternSources == rhs.patternSources && lhs.lexiconNames == rhs.lexiconNames
    }
}

/// Reads framework files. Every mistake names `path:line:col`; unknown keys are errors.
public enum FrameworkLoader {
    static let frameworkKeys = ["id", "name", "description", "elements"]
    static let elementKeys = ["id", "name", "description", "patterns", "lexicon", "example"]

    /// The built-in frameworks, in file-name order.
    public static func builtIn() throws(FrictionError) -> [Framework] {
        builtInFrameworks
    }

    /// Parsed when the binary was built (`BuiltInLexicons.parsedFrameworks`;
    /// a test checks them against what parsing the embedded YAML gives).
    private static let builtInFrameworks: [Framework] = {
        let order = ["six-factors", "eight-keys", "seven-steps"]
        return BuiltInLexicons.parsedFrameworks.sorted {
            (order.firstIndex(of: $0.id) ?? order.count, $0.id) < (order.firstIndex(of: $1.id) ?? order.count, $1.id)
        }
    }()

    /// Reads and parses one framework file from disk.
    public static func load(path: String) throws(FrictionError) -> Framework {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .configuration(path: path, line: nil, column: nil, reason: "cannot read framework file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .configuration(path: path, line: nil, column: nil, reason: "framework file is not UTF-8")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(FrictionError) -> Framework {
        let root: Node?
        do { root = try YAMLDocument.compose(text, path: path) } catch let error as FrictionError { throw error } catch {
            throw .configuration(path: path, line: nil, column: nil, reason: "\(error)")
        }
        guard let root else { throw .configuration(path: path, line: 1, column: 1, reason: "a framework file must not be empty") }
        guard let mapping = root.mapping else { throw error(path, root, "a framework file must be a mapping") }
        var id: String?, name: String?, description = ""
        var elements: [FrameworkElement] = []
        var ids: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(path, keyNode, "keys must be strings") }
            switch key {
            case "id": id = try identifier(value, path: path)
            case "name": name = try textValue(value, path: path, key: key)
            case "description": description = try textValue(value, path: path, key: key)
            case "elements":
                guard let items = value.sequence, !items.isEmpty else { throw error(path, value, "'elements' must be a non-empty list") }
                for item in items {
                    let element = try parseElement(item, path: path)
                    guard ids.insert(element.id).inserted else { throw error(path, item, "duplicate element id '\(element.id)'") }
                    elements.append(element)
                }
            default:
                throw error(path, keyNode, "unknown key '\(key)' (expected \(frameworkKeys.joined(separator: ", ")))")
            }
        }
        guard let id else { throw error(path, root, "framework has no 'id'") }
        guard let name else { throw error(path, root, "framework '\(id)' has no 'name'") }
        guard !elements.isEmpty else { throw error(path, root, "framework '\(id)' has no 'elements'") }
        return Framework(id: id, name: name, description: description, elements: elements, path: path)
    }

    private static func parseElement(_ node: Node, path: String) throws(FrictionError) -> FrameworkElement {
        guard let mapping = node.mapping else { throw error(path, node, "an element must be a mapping with 'id', 'name' and 'patterns'") }
        var id: String?, name: String?, description = "", example = ""
        var patterns: [LexiconFile.Located] = []
        var references: [LexiconFile.Located] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(path, keyNode, "keys must be strings") }
            switch key {
            case "id": id = try identifier(value, path: path)
            case "name": name = try textValue(value, path: path, key: key)
            case "description": description = try textValue(value, path: path, key: key)
            case "example": example = try textValue(value, path: path, key: key)
            case "patterns": patterns = try located(value, path: path, key: key)
            case "lexicon": references = try located(value, path: path, key: key)
            default:
                throw error(path, keyNode, "unknown key '\(key)' in element (expected \(elementKeys.joined(separator: ", ")))")
            }
        }
        guard let id else { throw error(path, node, "element has no 'id'") }
        guard let name else { throw error(path, node, "element '\(id)' has no 'name'") }
        guard !patterns.isEmpty || !references.isEmpty else { throw error(path, node, "element '\(id)' has no 'patterns' or 'lexicon'") }
        return FrameworkElement(id: id, name: name, description: description, example: example,
                                patterns: patterns, lexiconReferences: references)
    }

    private static func identifier(_ node: Node, path: String) throws(FrictionError) -> String {
        guard let text = node.scalar?.string, !text.isEmpty,
              text.unicodeScalars.allSatisfy({ CharacterClasses.isLetter($0) || CharacterClasses.isDigit($0) || $0 == "-" || $0 == "_" }) else {
            throw error(path, node, "'id' must be a word of letters, digits and dashes")
        }
        return text
    }

    private static func textValue(_ node: Node, path: String, key: String) throws(FrictionError) -> String {
        guard let text = node.scalar?.string else { throw error(path, node, "'\(key)' must be text") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func located(_ node: Node, path: String, key: String) throws(FrictionError) -> [LexiconFile.Located] {
        func one(_ item: Node) throws(FrictionError) -> LexiconFile.Located {
            guard let scalar = item.scalar, !scalar.string.isEmpty else { throw error(path, item, "'\(key)' must list plain text items") }
            return LexiconFile.Located(value: scalar.string, line: item.mark?.line, column: item.mark?.column,
                                       quoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted)
        }
        if node.scalar != nil { return [try one(node)] }
        guard let items = node.sequence else { throw error(path, node, "'\(key)' must be text or a list of text") }
        var result: [LexiconFile.Located] = []
        for item in items { result.append(try one(item)) }
        return result
    }

    private static func error(_ path: String, _ node: Node, _ reason: String) -> FrictionError {
        .configuration(path: path, line: node.mark?.line, column: node.mark?.column, reason: reason)
    }
}
