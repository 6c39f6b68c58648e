import FrictionCore
import Foundation

/// Writes reports. A report is written to a temporary file beside the target
/// and renamed over it, so a killed run never leaves half a report where a
/// good one was.
public enum OutputFile {
    public static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            // A fresh file (never through a link left at the temporary name),
            // removed again if anything fails before the rename.
            try? FileManager.default.removeItem(at: temporary)
            do {
                try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            if rename(temporary.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw FrictionError.unreadable(path: path, reason: "cannot write the report: \(String(cString: strerror(errno)))")
            }
        } catch let error as FrictionError {
            throw error
        } catch {
            throw FrictionError.unreadable(path: path, reason: "cannot write the report: \(error.localizedDescription)")
        }
    }
}
