import FrictionCore

/// The rulebook-level coverage checklist as terminal text (`friction coverage`):
/// per framework, "N of M addressed", each element with its evidence
/// (`path:line` and the sentence), and for each missing element what a
/// policy that covers it would say.
public enum CoverageChecklist {
    public static func text(_ coverage: [RulebookFrameworkCoverage], evidencePerElement: Int = 3, color: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var output = ""
        for framework in coverage {
            output += paint("\(framework.framework.name) (\(framework.framework.id))", "1")
            output += ": \(framework.addressedCount) of \(framework.elements.count) addressed\n"
            for item in framework.elements {
                let mark = item.level.isAddressed ? paint("✓", "32") : paint("✗", "31")
                var line = "  \(mark) \(item.element.name) [\(item.element.id)]"
                if item.level.isAddressed {
                    line += ": \(item.level.name), \(item.policies) \(item.policies == 1 ? "policy" : "policies")"
                } else {
                    line += item.level == .mentioned ? ": missing (mentioned only, never stated as policy)" : ": missing"
                }
                output += line + "\n"
                for (path, evidence) in item.evidence.prefix(evidencePerElement) {
                    let kind = evidence.isStatement ? "" : " (mention)"
                    output += "      \(path):\(evidence.range.start.line)\(kind): \(quote(evidence.text))\n"
                }
                if !item.level.isAddressed, !item.element.example.isEmpty {
                    output += "      A policy that covers it would say: \(quote(item.element.example))\n"
                }
            }
            output += "\n"
        }
        return output
    }

    static func quote(_ text: String, limit: Int = 220) -> String {
        let scalars = text.unicodeScalars
        let short = scalars.count > limit ? String(String.UnicodeScalarView(scalars.prefix(limit - 1))) + "…" : text
        return "“\(short)”"
    }
}
