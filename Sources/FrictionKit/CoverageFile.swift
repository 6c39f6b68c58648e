import FrictionCore

/// Culture coverage of one policy file.
enum CoverageFile {
    /// The coverage of a document measured a part at a time: what
    /// `CoverageAnalyzer.analyze` gives for the whole. Each part keeps its
    /// first statements, then its first mentions, up to the evidence limit,
    /// which is all the whole document's first ones can come from.
    /// `sentenceBase` is where the part's sentence indices start.
    static func combine(_ parts: [(coverage: DocumentCoverage, sentenceBase: Int)]) -> DocumentCoverage? {
        guard let first = parts.first else { return nil }
        guard parts.count > 1 else { return first.coverage }
        var combined = first.coverage
        for f in combined.frameworks.indices {
            for e in combined.frameworks[f].elements.indices {
                var statements = 0
                var mentions = 0
                var statementEvidence: [CoverageEvidence] = []
                var mentionEvidence: [CoverageEvidence] = []
                for part in parts {
                    let element = part.coverage.frameworks[f].elements[e]
                    statements += element.statements
                    mentions += element.mentions
                    for var evidence in element.evidence {
                        evidence.sentence += part.sentenceBase
                        if evidence.isStatement { statementEvidence.append(evidence) } else { mentionEvidence.append(evidence) }
                    }
                }
                // The level as `CoverageAnalyzer.analyze` sets it from the counts.
                combined.frameworks[f].elements[e].level = statements >= 3 ? .strong : statements > 0 ? .addressed
                    : mentions > 0 ? .mentioned : .none
                combined.frameworks[f].elements[e].evidence = Array((statementEvidence + mentionEvidence).prefix(CoverageAnalyzer.evidenceLimit))
                combined.frameworks[f].elements[e].statements = statements
                combined.frameworks[f].elements[e].mentions = mentions
            }
        }
        return combined
    }
}
