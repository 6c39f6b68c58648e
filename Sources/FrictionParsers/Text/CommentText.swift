import FrictionCore
import Foundation

/// The text of a comment (HTML in Markdown, or XML) as suppressions read it.
enum CommentText {
    /// `bytes` decoded, without surrounding white space (Foundation's
    /// `whitespacesAndNewlines`). ASCII white space is cut from the bytes;
    /// only text that then begins or ends with another character is trimmed
    /// through Foundation, for the Unicode spaces (trimming every comment
    /// there was most of the time spent on HTML blocks).
    static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte < 0x80 && CharacterClasses.isWhitespace(Unicode.Scalar(byte)) }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        guard start < end, bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return text
    }
}
