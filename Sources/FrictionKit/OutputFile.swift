import FrictionCore
import Foundation

/// Writes reports. A report is written to a temporary file beside the target
/// and renamed over it, so a killed run never leaves half a report where a
/// good one was.
public enum OutputFile {
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(to: path) { $0.write(text) }
    }

    /// Writes what `produce` writes to the stream, a buffer at a time, so a
    /// large report never has to exist whole in memory.
    public static func writeAtomically(to path: String, _ produce: (inout FileOutputStream) -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FrictionError.unreadable(path: path, reason: "cannot write the report: \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        // A fresh file (never through a link left at the temporary name),
        // removed again if anything fails before the rename.
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw cannotWrite(path) }
        var stream = FileOutputStream(descriptor: descriptor)
        produce(&stream)
        let failure = stream.finish()
        if close(descriptor) != 0 || failure != nil {
            let code = failure ?? errno
            unlink(temporary)
            throw cannotWrite(path, code: code)
        }
        if rename(temporary, url.path) != 0 {
            let code = errno
            unlink(temporary)
            throw cannotWrite(path, code: code)
        }
    }

    private static func cannotWrite(_ path: String, code: Int32 = errno) -> FrictionError {
        .unreadable(path: path, reason: "cannot write the report: \(String(cString: strerror(code)))")
    }
}

/// Text written to a file descriptor through a buffer. `TextOutputStream`
/// cannot throw, so the first failure is kept and the rest of the text is
/// dropped; `finish()` writes what is buffered and returns that failure.
public struct FileOutputStream: TextOutputStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32?
    private static let bufferSize = 1 << 16

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    public mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Writes what is buffered; the errno of the first failed write, if any.
    public mutating func finish() -> Int32? {
        flush()
        return failure
    }

    private mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            written += count
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
