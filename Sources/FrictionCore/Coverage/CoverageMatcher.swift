/// The frameworks of a run and one lexicon that matches both them and the
/// rules: the concepts the rules read, each element's own patterns, the
/// lexicon concepts and entries its `lexicon:` names, and the
/// `policy-statement` concept that makes a sentence a statement of policy.
/// The rules judge with `lexicon`, and coverage reads the matches they made
/// (`DocumentAnalysis.matches`): a second automaton of its own cost a second
/// word look-up and first step at every token of every sentence. Built once
/// per run; shared across threads.
public struct CoverageMatcher: Sendable {
    public let frameworks: [Framework]
    /// Matches the rules' concepts and the frameworks': give it to the
    /// `RuleSet` too, so that coverage can read the rules' matches.
    public let lexicon: CompiledLexicon
    /// For each concept of `lexicon`, the (framework, element) pairs it shows.
    let elementsOfConcept: [[ElementKey]]
    /// For entries named by id: entry index of `lexicon` → elements.
    let elementsOfEntry: [Int: [ElementKey]]
    let statementConcept: Int?
    /// For each entry of `lexicon`, whether a match of it shows an element
    /// (most of the rules' entries show none).
    let showsElements: [Bool]

    struct ElementKey: Sendable, Hashable {
        var framework: Int
        var element: Int
    }

    static let statementConceptName = "policy-statement"

    /// Compiles `frameworks` against the built-in lexicons and `lexiconDirectories`
    /// (the rules' entries, word classes, `lexicon:` references and the
    /// statement wording).
    public static func make(frameworks: [Framework], lexiconDirectories: [String] = []) throws(FrictionError) -> CoverageMatcher {
        try make(frameworks: frameworks, lexiconDirectories: lexiconDirectories, compiled: nil)
    }

    /// `compiled`: the automaton embedded at build time for exactly these
    /// frameworks and lexicons (the built-in ones), so none is compiled here.
    static func make(frameworks: [Framework], lexiconDirectories: [String],
                     compiled: TokenAutomaton?) throws(FrictionError) -> CoverageMatcher {
        var sources = try LexiconLoader.builtInFiles()
        for directory in lexiconDirectories {
            for (path, text) in try LexiconLoader.readDirectory(directory) {
                sources.append(try LexiconFile.parse(text, path: path))
            }
        }
        let knownConcepts = Set(sources.map(\.concept))
        let knownEntries = Set(sources.flatMap { $0.entries.map(\.id) })
        var wantedConcepts = PolicyAnalyzer.conceptNames.union([statementConceptName])
        var wantedEntries: Set<String> = []
        for framework in frameworks {
            for element in framework.elements {
                for reference in element.lexiconReferences {
                    if knownConcepts.contains(reference.value) {
                        wantedConcepts.insert(reference.value)
                    } else if knownEntries.contains(reference.value) {
                        wantedEntries.insert(reference.value)
                    } else {
                        throw .configuration(path: framework.path, line: reference.line, column: reference.column,
                                             reason: "element '\(element.id)': no lexicon concept or entry is called '\(reference.value)'")
                    }
                }
            }
        }
        // Every entry, as in the rules' lexicon (which this one serves as);
        // matched only where the rules or a framework read them.
        var files = sources
        for (f, framework) in frameworks.enumerated() {
            for (e, element) in framework.elements.enumerated() where !element.patterns.isEmpty {
                var file = LexiconFile(path: framework.path, concept: conceptName(f, e))
                file.entries = [LexiconFile.Entry(id: conceptName(f, e), patterns: element.patterns, note: nil, weight: 1, suggestion: nil)]
                files.append(file)
                wantedConcepts.insert(conceptName(f, e))
            }
        }
        var errors: [FrictionError] = []
        let lexicon = LexiconLoader.assemble(files, errors: &errors, strictDisable: true, compiled: compiled,
                                             matching: wantedConcepts, andEntries: wantedEntries)
        if let first = errors.first { throw first }

        var byConcept = Array(repeating: [ElementKey](), count: lexicon.concepts.count)
        var byEntry: [Int: [ElementKey]] = [:]
        for (f, framework) in frameworks.enumerated() {
            for (e, element) in framework.elements.enumerated() {
                let key = ElementKey(framework: f, element: e)
                if let own = lexicon.concept(conceptName(f, e)) { byConcept[own].append(key) }
                for reference in element.lexiconReferences {
                    if knownConcepts.contains(reference.value) {
                        if let concept = lexicon.concept(reference.value) { byConcept[concept].append(key) }
                    } else {
                        for (index, entry) in lexicon.entries.enumerated() where entry.id == reference.value {
                            byEntry[index, default: []].append(key)
                        }
                    }
                }
            }
        }
        let shows = lexicon.entries.indices.map { entry in
            byEntry[entry] != nil || lexicon.concept(lexicon.entries[entry].concept).map { !byConcept[$0].isEmpty } ?? false
        }
        return CoverageMatcher(frameworks: frameworks, lexicon: lexicon, elementsOfConcept: byConcept,
                               elementsOfEntry: byEntry, statementConcept: lexicon.concept(statementConceptName), showsElements: shows)
    }

    /// The built-in frameworks plus the user's framework files. A mistake
    /// in the lexicons is reported before one in a framework file, as when
    /// the rules' lexicon was compiled first.
    public static func make(frameworkFiles: [String], lexiconDirectories: [String] = []) throws(FrictionError) -> CoverageMatcher {
        var frameworks = try FrameworkLoader.builtIn()
        for path in frameworkFiles {
            do throws(FrictionError) {
                let framework = try FrameworkLoader.load(path: path)
                if frameworks.contains(where: { $0.id == framework.id }) {
                    throw .configuration(path: path, line: nil, column: nil, reason: "framework id '\(framework.id)' is already defined")
                }
                frameworks.append(framework)
            } catch {
                do { _ = try LexiconLoader.load(includeBuiltIn: true, directories: lexiconDirectories) } catch let lexiconError as FrictionError {
                    throw lexiconError
                } catch {}
                throw error
            }
        }
        let builtInOnly = frameworkFiles.isEmpty && lexiconDirectories.isEmpty
        return try make(frameworks: frameworks, lexiconDirectories: lexiconDirectories,
                        compiled: builtInOnly ? BuiltInAutomata.combined : nil)
    }

    /// The elements a match shows.
    func elements(of match: LexiconMatch) -> [ElementKey] {
        let byConcept = match.concept < elementsOfConcept.count ? elementsOfConcept[match.concept] : []
        guard let byEntry = elementsOfEntry[match.entry] else { return byConcept }
        return byConcept + byEntry
    }

    private static func conceptName(_ framework: Int, _ element: Int) -> String {
        "coverage#\(framework)#\(element)"
    }
}
