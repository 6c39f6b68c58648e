import FrictionCore

/// An output format for lint results. One type per format; the registry
/// below is the only place that lists them.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    /// Whether the output carries culture coverage (the linter measures it only then).
    static var showsCoverage: Bool { get }
    /// Whether the output quotes the source lines of findings (the linter keeps them only then).
    static var quotesLines: Bool { get }
    init()
    func render(_ report: LintReport) -> String
    /// Writes the rendered report to `output`. A format whose output can be
    /// large writes it piece by piece; the others write `render(report)`.
    func write<Output: TextOutputStream>(_ report: LintReport, to output: inout Output)
    /// `write(_:to:)` with up to `jobs` threads rendering files side by side,
    /// for formats whose rendering is a noticeable part of a run. The bytes
    /// are the same whatever `jobs` is.
    func write<Output: TextOutputStream>(_ report: LintReport, to output: inout Output, jobs: Int)
}

extension Reporter {
    public static var showsCoverage: Bool { false }
    public static var quotesLines: Bool { false }

    public func write<Output: TextOutputStream>(_ report: LintReport, to output: inout Output) {
        output.write(render(report))
    }

    public func write<Output: TextOutputStream>(_ report: LintReport, to output: inout Output, jobs: Int) {
        write(report, to: &output)
    }
}

/// Display options that depend on where the output goes, not on the format.
public struct RenderStyle: Sendable {
    /// ANSI colour: only on a terminal, never with NO_COLOR.
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }
}

public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, CompactReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self,
        CheckstyleReporter.self, GitHubReporter.self, MarkdownReporter.self,
    ]

    public static var names: [String] { all.map { $0.name } }

    /// The reporter for `--format NAME`, or a usage error listing the choices.
    public static func named(_ name: String) throws -> any Reporter {
        guard let type = all.first(where: { $0.name == name }) else {
            throw FrictionError.usage("unknown format '\(name)'; choose one of: \(names.joined(separator: ", "))")
        }
        return type.init()
    }
}
