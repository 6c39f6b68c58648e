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
        let ext = PathExtension.of(path)
        return parsers.first { $0.fileExtensions.contains(ext) }
    }

    /// Reads and parses the file at `path`. Every failure is a `FrictionError`
    /// that names the file.
    public func read(path: String) throws -> Document {
        try parse(bytes: try Self.readBytes(path: path), path: path)
    }

    /// Parses bytes that came from somewhere else (the git index, a test).
    public func parse(bytes: [UInt8], path: String) throws -> Document {
        try read(bytes: bytes, path: path).document
    }

    /// Decodes and parses bytes, returning the decoded text too: quoting a
    /// line must use the text positions were counted in (a UTF-16 or Latin-1
    /// file's raw bytes are not it).
    public func read(bytes: [UInt8], path: String) throws -> (document: Document, source: SourceText) {
        let parser = try knownParser(for: path)
        let source = try parser.decode(bytes, path: path)
        return (try parser.parse(source, path: path), source)
    }

    /// Decodes bytes and parses them a part at a time (see
    /// `DocumentParser.parseParts`); returns the decoded text.
    public func readParts(bytes: [UInt8], path: String, _ body: (Document, SourceText) throws -> Void) throws -> SourceText {
        let parser = try knownParser(for: path)
        let source = try parser.decode(bytes, path: path)
        try parser.parseParts(source, path: path) { try body($0, source) }
        return source
    }

    private func knownParser(for path: String) throws -> any DocumentParser {
        guard let parser = parser(for: path) else {
            throw FrictionError.unreadable(path: path, reason: "unknown file type; expected one of: "
                                           + fileExtensions.sorted().map { "." + $0 }.joined(separator: ", "))
        }
        return parser
    }

    /// Reads a regular file whole. A named pipe, socket or device with a
    /// policy extension is refused rather than read (reading a pipe would
    /// wait for a writer forever), and the file is only ever opened for reading.
    public static func readBytes(path: String) throws -> [UInt8] {
        // O_NONBLOCK: opening a named pipe must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw FrictionError.unreadable(path: path, reason: "no such file")
            case EACCES, EPERM: throw FrictionError.unreadable(path: path, reason: "permission denied")
            case ELOOP: throw FrictionError.unreadable(path: path, reason: "symbolic link loop")
            default: throw FrictionError.unreadable(path: path, reason: "cannot open: \(String(cString: strerror(code)))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw FrictionError.unreadable(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FrictionError.unreadable(path: path, reason: "is a directory")
        default: throw FrictionError.unreadable(path: path, reason: "not a regular file (a pipe, socket or device); not read")
        }
        // One byte more than the size, so a file read whole is never copied to grow.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 1 << 16)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw FrictionError.unreadable(path: path, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif
