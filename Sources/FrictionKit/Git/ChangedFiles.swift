import Foundation

/// A file that differs between two states of a repository.
public struct ChangedFile: Sendable, Equatable {
    /// Relative to the top of the work tree.
    public var path: String
    /// The blob id of the new content when it is in the index (staged), or
    /// nil when it is read from the work tree.
    public var blob: String?
    /// A work tree file git does not track yet: new throughout.
    public var untracked: Bool = false
}

extension GitRepository {
    /// Files added, copied, modified or retyped: in the index against `base`
    /// (HEAD when nil) when `staged`, or in the work tree against `base`.
    /// Deleted files, symbolic links and submodules are left out.
    /// `pathspecs` are paths relative to the working directory (none: the
    /// whole repository).
    public func changedFiles(staged: Bool, base: String?, pathspecs: [String]) throws -> [ChangedFile] {
        var arguments = ["--literal-pathspecs", "diff"]
        if staged { arguments.append("--cached") }
        arguments += ["--raw", "-z", "--no-abbrev", "--no-renames", "--no-ext-diff", "--diff-filter=ACMT"]
        if let base { arguments.append(base) }
        arguments.append("--")
        arguments += pathspecs
        let fields = try git(arguments).split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
        var files: [ChangedFile] = []
        var index = 0
        // `:<old mode> <new mode> <old id> <new id> <status>` NUL `<path>` NUL
        while index + 1 < fields.count {
            let meta = fields[index].split(separator: " ")
            let path = fields[index + 1]
            index += 2
            guard meta.count >= 5 else { continue }
            let mode = meta[1]
            guard mode == "100644" || mode == "100755" else { continue }
            let blob = String(meta[3])
            let fromIndex = staged && blob.contains(where: { $0 != "0" })
            files.append(ChangedFile(path: path, blob: fromIndex ? blob : nil))
        }
        if !staged {
            // New files that git does not track yet count as changed throughout.
            let untracked = try git(["--literal-pathspecs", "ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--"] + pathspecs)
            for entry in untracked.split(separator: 0) {
                files.append(ChangedFile(path: String(decoding: entry, as: UTF8.self), blob: nil, untracked: true))
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
