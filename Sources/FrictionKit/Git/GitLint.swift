import FrictionCore
import FrictionParsers
import Foundation

/// Which part of a repository a git-aware lint run looks at.
public struct GitSelection: Sendable, Equatable {
    /// Lint the staged content (the git index), not the work tree.
    public var staged: Bool
    /// Report only findings on lines added or changed since this commit.
    public var changedSince: String?

    public init(staged: Bool = false, changedSince: String? = nil) {
        self.staged = staged
        self.changedSince = changedSince
    }
}

extension Linter {
    /// Lints the policy files that git says changed: the staged content of
    /// files changed in the index (`staged`), or the work tree files changed
    /// since a commit. With `changedSince`, only findings on added or changed
    /// lines are kept; a file that cannot be read is always reported.
    /// `paths` (relative to the working directory) narrow the files; none
    /// means the whole repository. Paths in the report are as the user sees
    /// them from the working directory. Throws a usage error outside a git
    /// repository or for an unknown commit.
    public func lintChanges(_ selection: GitSelection, paths: [String],
                            workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> LintReport {
        let repository = try GitRepository(workingDirectory: workingDirectory)
        let base = try selection.changedSince.map { try repository.resolveCommit($0) }
        let extensions = reader.fileExtensions
        let changed = try repository.changedFiles(staged: selection.staged, base: base, pathspecs: paths).filter { file in
            extensions.contains(PathExtension.of(file.path))
        }
        let candidates = changed.map { (file: $0, display: repository.displayPath(forRepositoryPath: $0.path)) }
            .filter { configuration.includes(relativePath($0.display)) }
        let blobs = try repository.blobs(candidates.compactMap(\.file.blob))
        // Work tree files are read by the path the user sees, so that errors
        // name them that way; from another folder, by absolute path.
        let fromCurrentDirectory = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
            == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let root = repository.root
        var reports = candidates.parallelMap(jobs: jobs) { candidate in
            lintFile(path: candidate.display) {
                if let blob = candidate.file.blob {
                    guard let bytes = blobs[blob] else {
                        throw FrictionError.unreadable(path: candidate.display, reason: "git has no staged content for this file")
                    }
                    return bytes
                }
                return try DocumentReader.readBytes(path: fromCurrentDirectory ? candidate.display : root + "/" + candidate.file.path)
            }
        }
        if let base {
            let lines = try repository.changedLines(staged: selection.staged, base: base, pathspecs: paths)
            // A file git does not track yet is new throughout: all its findings stay.
            for index in reports.indices where reports[index].error == nil && !candidates[index].file.untracked {
                let path = candidates[index].file.path
                reports[index].findings = reports[index].findings.filter {
                    lines.contains(path: path, lines: $0.range.start.line, through: $0.range.end.line)
                }
            }
        }
        var report = LintReport(files: reports, rules: ruleSet.descriptions, failLevel: configuration.failLevel)
        report.frameworks = coverage?.frameworks ?? []
        return report
    }
}
