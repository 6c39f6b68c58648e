import Foundation
import FrictionCore
import FrictionKit
import Testing

/// Items mapped while they are still being found come back in the order
/// found, each mapped once, whatever the number of threads.
@Suite("Streaming map")
struct StreamingMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsKeepTheOrderTheItemsWereFoundIn(jobs: Int) {
        let mapped = Counter()
        let results = StreamingMap.map(jobs: jobs, produce: { emit in
            for item in 0..<500 {
                // Now and then the producer is slower than the workers,
                // which then wait for the next item.
                if item % 50 == 0 { usleep(2_000) }
                emit(item)
            }
        }) { (item: Int) -> String in
            mapped.add()
            // Uneven work: later items often finish before earlier ones.
            if item % 7 == 0 { usleep(300) }
            return "item \(item)"
        }
        #expect(results == (0..<500).map { "item \($0)" })
        #expect(mapped.value == 500)
    }

    @Test(arguments: [1, 4])
    func nothingFoundMapsNothing(jobs: Int) {
        let results = StreamingMap.map(jobs: jobs, produce: { (_: (Int) -> Void) in }) { $0 * 2 }
        #expect(results.isEmpty)
    }

    /// A lint run over a folder lists its files in the order of the walk,
    /// at one job and at several.
    @Test func lintReportsListFilesInTheOrderOfTheWalk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("friction-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for directory in ["b", "a/c", "a"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for name in ["b/2.md", "a/c/1.md", "a/9.md", "0.md", "a/c/0.md", "b/1.md"] {
            try "# Refunds\n\nWe cannot refund anything, no exceptions.\n".write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let expected = ["0.md", "a/9.md", "a/c/0.md", "a/c/1.md", "b/1.md", "b/2.md"].map { folder.path + "/" + $0 }
        for jobs in [1, 2, 5] {
            let report = try lintReport(paths: [folder.path, folder.path + "/missing"], in: folder.path, jobs: jobs)
            #expect(report.files.map(\.path) == [folder.path + "/missing"] + expected)
        }
    }

    private func lintReport(paths: [String], in folder: String, jobs: Int) throws -> LintReport {
        var options = LintOptions()
        options.jobs = jobs
        options.workingDirectory = folder
        return try Linter.make(options).lint(paths)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
