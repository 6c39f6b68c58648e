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
        var files: [String] = []
        let errors = discover(paths) { files.append($0) }
        return Result(files: files, errors: errors)
    }

    /// The files of `discover`, each passed to `found` as soon as the walk
    /// reaches it (so that reading the first can start while the walk goes
    /// on), and the paths that could not be read.
    public func discover(_ paths: [String], found: (String) -> Void) -> [FrictionError] {
        var errors: [FrictionError] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(.unreadable(path: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                var visited = Set<DirectoryIdentity>()
                walk(directory: path, found: found, errors: &errors, seen: &seen, visited: &visited)
            } else if seen.insert(path).inserted {
                // A file named explicitly is read whatever its extension says.
                found(path)
            }
        }
        return errors
    }

    /// A directory's device and inode, links followed: each real folder is
    /// walked once, however many links lead to it. (Canonical paths from
    /// realpath(3) cost a readlink per path component and a getcwd, for
    /// every folder; this is one stat.)
    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init?(_ path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    private static let skippedDirectories: Set<String> = [".git", ".build", "node_modules", ".svn", ".hg"]

    private func walk(directory: String, found: (String) -> Void, errors: inout [FrictionError], seen: inout Set<String>,
                      visited: inout Set<DirectoryIdentity>) {
        if let identity = DirectoryIdentity(directory) {
            guard visited.insert(identity).inserted else { return }
        }
        guard let entries = Self.entries(of: directory) else {
            errors.append(.unreadable(path: directory, reason: "cannot list directory"))
            return
        }
        for entry in entries {
            if entry.name.hasPrefix(".") || Self.skippedDirectories.contains(entry.name) { continue }
            let path = directory.hasSuffix("/") ? directory + entry.name : directory + "/" + entry.name
            var isDirectory = entry.kind == .directory
            if entry.kind == .needsStat {
                // A link (or a file system that does not say): what it leads to.
                var status = stat()
                guard stat(path, &status) == 0 else { continue } // a broken link
                isDirectory = status.st_mode & S_IFMT == S_IFDIR
            }
            if isDirectory {
                walk(directory: path, found: found, errors: &errors, seen: &seen, visited: &visited)
            } else if extensions.contains(PathExtension.of(entry.name)), seen.insert(path).inserted {
                found(path)
            }
        }
    }

    private enum EntryKind { case directory, other, needsStat }

    /// A directory's entries in sorted order, each with what readdir(3)
    /// says it is (a stat per entry only for links and unknown types).
    private static func entries(of directory: String) -> [(name: String, kind: EntryKind)]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: EntryKind)] = []
        // The name is read where it stands: `entry.pointee.d_name` would copy
        // all 256 bytes of the field, past the end of a short last entry and
        // of the buffer readdir keeps them in (valgrind saw it).
        let nameOffset = MemoryLayout<dirent>.offset(of: \.d_name)!
        while let entry = readdir(stream) {
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK), Int32(DT_UNKNOWN): kind = .needsStat
            default: kind = .other
            }
            entries.append((name, kind))
        }
        return entries.sorted { $0.name < $1.name }
    }
}
