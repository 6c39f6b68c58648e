import FrictionKit
import Foundation

/// The only place that prints.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Standard output written through a buffer as `produce` writes it.
    static func writeOutput(_ produce: (inout FileOutputStream) -> Void) {
        var stream = FileOutputStream(descriptor: STDOUT_FILENO)
        produce(&stream)
        _ = stream.finish()
    }

    static func error(_ text: String) {
        // One "friction:" prefix per line: several mistakes, several lines.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "friction: \($0)\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
    }

    /// Colour on a terminal only, and never when NO_COLOR is set.
    static var supportsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
