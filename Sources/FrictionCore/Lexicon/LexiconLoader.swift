import Foundation
import Yams

/// Loads lexicon YAML files (built-in and user directories) and compiles them.
///
/// A lexicon file holds one concept (its file name without `.yml`):
/// ```yaml
/// description: Absolute wording.
/// entries:
///   - id: not-permitted
///     pattern: "{be} not {permit}"
///     note: ...
///     weight: 1.0
///     suggestion: ...
/// disable: [some-built-in-id]
/// ```
/// and may define word classes under `classes:`.
public enum LexiconLoader {
    /// The rules' lexicon: built-in lexicons plus user directories (later
    /// ones add to / disable earlier entries). Every entry is loaded and
    /// checked, and only the concepts the rules read are matched
    /// (`PolicyAnalyzer.conceptNames`): `policy-statement`, say, is read by
    /// culture coverage alone. A run that measures coverage judges with the
    /// `CoverageMatcher`'s lexicon instead, which matches both.
    public static func load(includeBuiltIn: Bool = true, directories: [String] = []) throws -> CompiledLexicon {
        if includeBuiltIn && directories.isEmpty, let compiled = BuiltInAutomata.rules {
            var errors: [FrictionError] = []
            return assemble(try builtInFiles(), errors: &errors, strictDisable: true, compiled: compiled)
        }
        var files: [LexiconFile] = []
        if includeBuiltIn { files += try builtInFiles() }
        for directory in directories {
            for (path, text) in try readDirectory(directory) {
                files.append(try LexiconFile.parse(text, path: path))
            }
        }
        var errors: [FrictionError] = []
        let lexicon = assemble(files, errors: &errors, strictDisable: true, matching: PolicyAnalyzer.conceptNames)
        if let first = errors.first { throw first }
        return lexicon
    }

    /// Reads the built-in lexicons and decodes the automaton a run will
    /// match with (the rules' alone, or with the frameworks' for a run that
    /// measures coverage) on another thread, and returns at once: a caller
    /// with other work first (parsing its arguments) finds them ready. Each
    /// is read once per process, by whichever thread asks first; one asked
    /// for here and never used cost only that thread's time.
    public static func prepareBuiltIns(forCoverage: Bool) {
        Thread.detachNewThread {
            _ = BuiltInLexicons.parsedFiles
            _ = forCoverage ? BuiltInAutomata.combined : BuiltInAutomata.rules
        }
    }

    /// Every problem in one lexicon directory (for `friction lexicons check DIR`); empty = valid.
    public static func check(directory: String) -> [FrictionError] {
        var errors: [FrictionError] = []
        let builtIn: [LexiconFile]
        do { builtIn = try builtInFiles() } catch {
            return [error]
        }
        let sources: [(String, String)]
        do { sources = try readDirectory(directory) } catch {
            return [error]
        }
        var files = builtIn
        for (path, text) in sources {
            do { files.append(try LexiconFile.parse(text, path: path)) } catch {
                errors.append(error)
            }
        }
        _ = assemble(files, errors: &errors, strictDisable: true)
        return errors
    }

    /// The built-in lexicon files, parsed when the binary was built
    /// (`BuiltInLexicons.parsedFiles`, from scripts/embed-lexicons.py; a test
    /// checks them against what parsing the embedded YAML gives). Shared with
    /// the coverage matcher.
    static func builtInFiles() throws(FrictionError) -> [LexiconFile] {
        BuiltInLexicons.parsedFiles
    }

    static func readDirectory(_ directory: String) throws(FrictionError) -> [(String, String)] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .configuration(path: directory, line: nil, column: nil, reason: "lexicon directory not found")
        }
        let names: [String]
        do { names = try manager.contentsOfDirectory(atPath: directory) } catch {
            throw .configuration(path: directory, line: nil, column: nil, reason: "cannot list lexicon directory: \(error.localizedDescription)")
        }
        var result: [(String, String)] = []
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let data = manager.contents(atPath: path) else {
                throw .configuration(path: path, line: nil, column: nil, reason: "cannot read lexicon file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .configuration(path: path, line: nil, column: nil, reason: "lexicon file is not UTF-8")
            }
            result.append((path, text))
        }
        return result
    }

    /// Resolves classes, applies disables and compiles every pattern.
    /// With `compiled`, the automaton of exactly these files (embedded at
    /// build time), patterns are neither parsed nor compiled again: only the
    /// entries are listed, in the same order.
    /// `matching`: the concepts to match (nil: every one), and `andEntries`
    /// the entries of other concepts to match too, when no automaton
    /// `compiled` already is given.
    static func assemble(_ files: [LexiconFile], errors: inout [FrictionError], strictDisable: Bool,
                         compiled: TokenAutomaton? = nil, matching concepts: Set<String>? = nil,
                         andEntries entryIDs: Set<String> = []) -> CompiledLexicon {
        // Word classes: later files add members to a class.
        var classSources: [String: [(String, LexiconFile.Located)]] = [:]
        var classOrder: [String] = []
        for file in files {
            for (name, members) in file.classes {
                if classSources[name] == nil { classOrder.append(name) }
                classSources[name, default: []] += members.map { (file.path, $0) }
            }
        }
        var classes: [String: [[PatternNode]]] = [:]
        var resolving: Set<String> = []
        let words = PatternParser.WordCache()
        func resolve(_ name: String) {
            guard classes[name] == nil, !resolving.contains(name), let sources = classSources[name] else { return }
            resolving.insert(name)
            // Resolve classes this one mentions first.
            for (_, member) in sources {
                for other in mentionedClasses(member.value) where classSources[other] != nil { resolve(other) }
            }
            var alternatives: [[PatternNode]] = []
            for (path, member) in sources {
                do throws(PatternError) {
                    let pattern = try PatternParser.parse(member.value, classes: classes, words: words)
                    if pattern.anchored { throw PatternError(offset: 0, reason: "'^' is not allowed in a word class") }
                    alternatives.append(pattern.nodes)
                } catch {
                    errors.append(.configuration(path: path, line: member.line, column: member.column.map { $0 + (member.quoted ? 1 : 0) + error.offset },
                                                 reason: "bad word class '\(name)' member '\(member.value)': \(error.reason)"))
                }
            }
            resolving.remove(name)
            classes[name] = alternatives
        }
        if compiled == nil {
            for name in classOrder { resolve(name) }
        }

        // Entries: a later entry with the same id replaces the earlier one.
        var entries: [LexiconEntry] = []
        var patterns: [Pattern] = []
        var disabled: [(String, LexiconFile.Located)] = []
        // Ids seen so far: searching `entries` for each new one compared
        // every pair of the built-in set's ids at each start-up.
        var ids: Set<String> = []
        for file in files {
            for entry in file.entries {
                if !ids.insert(entry.id).inserted {
                    let keep = entries.indices.filter { entries[$0].id != entry.id }
                    entries = keep.map { entries[$0] }
                    patterns = keep.map { patterns[$0] }
                }
                for source in entry.patterns {
                    do throws(PatternError) {
                        let pattern = compiled == nil ? try PatternParser.parse(source.value, classes: classes, words: words)
                            : Pattern(nodes: [], anchored: false)
                        entries.append(LexiconEntry(id: entry.id, concept: file.concept, pattern: source.value, note: entry.note,
                                                    weight: entry.weight, suggestion: entry.suggestion, path: file.path, line: source.line))
                        patterns.append(pattern)
                    } catch {
                        errors.append(.configuration(path: file.path, line: source.line,
                                                     column: source.column.map { $0 + (source.quoted ? 1 : 0) + error.offset },
                                                     reason: "bad pattern '\(source.value)' in entry '\(entry.id)': \(error.reason)"))
                    }
                }
            }
            disabled += file.disable.map { (file.path, $0) }
        }
        var off: Set<String> = []
        let known = Set(entries.map(\.id))
        for (path, id) in disabled {
            if strictDisable && !known.contains(id.value) {
                errors.append(.configuration(path: path, line: id.line, column: id.column,
                                             reason: "cannot disable unknown lexicon entry '\(id.value)'"))
            }
            off.insert(id.value)
        }
        var keptEntries: [LexiconEntry] = []
        var keptPatterns: [Pattern] = []
        for (entry, pattern) in zip(entries, patterns) where !off.contains(entry.id) {
            keptEntries.append(entry)
            keptPatterns.append(pattern)
        }
        if let compiled { return CompiledLexicon(entries: keptEntries, automaton: compiled) }
        return CompiledLexicon(entries: keptEntries, patterns: keptPatterns) { entry in
            concepts?.contains(entry.concept) ?? true || entryIDs.contains(entry.id)
        }
    }

    /// Every `name` written `{name}` in a pattern, in order.
    static func mentionedClasses(_ pattern: String) -> [String] {
        var names: [String] = []
        var name: String.UnicodeScalarView?
        for scalar in pattern.unicodeScalars {
            if scalar == "{" {
                name = String.UnicodeScalarView()
            } else if scalar == "}" {
                if let found = name { names.append(String(found)) }
                name = nil
            } else {
                name?.append(scalar)
            }
        }
        return names
    }
}

/// One lexicon YAML file, validated but not yet compiled.
struct LexiconFile: Sendable {
    struct Located: Sendable {
        var value: String
        var line: Int?
        var column: Int?
        var quoted = false
    }

    struct Entry: Sendable {
        var id: String
        var patterns: [Located]
        var note: String?
        var weight: Double
        var suggestion: String?
    }

    var path: String
    var concept: String
    var entries: [Entry] = []
    var disable: [Located] = []
    var classes: [(String, [Located])] = []

    static func parse(_ text: String, path: String) throws(FrictionError) -> LexiconFile {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yml", ".yaml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        var file = LexiconFile(path: path, concept: name)
        let root: Node?
        do { root = try YAMLDocument.compose(text, path: path) } catch let error as FrictionError { throw error } catch {
            throw .configuration(path: path, line: nil, column: nil, reason: "\(error)")
        }
        guard let root else { return file }
        guard let mapping = root.mapping else { throw error(path, root, "a lexicon file must be a mapping") }
        var ids: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(path, keyNode, "keys must be strings") }
            switch key {
            case "description":
                guard value.scalar != nil else { throw error(path, value, "'description' must be text") }
            case "concept":
                guard let concept = value.string, !concept.isEmpty else { throw error(path, value, "'concept' must be text") }
                file.concept = concept
            case "entries":
                guard let sequence = value.sequence else { throw error(path, value, "'entries' must be a list") }
                for item in sequence {
                    let entry = try parseEntry(item, path: path)
                    guard ids.insert(entry.id).inserted else { throw error(path, item, "duplicate entry id '\(entry.id)'") }
                    file.entries.append(entry)
                }
            case "disable":
                file.disable = try strings(value, path: path, key: "disable")
            case "classes":
                guard let classes = value.mapping else { throw error(path, value, "'classes' must map class names to word lists") }
                for (nameNode, members) in classes {
                    guard let className = nameNode.string, !className.isEmpty,
                          className.unicodeScalars.allSatisfy({ CharacterClasses.isLetter($0) || $0 == "-" || $0 == "_" || CharacterClasses.isDigit($0) }) else {
                        throw error(path, nameNode, "a class name must be a plain word")
                    }
                    if className == "any" || className == "number" || className == "year" { throw error(path, nameNode, "'\(className)' is a reserved class") }
                    file.classes.append((className, try strings(members, path: path, key: className)))
                }
            default:
                throw error(path, keyNode, "unknown key '\(key)' (expected description, entries, disable, classes, concept)")
            }
        }
        return file
    }

    private static func parseEntry(_ node: Node, path: String) throws(FrictionError) -> Entry {
        guard let mapping = node.mapping else { throw error(path, node, "an entry must be a mapping with 'id' and 'pattern'") }
        var id: String?
        var patterns: [Located] = []
        var note: String?
        var weight = 1.0
        var suggestion: String?
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(path, keyNode, "keys must be strings") }
            switch key {
            case "id":
                guard let text = value.string, !text.isEmpty,
                      text.unicodeScalars.allSatisfy({ CharacterClasses.isLetter($0) || CharacterClasses.isDigit($0) || $0 == "-" || $0 == "_" || $0 == "." }) else {
                    throw error(path, value, "'id' must be a word of letters, digits and dashes")
                }
                id = text
            case "pattern", "patterns":
                patterns += try strings(value, path: path, key: key)
            case "note":
                guard let text = value.string else { throw error(path, value, "'note' must be text") }
                note = text
            case "suggestion":
                guard let text = value.string else { throw error(path, value, "'suggestion' must be text") }
                suggestion = text
            case "weight":
                guard let text = value.string, let number = Double(text), number >= 0, number <= 10 else {
                    throw error(path, value, "'weight' must be a number from 0 to 10")
                }
                weight = number
            default:
                throw error(path, keyNode, "unknown key '\(key)' in entry (expected id, pattern, note, weight, suggestion)")
            }
        }
        guard let id else { throw error(path, node, "entry has no 'id'") }
        guard !patterns.isEmpty else { throw error(path, node, "entry '\(id)' has no 'pattern'") }
        return Entry(id: id, patterns: patterns, note: note, weight: weight, suggestion: suggestion)
    }

    private static func strings(_ node: Node, path: String, key: String) throws(FrictionError) -> [Located] {
        if let scalar = node.scalar {
            return [Located(value: scalar.string, line: node.mark?.line, column: node.mark?.column,
                            quoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted)]
        }
        guard let sequence = node.sequence else { throw error(path, node, "'\(key)' must be text or a list of text") }
        var result: [Located] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw error(path, item, "'\(key)' must list plain text items") }
            result.append(Located(value: scalar.string, line: item.mark?.line, column: item.mark?.column,
                                  quoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted))
        }
        return result
    }

    private static func error(_ path: String, _ node: Node, _ reason: String) -> FrictionError {
        .configuration(path: path, line: node.mark?.line, column: node.mark?.column, reason: reason)
    }
}
