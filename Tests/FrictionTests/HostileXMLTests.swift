import Foundation
import Testing

/// Hostile XML (issue 7): each attack is parsed with the attack inert or
/// rejected with one clear line, and none reads a file it was not given,
/// reaches the network, runs out of memory or fails to finish. The binary
/// runs as a separate process under a generous time limit, with its peak
/// memory measured; a listener on 127.0.0.1 proves no connection is made.
@Suite("Hostile XML", .serialized)
struct HostileXMLTests {
    /// What a hostile file must never put in the output.
    static let passwdMarker = "root:x:0:0"

    /// Runs `friction parse` and `friction lint --format json` on a hostile
    /// fixture (with `__PORT__` pointing at a listener) next to a good policy.
    private func attack(_ fixture: String, expectRejected: Bool? = nil, reason: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> (parse: Robustness.Run, lint: Robustness.Run) {
        let directory = try Robustness.temporaryDirectory(fixture)
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorder = try ConnectionRecorder()
        try Robustness.copy(["hostile/" + fixture], to: directory, port: recorder.port)
        try Robustness.goodPolicy.write(to: directory.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        let name = (fixture as NSString).lastPathComponent
        let parse = try Robustness.run(["parse", name], in: directory)
        let lint = try Robustness.run(["lint", "--format", "json", name, "good.md"], in: directory)
        for (command, run) in [("parse", parse), ("lint", lint)] {
            Robustness.expectBounded(run, megabytes: 512, "\(command) \(fixture)", sourceLocation: sourceLocation)
            #expect(!(run.stdout + run.stderr).contains(Self.passwdMarker), "\(command) \(fixture) leaked /etc/passwd",
                    sourceLocation: sourceLocation)
            #expect(!(run.stdout + run.stderr).contains("Staff may approve refunds up to $50. Leaked: root"),
                    sourceLocation: sourceLocation)
        }
        #expect(!recorder.connectionAttempted, "\(fixture): the linter connected to 127.0.0.1:\(recorder.port)",
                sourceLocation: sourceLocation)
        // Linting goes on past the hostile file: the good policy's finding is there.
        let report = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
        let files = report?["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["path"] as? String ?? "" } == [name, "good.md"], "\(lint.stdout.prefix(500))",
                sourceLocation: sourceLocation)
        #expect(lint.stdout.contains("rigid-rule"), sourceLocation: sourceLocation)
        // `parse` prints a file's error in its place on standard output.
        let errorLines = (parse.stdout + "\n" + parse.stderr).split(separator: "\n").map(String.init)
            .filter { ($0.hasPrefix("error: ") || $0.hasPrefix("friction: ")) && $0.contains(name) }
        if let expectRejected {
            if expectRejected {
                #expect(parse.status == 1, sourceLocation: sourceLocation)
                #expect(errorLines.count == 1, "expected one error line naming \(name): \(parse.stderr)", sourceLocation: sourceLocation)
                if let reason {
                    #expect(errorLines.first?.contains(reason) == true, "\(errorLines)", sourceLocation: sourceLocation)
                }
                #expect(Robustness.errorLines(lint, naming: name).count == 1, "\(lint.stderr)", sourceLocation: sourceLocation)
            } else {
                #expect(parse.status == 0, "\(parse.stderr)", sourceLocation: sourceLocation)
                #expect(errorLines.isEmpty, "\(errorLines)", sourceLocation: sourceLocation)
                #expect(parse.stdout.contains("Staff may approve refunds up to $50."), sourceLocation: sourceLocation)
            }
        } else {
            // Either outcome is safe; a rejection must still be one clear line.
            #expect(parse.status <= 1, sourceLocation: sourceLocation)
            #expect(errorLines.count <= 1, "\(parse.stderr)", sourceLocation: sourceLocation)
        }
        return (parse, lint)
    }

    @Test("an external entity pointing at file:///etc/passwd is never expanded")
    func externalEntityToLocalFile() throws {
        let (parse, _) = try attack("xxe-file.xml", expectRejected: false)
        #expect(parse.stdout.contains("Leaked: end."))
    }

    @Test("an external entity pointing at a file of ours is never opened (content and access time)")
    func externalEntityToCanaryFile() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "canary-\(UUID().uuidString)"
        let canary = directory.appendingPathComponent("canary.txt")
        try secret.write(to: canary, atomically: true, encoding: .utf8)
        let fixture = try String(contentsOf: Robustness.fixture("hostile/xxe-file.xml"), encoding: .utf8)
            .replacingOccurrences(of: "file:///etc/passwd", with: canary.absoluteString)
        let hostile = directory.appendingPathComponent("xxe-canary.xml")
        try fixture.write(to: hostile, atomically: true, encoding: .utf8)
        // An access time older than the modification time: any read (even
        // under relatime) moves it forward.
        let old = Date(timeIntervalSince1970: 946_684_800)
        try setAccessTime(of: canary, to: old)
        let run = try Robustness.run(["parse", "--format", "json", "xxe-canary.xml"], in: directory)
        Robustness.expectBounded(run, megabytes: 512, "xxe canary")
        #expect(run.status == 0)
        #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret))
        let afterRun = try accessTime(of: canary)
        // Calibrate: does reading the file here move its access time at all?
        _ = try Data(contentsOf: canary)
        let afterOwnRead = try accessTime(of: canary)
        if afterOwnRead != old {
            #expect(afterRun == old, "friction opened and read the canary file")
        }
    }

    @Test("an external entity pointing at a URL makes no connection")
    func externalEntityToURL() throws {
        let (parse, _) = try attack("xxe-url.xml", expectRejected: false)
        #expect(parse.stdout.contains("Fetched: end."))
    }

    @Test("an external DTD (URL or local file) is never loaded")
    func externalDTD() throws {
        _ = try attack("external-dtd.xml", expectRejected: false)
        _ = try attack("external-dtd-file.xml", expectRejected: false)
    }

    @Test("parameter entities load nothing; a PE-built exfiltration URL is rejected")
    func parameterEntity() throws {
        _ = try attack("parameter-entity.xml")
        _ = try attack("parameter-entity-exfiltration.xml", expectRejected: true, reason: "malformed XML")
    }

    @Test("billion laughs is refused with a clear error")
    func billionLaughs() throws {
        _ = try attack("billion-laughs.xml", expectRejected: true, reason: "entity")
    }

    @Test("XInclude is not processed")
    func xinclude() throws {
        let (parse, _) = try attack("xinclude.xml", expectRejected: false)
        #expect(!parse.stdout.contains("nologin"))
    }

    @Test("an XSLT processing instruction is ignored")
    func xsltProcessingInstruction() throws {
        _ = try attack("xslt-pi.xml", expectRejected: false)
    }

    @Test("quadratic blowup: a 4 kB entity referenced 20,000 times is refused, memory bounded")
    func quadraticBlowup() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 80 kB of file that would expand to 80 MB of text (and gigabytes of model).
        let entity = String(repeating: "Refunds will not be issued. ", count: 146)
        let references = String(repeating: "&e;", count: 20_000)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE policy [<!ENTITY e "\(entity)">]>
            <policy><title>Quadratic blowup</title><p>\(references)</p></policy>

            """
        try xml.write(to: directory.appendingPathComponent("quadratic.xml"), atomically: true, encoding: .utf8)
        let run = try Robustness.run(["lint", "--format", "compact", "quadratic.xml"], in: directory)
        Robustness.expectBounded(run, megabytes: 512, "quadratic blowup")
        #expect(run.status == 1)
        let lines = Robustness.errorLines(run, naming: "quadratic.xml")
        #expect(lines.count == 1 && lines[0].contains("entity references expand to more than"), "\(run.stderr)")
    }

    @Test("a few small internal entities still expand (the budget does not bite)")
    func smallEntitiesStillExpand() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE policy [<!ENTITY co "Harbour and Pine">]>
            <policy><title>Entities</title><p>&co; staff may approve refunds up to $50.</p></policy>

            """
        try xml.write(to: directory.appendingPathComponent("entities.xml"), atomically: true, encoding: .utf8)
        let run = try Robustness.run(["parse", "entities.xml"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Harbour and Pine staff may approve refunds up to $50."), "\(run.stdout)")
    }

    @Test("100,000 levels of nesting are refused with a clear error, no stack overflow")
    func deepNesting() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let depth = 100_000
        let xml = "<?xml version=\"1.0\"?>\n<policy>" + String(repeating: "<div>", count: depth) + "Never."
            + String(repeating: "</div>", count: depth) + "</policy>\n"
        try xml.write(to: directory.appendingPathComponent("deep.xml"), atomically: true, encoding: .utf8)
        try Robustness.goodPolicy.write(to: directory.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        let run = try Robustness.run(["lint", "--format", "compact", "deep.xml", "good.md"], in: directory)
        Robustness.expectBounded(run, megabytes: 512, "deep nesting")
        #expect(run.status == 1)
        let lines = Robustness.errorLines(run, naming: "deep.xml")
        #expect(lines.count == 1 && lines[0].contains("deep.xml:2:") && lines[0].contains("nested more than 256 levels"),
                "\(run.stderr)")
        #expect(run.stdout.contains("good.md:3:9"))
    }

    @Test("a 100 MB text node is refused with a clear error, memory bounded")
    func hugeTextNode() throws {
        let directory = try Robustness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Robustness.writeLarge(to: directory.appendingPathComponent("huge.xml"),
                                  head: "<?xml version=\"1.0\"?>\n<policy><title>Huge</title><p>",
                                  chunk: "Refunds will not be issued under any circumstances.\n", count: 100 << 20,
                                  tail: "</p></policy>\n")
        try Robustness.goodPolicy.write(to: directory.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        let run = try Robustness.run(["lint", "--format", "compact", "huge.xml", "good.md"], in: directory)
        Robustness.expectBounded(run, megabytes: 1024, "100 MB text node")
        #expect(run.status == 1)
        let lines = Robustness.errorLines(run, naming: "huge.xml")
        #expect(lines.count == 1 && lines[0].contains("larger than 10 MB"), "\(run.stderr.prefix(1000))")
        #expect(run.stdout.contains("good.md:3:9"))
    }

    private func accessTime(of url: URL) throws -> Date {
        var status = stat()
        guard stat(url.path, &status) == 0 else { throw CocoaError(.fileReadUnknown) }
        #if os(Linux)
        return Date(timeIntervalSince1970: TimeInterval(status.st_atim.tv_sec))
        #else
        return Date(timeIntervalSince1970: TimeInterval(status.st_atimespec.tv_sec))
        #endif
    }

    private func setAccessTime(of url: URL, to date: Date) throws {
        var status = stat()
        guard stat(url.path, &status) == 0 else { throw CocoaError(.fileReadUnknown) }
        #if os(Linux)
        let modified = status.st_mtim
        #else
        let modified = status.st_mtimespec
        #endif
        var times = [timespec(tv_sec: Int(date.timeIntervalSince1970), tv_nsec: 0), modified]
        guard utimensat(AT_FDCWD, url.path, &times, 0) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
