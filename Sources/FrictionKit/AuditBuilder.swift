import FrictionCore
import FrictionParsers
import FrictionReporters
import Foundation

/// Builds the audit report: lints exactly as `friction lint` does, then
/// parses each readable file again to keep the structure the report renders
/// (headings, lists, tables). The findings are the lint run's own, so the
/// report and `friction lint --format json` never disagree.
public struct AuditBuilder: Sendable {
    public let linter: Linter

    public init(linter: Linter) {
        self.linter = linter
    }

    public func build(_ paths: [String]) -> AuditReport {
        let lint = linter.lint(paths)
        let reader = linter.reader
        let policies = lint.files.parallelMap(jobs: linter.jobs) { file -> AuditedPolicy in
            guard file.error == nil, let bytes = try? DocumentReader.readBytes(path: file.path),
                  let (document, source) = try? reader.read(bytes: bytes, path: file.path) else {
                return AuditedPolicy(file: file, document: nil)
            }
            // Lines as the parser counted them (decoded, any line ending), so
            // the text shown matches the findings' positions.
            return AuditedPolicy(file: file, document: document, sourceLines: (1...source.lineCount).map(source.lineText))
        }
        return AuditReport(lint: lint, policies: policies)
    }
}
