import FrictionCore
import FrictionRules
import Foundation
import Yams

/// Finds and reads `.friction.yml`. Every mistake (malformed YAML, an
/// unknown key, an unknown rule, a bad severity) is an error naming the file
/// and line: a silently ignored setting is worse than a refused one.
public enum ConfigurationLoader {
    public static let fileName = ".friction.yml"

    /// `.friction.yml` in `directory` or the nearest folder above it.
    public static func find(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Loads `explicitPath`, or the file found upward from the working
    /// directory, or the defaults. `knownRules` are the valid rule ids (nil:
    /// the built-in rules).
    public static func load(explicitPath: String?, workingDirectory: String = FileManager.default.currentDirectoryPath,
                            knownRules: Set<String>?) throws -> Configuration {
        guard let path = explicitPath ?? find(from: workingDirectory) else {
            return Configuration(baseDirectory: workingDirectory)
        }
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FrictionError.configuration(path: path, line: nil, column: nil, reason: "cannot read the configuration file")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        return try parse(String(decoding: bytes, as: UTF8.self), path: path, baseDirectory: base, knownRules: knownRules)
    }

    static let topLevelKeys: Set<String> = ["rules", "include", "exclude", "overrides", "lexicons", "frameworks", "fail-level"]

    public static func parse(_ text: String, path: String, baseDirectory: String, knownRules: Set<String>?) throws -> Configuration {
        var configuration = Configuration(path: path, baseDirectory: baseDirectory)
        // Plain scalars stay strings (see `flag`): typing them compiled Yams'
        // tag regular expressions, a seventh of a one-file lint's start-up.
        guard let root = try YAMLDocument.compose(text, path: path, typedScalars: false) else { return configuration }
        let mapping = try map(root, path: path, what: "the configuration")
        // Every key is checked, and every mistake reported at once: a user
        // fixing a configuration should not meet its mistakes one run at a time.
        let knownRules = knownRules ?? Set(RuleSet.ruleTypes.map { $0.description.identifier })
        var mistakes = Mistakes()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            mistakes.attempt {
                switch key {
                case "rules":
                    configuration.rules = try ruleSettings(value, path: path, knownRules: knownRules)
                case "include":
                    configuration.include = try strings(value, path: path, key: key).map(Glob.init)
                case "exclude":
                    configuration.exclude = try strings(value, path: path, key: key).map(Glob.init)
                case "lexicons":
                    configuration.lexiconDirectories = try strings(value, path: path, key: key).map {
                        $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: baseDirectory).appendingPathComponent($0).standardizedFileURL.path
                    }
                case "frameworks":
                    configuration.frameworkFiles = try strings(value, path: path, key: key).map {
                        $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: baseDirectory).appendingPathComponent($0).standardizedFileURL.path
                    }
                case "fail-level":
                    configuration.failLevel = try severity(value, path: path)
                case "overrides":
                    configuration.overrides = try overrides(value, path: path, knownRules: knownRules)
                default:
                    throw error(keyNode, path, "unknown key '\(key)' (expected one of: \(topLevelKeys.sorted().joined(separator: ", ")))")
                }
            }
        }
        try mistakes.check()
        return configuration
    }

    private static func overrides(_ value: Node, path: String, knownRules: Set<String>?) throws -> [PathOverride] {
        guard let items = value.sequence else { throw error(value, path, "'overrides' must be a list") }
        var mistakes = Mistakes()
        var result: [PathOverride] = []
        for item in items {
            mistakes.attempt {
                let entry = try map(item, path: path, what: "an override")
                var paths: [Glob] = []
                var rules: [String: RuleSetting] = [:]
                var entryMistakes = Mistakes()
                var pathsMalformed = false
                for (entryKey, entryValue) in entry {
                    entryMistakes.attempt {
                        switch entryKey.string {
                        case "paths":
                            do {
                                paths = try strings(entryValue, path: path, key: "paths").map(Glob.init)
                            } catch {
                                pathsMalformed = true
                                throw error
                            }
                        case "rules": rules = try ruleSettings(entryValue, path: path, knownRules: knownRules)
                        default: throw error(entryKey, path, "unknown key '\(entryKey.string ?? "")' in an override (expected paths, rules)")
                        }
                    }
                }
                // An empty or missing list, not one already reported as malformed.
                if paths.isEmpty && !pathsMalformed {
                    entryMistakes.attempt { throw error(item, path, "an override needs 'paths'") }
                }
                try entryMistakes.check()
                result.append(PathOverride(paths: paths, rules: rules))
            }
        }
        try mistakes.check()
        return result
    }

    private static func ruleSettings(_ node: Node, path: String, knownRules: Set<String>?) throws -> [String: RuleSetting] {
        var result: [String: RuleSetting] = [:]
        var mistakes = Mistakes()
        for (keyNode, value) in try map(node, path: path, what: "'rules'") {
            mistakes.attempt {
                let rule = keyNode.string ?? ""
                guard knownRules?.contains(rule) ?? true else {
                    throw error(keyNode, path, "unknown rule '\(rule)'; `friction rules` lists them")
                }
                result[rule] = try ruleSetting(value, rule: rule, path: path)
            }
        }
        try mistakes.check()
        return result
    }

    private static func ruleSetting(_ value: Node, rule: String, path: String) throws -> RuleSetting {
        if let mapping = value.mapping {
            // Read every key first, so the order they are written in
            // does not matter: `enabled: false` wins over a severity.
            var chosen: Severity?
            var enabled = true
            for (optionKey, optionValue) in mapping {
                switch optionKey.string {
                case "severity": chosen = try severity(optionValue, path: path)
                case "enabled":
                    guard let flag = flag(optionValue) else { throw error(optionValue, path, "'enabled' must be true or false") }
                    enabled = flag
                default: throw error(optionKey, path, "unknown key '\(optionKey.string ?? "")' for rule '\(rule)' (expected severity, enabled)")
                }
            }
            return !enabled ? .off : chosen.map(RuleSetting.severity) ?? .on
        }
        if value.string == "off" || flag(value) == false { return .off }
        if value.string == "on" || flag(value) == true { return .on }
        return .severity(try severity(value, path: path))
    }

    /// A YAML 1.1 boolean, as Yams' typed scalars read one: an unquoted
    /// true, yes or on, or false, no or off, in any case.
    private static func flag(_ node: Node) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    private static func severity(_ node: Node, path: String) throws -> Severity {
        guard let text = node.string, let severity = Severity(rawValue: text) else {
            throw error(node, path, "'\(node.string ?? "?")' is not a severity (expected info, warning, error or off)")
        }
        return severity
    }

    private static func strings(_ node: Node, path: String, key: String) throws -> [String] {
        if let single = node.scalar { return [single.string] }
        guard let items = node.sequence else { throw error(node, path, "'\(key)' must be a string or a list of strings") }
        return try items.map { item in
            guard let text = item.scalar?.string else { throw error(item, path, "'\(key)' must hold strings") }
            return text
        }
    }

    private static func map(_ node: Node, path: String, what: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else { throw error(node, path, "\(what) must be a mapping of keys to values") }
        return mapping
    }

    private static func error(_ node: Node, _ path: String, _ reason: String) -> FrictionError {
        .configuration(path: path, line: node.mark?.line, column: node.mark?.column, reason: reason)
    }
}

/// Mistakes found while reading a file, thrown together at the end.
private struct Mistakes {
    private var found: [FrictionError] = []

    mutating func attempt(_ body: () throws -> Void) {
        do {
            try body()
        } catch let error as FrictionError {
            found.append(error)
        } catch {
            found.append(.configuration(path: "", line: nil, column: nil, reason: "\(error)"))
        }
    }

    func check() throws {
        if let error = FrictionError.combining(found) { throw error }
    }
}
