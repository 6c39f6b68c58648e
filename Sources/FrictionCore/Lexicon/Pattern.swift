/// A parsed lexicon pattern (see `Lexicons/README.md`).
///
/// Grammar, over whitespace-separated items:
/// - `word` a literal, matched against normalised tokens (`can't` is `can not`);
/// - `word~` the word and its inflections (refund, refunds, refunded, refunding);
/// - `{class}` any member of a word class; `{any}` any one token; `{number}` a number;
///   `{year}` a four-digit year;
/// - `(a b|c)` alternatives; `[a|b]` optional alternatives;
/// - `...N` a gap of at most N tokens (`...` alone is at most 4);
/// - a leading `^` anchors the pattern at the start of the sentence (or of a
///   clause after `:`, `;` or a dash).
///
/// Not `indirect`: alternatives nest through arrays, which are already
/// references, and boxing every node cost an allocation per word at start-up.
public enum PatternNode: Sendable, Equatable {
    case word(String)
    case anyToken
    case number
    /// A four-digit year (1800-2199).
    case year
    case alternatives([[PatternNode]], optional: Bool)
    case gap(Int)
}

public struct Pattern: Sendable, Equatable {
    public var nodes: [PatternNode]
    public var anchored: Bool
}

/// Why a pattern could not be parsed; `offset` counts scalars into the pattern.
public struct PatternError: Error, Sendable, Equatable {
    public var offset: Int
    public var reason: String
}

public enum PatternParser {
    /// Parses `source`; `classes` resolves `{name}` (already parsed class members).
    public static func parse(_ source: String, classes: [String: [[PatternNode]]]) throws(PatternError) -> Pattern {
        try parse(source, classes: classes, words: nil)
    }

    /// What each word of the patterns parsed so far became (the same words
    /// recur across a lexicon); share one between the patterns of a load.
    final class WordCache {
        var nodes: [String: [PatternNode]] = [:]
    }

    static func parse(_ source: String, classes: [String: [[PatternNode]]], words: WordCache?) throws(PatternError) -> Pattern {
        var parser = Parser(scalars: Array(source.unicodeScalars), classes: classes, words: words)
        return try parser.parsePattern()
    }

    private static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]

    /// Inflected forms of `word`, used for `word~`.
    public static func inflections(of word: String) -> [String] {
        var forms: [String] = [word]
        let scalars = Array(word.unicodeScalars)
        guard let last = scalars.last else { return forms }
        let stem = String(String.UnicodeScalarView(scalars.dropLast()))
        if last == "y", scalars.count > 1, !vowels.contains(scalars[scalars.count - 2]) {
            forms += [stem + "ies", stem + "ied", word + "ing"]
        } else if last == "e" {
            forms += [word + "s", word + "d", stem + "ing"]
        } else if ["s", "x", "z"].contains(last) || word.hasSuffix("ch") || word.hasSuffix("sh") {
            forms += [word + "es", word + "ed", word + "ing"]
        } else {
            forms += [word + "s", word + "ed", word + "ing"]
            // Doubled final consonant: stop -> stopped, ban -> banned.
            if scalars.count >= 3, !vowels.contains(last), vowels.contains(scalars[scalars.count - 2]),
               !vowels.contains(scalars[scalars.count - 3]), !["w", "x", "y"].contains(last) {
                forms += [word + String(last) + "ed", word + String(last) + "ing"]
            }
        }
        return forms
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let classes: [String: [[PatternNode]]]
        let words: WordCache?
        var index = 0

        init(scalars: [Unicode.Scalar], classes: [String: [[PatternNode]]], words: WordCache?) {
            self.scalars = scalars
            self.classes = classes
            self.words = words
        }

        mutating func parsePattern() throws(PatternError) -> Pattern {
            skipSpace()
            var anchored = false
            if index < scalars.count, scalars[index] == "^" {
                anchored = true
                index += 1
            }
            let nodes = try parseSequence(closing: nil)
            if nodes.isEmpty { throw PatternError(offset: 0, reason: "empty pattern") }
            if !Self.consumes(nodes) { throw PatternError(offset: 0, reason: "pattern can match no words at all") }
            if case .gap = nodes.first { throw PatternError(offset: 0, reason: "a pattern cannot start with a gap") }
            if case .gap = nodes.last { throw PatternError(offset: scalars.count, reason: "a pattern cannot end with a gap") }
            return Pattern(nodes: nodes, anchored: anchored)
        }

        /// White space (Unicode's), without a property lookup for ASCII.
        static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
        }

        static func isSyntax(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "(", ")", "[", "]", "|", "{", "}": return true
            default: return false
            }
        }

        static func consumes(_ nodes: [PatternNode]) -> Bool {
            nodes.contains { node in
                switch node {
                case .word, .anyToken, .number, .year: return true
                case .gap: return false
                case .alternatives(let alts, let optional): return !optional && alts.allSatisfy { consumes($0) }
                }
            }
        }

        mutating func skipSpace() {
            while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
        }

        /// Parses until `closing` (`)` or `]`) or `|`; returns at the delimiter.
        mutating func parseSequence(closing: Unicode.Scalar?) throws(PatternError) -> [PatternNode] {
            var nodes: [PatternNode] = []
            while true {
                skipSpace()
                guard index < scalars.count else {
                    if let closing { throw PatternError(offset: index, reason: "missing '\(closing)'") }
                    return nodes
                }
                let scalar = scalars[index]
                switch scalar {
                case "|":
                    if closing == nil { throw PatternError(offset: index, reason: "'|' outside ( ) or [ ]") }
                    return nodes
                case ")", "]":
                    guard scalar == closing else { throw PatternError(offset: index, reason: "unexpected '\(scalar)'") }
                    return nodes
                case "(", "[":
                    let start = index
                    index += 1
                    let close: Unicode.Scalar = scalar == "(" ? ")" : "]"
                    var alternatives: [[PatternNode]] = []
                    while true {
                        let alt = try parseSequence(closing: close)
                        if alt.isEmpty { throw PatternError(offset: index, reason: "empty alternative") }
                        alternatives.append(alt)
                        if scalars[index] == "|" { index += 1; continue }
                        index += 1 // the closing bracket
                        break
                    }
                    if scalar == "(" && alternatives.count == 1 && index - start < 3 {
                        throw PatternError(offset: start, reason: "empty group")
                    }
                    nodes.append(.alternatives(alternatives, optional: scalar == "["))
                case "{":
                    let start = index
                    index += 1
                    var name = String.UnicodeScalarView()
                    while index < scalars.count, scalars[index] != "}" {
                        name.append(scalars[index])
                        index += 1
                    }
                    guard index < scalars.count else { throw PatternError(offset: start, reason: "missing '}'") }
                    index += 1
                    let className = String(name).trimmingSpaces()
                    switch className {
                    case "any": nodes.append(.anyToken)
                    case "number": nodes.append(.number)
                    case "year": nodes.append(.year)
                    default:
                        guard let members = classes[className] else {
                            throw PatternError(offset: start, reason: "unknown word class '{\(className)}'")
                        }
                        nodes.append(.alternatives(members, optional: false))
                    }
                case "." where index + 2 < scalars.count && scalars[index + 1] == "." && scalars[index + 2] == ".":
                    let start = index
                    index += 3
                    var digits = 0
                    var value = 0
                    while index < scalars.count, let d = scalars[index].properties.numericType == .decimal ? Int(String(scalars[index])) : nil {
                        value = value * 10 + d
                        digits += 1
                        index += 1
                    }
                    if digits == 0 { value = 4 }
                    guard value >= 1 && value <= 12 else {
                        throw PatternError(offset: start, reason: "a gap must allow 1 to 12 words")
                    }
                    if index < scalars.count, !scalars[index].properties.isWhitespace, !")]|".unicodeScalars.contains(scalars[index]) {
                        throw PatternError(offset: start, reason: "a gap must be written '...N' followed by a space")
                    }
                    nodes.append(.gap(value))
                case "}", "^":
                    throw PatternError(offset: index, reason: "unexpected '\(scalar)'")
                default:
                    let start = index
                    var word = String.UnicodeScalarView()
                    while index < scalars.count {
                        let s = scalars[index]
                        if Self.isSpace(s) || Self.isSyntax(s) { break }
                        word.append(s)
                        index += 1
                    }
                    var text = String(word)
                    if let known = words?.nodes[text] {
                        nodes.append(contentsOf: known)
                        continue
                    }
                    let source = text
                    var inflect = false
                    if text.hasSuffix("~") {
                        inflect = true
                        text.removeLast()
                    }
                    if text.unicodeScalars.contains("~") { throw PatternError(offset: start, reason: "'~' must end a word") }
                    if text == "?" || text == "*" || text == "+" || text.hasPrefix("?") {
                        throw PatternError(offset: start, reason: "'\(text)' is not pattern syntax: write [word] for an optional word")
                    }
                    let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
                    guard !tokens.isEmpty else { throw PatternError(offset: start, reason: "'\(text)' is not a word") }
                    let parsed: [PatternNode]
                    if inflect {
                        guard tokens.count == 1, tokens[0].kind == .word else {
                            throw PatternError(offset: start, reason: "'~' applies to a single word")
                        }
                        let forms = PatternParser.inflections(of: tokens[0].normalized)
                        parsed = [.alternatives(forms.map { [.word($0)] }, optional: false)]
                    } else {
                        parsed = tokens.map { .word($0.normalized) }
                    }
                    words?.nodes[source] = parsed
                    nodes.append(contentsOf: parsed)
                }
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring.UnicodeScalarView(unicodeScalars)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
