import FrictionCore
import FrictionParsers

/// Measures one parsed policy against the run's frameworks.
enum CoverageFile {
    static func measure(_ document: Document, source: SourceText?, matcher: CoverageMatcher) -> DocumentCoverage {
        // Link text is known only from Markdown source; XML links are elements the profiles drop.
        let links = document.format == .markdown ? source.map { LinkText(markdown: $0.bytes) } ?? LinkText() : LinkText()
        return CoverageAnalyzer.analyze(document, matcher: matcher, links: links)
    }
}
