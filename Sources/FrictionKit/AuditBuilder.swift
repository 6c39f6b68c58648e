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
                  let document = try? reader.parse(bytes: bytes, path: file.path) else {
                return AuditedPolicy(file: file, document: nil)
            }
            return AuditedPolicy(file: file, document: document, sourceLines: Self.lines(bytes))
        }
        return AuditReport(lint: lint, policies: policies)
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(decoding: body, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }
}
