import Foundation
import FrictionCore
import FrictionParsers
import Testing

/// Paths and helpers shared by the tests.
enum TestPaths {
    /// The repository root, found from this file's place in the tree.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/FrictionTests/Fixtures")
    /// `../shared` beside the checkout; absent on some machines.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static var sharedExists: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("dev-set").path) }

    static func fixture(_ relative: String) -> String {
        fixtures.appendingPathComponent(relative).path
    }

    /// The debug or release binary built next to the tests.
    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        // On Linux the bundle is the build folder itself; on macOS, the .xctest inside it.
        var directory = bundle
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("friction")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/friction")
    }
}

/// Result of running the `friction` binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runFriction(_ arguments: [String], in directory: URL = TestPaths.root, environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = TestPaths.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so a large output cannot fill the pipe and stall.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

func parseFixture(_ relative: String) throws -> Document {
    try DocumentReader().read(path: TestPaths.fixture(relative))
}

extension Document {
    /// Where the first occurrence of `word` (as a whole token, compared on
    /// its original text) stands in the source.
    func position(of word: String, occurrence: Int = 0) -> SourcePosition? {
        var seen = 0
        for sentence in sentences {
            for token in sentence.tokens where sentence.text(of: token.range) == word {
                if seen == occurrence { return sentence.positions[token.range.lowerBound] }
                seen += 1
            }
        }
        return nil
    }

    func sentence(startingWith prefix: String) -> Sentence? {
        sentences.first { $0.text.hasPrefix(prefix) }
    }
}
