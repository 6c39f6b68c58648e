import FrictionCore
import Foundation

/// Expands the paths given on the command line into the policy files to read.
///
/// Directories are walked recursively in sorted order (so output never
/// depends on the file system's order); hidden folders, `.build` and
/// `node_modules` are skipped; symbolic links to directories are followed
/// once, so a link loop cannot trap the walk. Paths keep the form the user
/// gave: `Policies` yields `Policies/returns.md`.
public struct FileDiscovery: Sendable {
    public let extensions: Set<String>

    public init(extensions: Set<String>) {
        self.extensions = extensions
    }

    public struct Result: Sendable {
        public var files: [String] = []
        /// Paths that do not exist or cannot be listed, as errors naming them.
        public var errors: [FrictionError] = []
    }

    public func discover(_ paths: [String]) -> Result {
        var result = Result()
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.errors.append(.unreadable(path: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                var visited = Set<String>()
                walk(directory: path, into: &result, seen: &seen, visited: &visited)
            } else if seen.insert(path).inserted {
                // A file named explicitly is read whatever its extension says.
                result.files.append(path)
            }
        }
        return result
    }

    private static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return (path as NSString).resolvingSymlinksInPath }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static let skippedDirectories: Set<String> = [".git", ".build", "node_modules", ".svn", ".hg"]

    private func walk(directory: String, into result: inout Result, seen: inout Set<String>, visited: inout Set<String>) {
        // The canonical absolute path (realpath(3) also resolves relative
        // paths and `..` after a link), so each real folder is walked once.
        guard visited.insert(Self.canonical(directory)).inserted else { return }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            result.errors.append(.unreadable(path: directory, reason: "cannot list directory"))
            return
        }
        for entry in entries {
            if entry.hasPrefix(".") || Self.skippedDirectories.contains(entry) { continue }
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(directory: path, into: &result, seen: &seen, visited: &visited)
            } else if extensions.contains((entry as NSString).pathExtension.lowercased()), seen.insert(path).inserted {
                result.files.append(path)
            }
        }
    }
}
