import FrictionCore
import Foundation

/// Reads policy files from disk and hands them to the parser for their format.
public struct DocumentReader: Sendable {
    public let parsers: [any DocumentParser]

    public init(parsers: [any DocumentParser] = [MarkdownParser(), XMLPolicyParser()]) {
        self.parsers = parsers
    }

    /// Extensions of every file this reader understands.
    public var fileExtensions: Set<String> {
        parsers.reduce(into: Set<String>()) { $0.formUnion($1.fileExtensions) }
    }

    public func parser(for path: String) -> (any DocumentParser)? {
        let ext = (path as NSString).pathExtension.lowercased()
        return parsers.first { $0.fileExtensions.contains(ext) }
    }

    /// Reads and parses the file at `path`. Every failure is a `FrictionError`
    /// that names the file.
    public func read(path: String) throws -> Document {
        try parse(bytes: try Self.readBytes(path: path), path: path)
    }

    /// Parses bytes that came from somewhere else (the git index, a test).
    public func parse(bytes: [UInt8], path: String) throws -> Document {
        guard let parser = parser(for: path) else {
            throw FrictionError.unreadable(path: path, reason: "unknown file type; expected one of: "
                                           + fileExtensions.sorted().map { "." + $0 }.joined(separator: ", "))
        }
        let source = try parser.decode(bytes, path: path)
        return try parser.parse(source, path: path)
    }

    public static func readBytes(path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FrictionError.unreadable(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw FrictionError.unreadable(path: path, reason: "is a directory")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FrictionError.unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw FrictionError.unreadable(path: path, reason: "read failed: \(error.localizedDescription)")
        }
    }
}
