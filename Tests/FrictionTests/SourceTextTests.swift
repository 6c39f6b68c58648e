import FrictionCore
import FrictionParsers
import Testing

/// Line starts and the UTF-8 check skip eight bytes at a time; a line break
/// or a bad byte must be found wherever it falls in such a word.
@Suite("Source text")
struct SourceTextTests {
    /// Line starts as the file format defines them, a byte at a time.
    private func expectedLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in bytes.enumerated()
        where byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
            starts.append(index + 1)
        }
        return starts
    }

    @Test(arguments: ["\n", "\r", "\r\n", "\n\n", "\r\r\n"])
    func lineBreakAtEveryOffset(_ lineBreak: String) {
        for length in 0..<40 {
            for offset in 0...length {
                let text = String(repeating: "a", count: offset) + lineBreak + String(repeating: "b", count: length - offset)
                let bytes = Array(text.utf8)
                #expect(SourceText(utf8: bytes).lineStarts == expectedLineStarts(bytes), "\(length) \(offset)")
            }
        }
    }

    @Test func invalidByteFoundAtEveryOffset() throws {
        for length in 1..<40 {
            for offset in 0..<length {
                var bytes = Array(String(repeating: "a", count: length).utf8)
                bytes[offset] = 0xFF
                #expect(throws: FrictionError.self) { try SourceText.decode(bytes, path: "bad.md") }
                do {
                    _ = try SourceText.decode(bytes, path: "bad.md")
                } catch let error as FrictionError {
                    #expect(error.column == offset + 1, "\(length) \(offset)")
                }
            }
        }
    }

    @Test func multiByteTextAcrossWordsIsValid() throws {
        let text = "Café policy: refunds — within 30 days — for every customer, naïve or not.\r\nZweite Zeile"
        let source = try SourceText.decode(Array(text.utf8), path: "ok.md")
        #expect(source.lineStarts == expectedLineStarts(Array(text.utf8)))
    }
}
