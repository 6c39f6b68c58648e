import Foundation
import FrictionKit
import Testing

/// Nothing lost (issue 7): the linter never writes to the files it reads,
/// `--output` replaces a report in one step, and two runs at once on the
/// same repository do not interfere.
@Suite("Robustness: nothing lost", .serialized)
struct RobustnessTests {
    /// A small repository: the sample rulebook, broken and hostile fixtures.
    private func makeRepository() throws -> URL {
        let directory = try Robustness.temporaryDirectory("repo")
        let repository = directory.appendingPathComponent("repo")
        try FileManager.default.copyItem(at: TestPaths.root.appendingPathComponent("Policies"), to: repository)
        for folder in ["broken", "hostile"] {
            try FileManager.default.copyItem(at: Robustness.fixture(folder), to: repository.appendingPathComponent(folder))
        }
        return directory
    }

    /// Every file under `directory` with its bytes, size and modification time.
    private func snapshot(_ directory: URL) throws -> [String: (Data, Date?)] {
        var result: [String: (Data, Date?)] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
            guard values.isRegularFile == true else { continue }
            result[url.path] = (try Data(contentsOf: url), values.contentModificationDate)
        }
        return result
    }

    @Test("lint, parse and every output format leave the inputs byte-for-byte and time-for-time unchanged")
    func inputsUntouched() throws {
        let directory = try makeRepository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let repository = directory.appendingPathComponent("repo")
        let before = try snapshot(repository)
        #expect(before.count > 20)
        let runs: [[String]] = [
            ["lint", "repo"],
            ["lint", "--format", "json", "repo"],
            ["lint", "--format", "compact", "-o", "report.txt", "repo"],
            ["parse", "repo"],
            ["parse", "--format", "json", "repo"],
        ]
        for arguments in runs {
            let run = try Robustness.run(arguments, in: directory)
            Robustness.expectBounded(run, megabytes: 512, arguments.joined(separator: " "))
            #expect(run.status == 1, "\(arguments): \(run.stderr.prefix(500))")
        }
        let after = try snapshot(repository)
        #expect(Set(after.keys) == Set(before.keys), "files appeared or vanished in the inputs")
        for (path, (data, modified)) in before {
            #expect(after[path]?.0 == data, "\(path) changed")
            #expect(after[path]?.1 == modified, "\(path) was touched")
        }
    }

    @Test("--output replaces the report whole; a killed run leaves the previous report intact")
    func atomicOutput() throws {
        let directory = try makeRepository()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Enough text that the run is still working when it is killed.
        let big = directory.appendingPathComponent("repo/big")
        try FileManager.default.createDirectory(at: big, withIntermediateDirectories: true)
        for index in 0..<10 {
            try Robustness.writeLarge(to: big.appendingPathComponent("handbook-\(index).md"), head: "# Handbook \(index)\n\n",
                                      chunk: "Refunds will not be issued under any circumstances. Staff may approve refunds up to $50.\n\n",
                                      count: 100_000, tail: "\n")
        }
        let report = directory.appendingPathComponent("report.json")
        let previous = "{\"previous\": \"a good report from yesterday\"}\n"
        for delay in [0.05, 0.3, 1.0] {
            try previous.write(to: report, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = TestPaths.binary
            process.arguments = ["lint", "--format", "json", "-o", "report.json", "repo"]
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let text = try String(contentsOf: report, encoding: .utf8)
            if process.terminationReason == .uncaughtSignal {
                // Killed: the old report is exactly as it was, or (if the
                // rename had already happened) the new one is complete.
                #expect(text == previous || isCompleteReport(text), "a killed run left half a report (delay \(delay))")
            } else {
                #expect(isCompleteReport(text))
            }
        }
        // A run that finishes replaces the report and leaves no temporary file.
        let run = try Robustness.run(["lint", "--format", "json", "-o", "report.json", "repo"], in: directory)
        #expect(run.status == 1)
        #expect(isCompleteReport(try String(contentsOf: report, encoding: .utf8)))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        // Killed runs may leave their own temporary file beside the report, never in its place.
        for name in leftovers { #expect(name.hasPrefix(".report.json.")) }
    }

    @Test("a report that cannot be written is an error and the old report stays")
    func unwritableOutput() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Robustness.goodPolicy.write(to: directory.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        // The report path is a non-empty folder: rename cannot replace it.
        let target = directory.appendingPathComponent("report.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try "keep".write(to: target.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        let run = try Robustness.run(["lint", "-o", "report.json", "good.md"], in: directory)
        #expect(run.status == 2)
        #expect(run.stderrLines.count == 1 && run.stderrLines[0].contains("report.json: cannot write the report"), "\(run.stderr)")
        #expect(try String(contentsOf: target.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("OutputFile replaces a report in one step and refuses a link planted at its temporary name")
    func outputFileLibrary() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("out/report.txt")
        try OutputFile.writeAtomically("first\n", to: report.path)
        #expect(try String(contentsOf: report, encoding: .utf8) == "first\n")
        // Someone plants a link where the temporary file will go.
        let victim = directory.appendingPathComponent("victim.txt")
        try "untouched".write(to: victim, atomically: true, encoding: .utf8)
        let temporary = directory.appendingPathComponent("out/.report.txt.\(ProcessInfo.processInfo.processIdentifier).tmp")
        try FileManager.default.createSymbolicLink(at: temporary, withDestinationURL: victim)
        try OutputFile.writeAtomically("second\n", to: report.path)
        #expect(try String(contentsOf: report, encoding: .utf8) == "second\n")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "untouched")
    }

    @Test("two runs at once on the same repository give the same results as one, and do not interfere")
    func concurrentRuns() throws {
        let directory = try makeRepository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let solo = try Robustness.run(["lint", "--format", "json", "repo"], in: directory)
        #expect(solo.status == 1)
        let before = try snapshot(directory.appendingPathComponent("repo"))
        var processes: [(Process, Pipe)] = []
        for index in 0..<4 {
            let process = Process()
            process.executableURL = TestPaths.binary
            // Two write the same report path, two print to standard output.
            process.arguments = index < 2 ? ["lint", "--format", "json", "-o", "shared.json", "repo"]
                                          : ["lint", "--format", "json", "--jobs", "\(index)", "repo"]
            process.currentDirectoryURL = directory
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append((process, pipe))
        }
        for (index, (process, pipe)) in processes.enumerated() {
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            if index >= 2 { #expect(String(decoding: output, as: UTF8.self) == solo.stdout, "run \(index) differs from a solo run") }
        }
        #expect(try String(contentsOf: directory.appendingPathComponent("shared.json"), encoding: .utf8) == solo.stdout)
        let after = try snapshot(directory.appendingPathComponent("repo"))
        #expect(after.count == before.count)
        for (path, (data, _)) in before { #expect(after[path]?.0 == data, "\(path) changed") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    private func isCompleteReport(_ text: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return false }
        return object["version"] != nil && object["summary"] != nil
    }
}
