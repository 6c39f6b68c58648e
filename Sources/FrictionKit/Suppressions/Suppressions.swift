import FrictionCore

/// Inline suppressions read from a document's comments:
///
///     <!-- friction-disable rule-id other-id -- reason -->
///     ...
///     <!-- friction-enable -->
///     <!-- friction-disable-next-line rule-id -- reason -->
///
/// No rule ids means every rule. In XML, where `--` cannot appear inside a
/// comment, the reason follows ` - ` or `—` instead.
public struct Suppressions: Sendable {
    struct Region {
        var rules: Set<String>?
        var lines: ClosedRange<Int>
    }

    private var regions: [Region] = []

    public init(document: Document) {
        self.init(comments: document.comments, sentenceLines: Set(document.sentences.map(\.range.start.line)).sorted())
    }

    /// From a document's comments and the lines its sentences start on
    /// (ascending, each once), which are all it needs of the document.
    public init(comments: [Comment], sentenceLines: [Int]) {
        var open: [(rules: Set<String>?, line: Int)] = []
        for comment in comments {
            guard let directive = Directive(comment.text) else { continue }
            switch directive.kind {
            case .disable:
                open.append((directive.rules, comment.range.end.line))
            case .enable:
                var remaining: [(rules: Set<String>?, line: Int)] = []
                for region in open {
                    if directive.rules == nil || region.rules == directive.rules {
                        regions.append(Region(rules: region.rules, lines: region.line...max(region.line, comment.range.start.line)))
                    } else {
                        remaining.append(region)
                    }
                }
                open = remaining
            case .disableNextLine:
                // The next line that holds text: in XML that is the line where
                // the next element's text starts.
                let after = comment.range.end.line
                let next = sentenceLines.first { $0 > after } ?? after + 1
                regions.append(Region(rules: directive.rules, lines: next...next))
            }
        }
        for region in open {
            regions.append(Region(rules: region.rules, lines: region.line...Int.max))
        }
    }

    public func suppresses(_ finding: Finding) -> Bool {
        regions.contains { region in
            region.lines.contains(finding.range.start.line) && (region.rules?.contains(finding.rule) ?? true)
        }
    }

    struct Directive {
        enum Kind { case disable, enable, disableNextLine }
        var kind: Kind
        var rules: Set<String>?

        init?(_ text: String) {
            // Most comments are not directives, and their first word says so
            // before any search. (The reason cut off below starts at a space,
            // so the first word is the same with or without it.)
            guard Self.mayBeDirective(text) else { return nil }
            var body = Substring(text)
            for separator in [" -- ", " --", " — ", " - "] {
                if let range = body.range(of: separator) { body = body[..<range.lowerBound] }
            }
            let words = body.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," })
            guard let first = words.first, let kind = Self.kinds.first(where: { $0.word == first })?.kind else { return nil }
            self.kind = kind
            let ids = words.dropFirst().map(String.init)
            rules = ids.isEmpty ? nil : Set(ids)
        }

        /// Each directive's first word. `init` and `mayBeDirective` both read
        /// this list, so that a directive added here is known to both.
        private static let kinds: [(word: String, kind: Kind)] = [
            ("friction-disable", .disable), ("friction-enable", .enable), ("friction-disable-next-line", .disableNextLine),
        ]
        private static let keywords = kinds.map { Array($0.word.utf8) }

        /// The first word, read as bytes, is one of the directives. Splitting
        /// by characters (as `init` does) joins more than bytes do (a space
        /// with a combining mark, CR LF), so a first word that is no
        /// directive here is none there either.
        private static func mayBeDirective(_ text: String) -> Bool {
            func isSeparator(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",")
            }
            let utf8 = text.utf8
            guard let start = utf8.firstIndex(where: { !isSeparator($0) }) else { return false }
            let end = utf8[start...].firstIndex(where: isSeparator) ?? utf8.endIndex
            let word = utf8[start..<end]
            return keywords.contains { word.elementsEqual($0) }
        }
    }
}
