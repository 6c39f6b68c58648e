import Foundation
import Testing

@Suite("friction parse, end to end")
struct ParseCommandTests {
    @Test func jsonOutputIsTheContract() throws {
        let result = try runFriction(["parse", "--format", "json", "Tests/FrictionTests/Fixtures/markdown/crlf-bom.md"])
        #expect(result.status == 0)
        let expected = """
            {
              "version": 1,
              "documents": [
                {
                  "path": "Tests/FrictionTests/Fixtures/markdown/crlf-bom.md",
                  "format": "markdown",
                  "profile": null,
                  "metadata": {
                    "title": "Título",
                    "owner": null,
                    "effective": null,
                    "review": null,
                    "audience": null,
                    "language": null
                  },
                  "sections": [
                    {
                      "heading": "Título",
                      "level": 1,
                      "line": 1,
                      "column": 3,
                      "endLine": 6,
                      "endColumn": 11,
                      "parent": null
                    }
                  ],
                  "sentences": [
                    {
                      "text": "Título",
                      "kind": "heading",
                      "line": 1,
                      "column": 3,
                      "endLine": 1,
                      "endColumn": 8,
                      "section": 0
                    },
                    {
                      "text": "Line one has tab and wraps onto two.",
                      "kind": "paragraph",
                      "line": 3,
                      "column": 1,
                      "endLine": 4,
                      "endColumn": 9,
                      "section": 0
                    },
                    {
                      "text": "Next sentence here.",
                      "kind": "paragraph",
                      "line": 4,
                      "column": 11,
                      "endLine": 4,
                      "endColumn": 29,
                      "section": 0
                    },
                    {
                      "text": "Star item",
                      "kind": "list-item",
                      "line": 6,
                      "column": 3,
                      "endLine": 6,
                      "endColumn": 11,
                      "section": 0
                    }
                  ],
                  "comments": [],
                  "diagnostics": []
                }
              ],
              "errors": []
            }

            """
        #expect(result.stdout == expected)
    }

    @Test func badFilesAreOneLineEachAndTheRestStillParse() throws {
        let result = try runFriction(["parse", "Tests/FrictionTests/Fixtures/xml/malformed.xml", "missing.md",
                                      "Tests/FrictionTests/Fixtures/xml/dita.xml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: missing.md: no such file or directory"))
        #expect(result.stdout.contains("error: Tests/FrictionTests/Fixtures/xml/malformed.xml:4:10: malformed XML: Opening and ending tag mismatch"))
        #expect(result.stdout.contains("# 4:10 DITA Topic"))
    }

    @Test func invalidUTF8AndBinaryFilesAreClearErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0x4F, 0x6B, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: directory.appendingPathComponent("latin1.md"))
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: directory.appendingPathComponent("binary.md"))
        let result = try runFriction(["parse", directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("binary.md: binary file"))
        #expect(result.stdout.contains("latin1.md:2:4: invalid UTF-8 (byte 0xE9)"))
    }
}
