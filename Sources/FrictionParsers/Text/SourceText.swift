import FrictionCore
import Foundation

/// A file's bytes as UTF-8 with a line table, so byte offsets from the C
/// parsers turn into 1-based lines and code-point columns.
///
/// A UTF-8 byte-order mark is dropped (it is not a column); UTF-16 with a
/// byte-order mark, or mostly-ASCII UTF-16 without one, is decoded; anything
/// else that is not valid UTF-8 is an error that names the first bad byte's
/// line and column.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public var lineCount: Int { lineStarts.count }

    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = SourceText.lineStarts(of: bytes)
    }

    /// Decodes a file's raw bytes, or throws a `FrictionError.undecodable`
    /// naming `path`.
    public static func decode(_ raw: [UInt8], path: String) throws -> SourceText {
        if raw.count >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)) {
            let encoding: String.Encoding = raw[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(raw[2...]), encoding: encoding) else {
                throw FrictionError.undecodable(path: path, line: nil, column: nil,
                                                reason: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            return SourceText(utf8: Array(text.utf8))
        }
        var bytes = raw
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        let probe = bytes.prefix(8192)
        // memchr: a byte-by-byte `contains` cost as much as the UTF-8 check.
        if probe.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) {
            // UTF-16 without a byte-order mark (some Windows exports): decoded
            // when one byte of every pair is the zero high byte of ASCII text
            // and the result is text; anything else with NUL bytes is binary.
            if let encoding = utf16WithoutBOM(probe), bytes.count % 2 == 0,
               let text = String(data: Data(bytes), encoding: encoding),
               !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" && $0 != "\u{0C}" }) {
                return SourceText(utf8: Array(text.utf8))
            }
            throw FrictionError.undecodable(path: path, line: nil, column: nil,
                                            reason: "binary file (it contains NUL bytes), not a policy document")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let text = SourceText(utf8: Array(bytes[..<bad]))
            let position = text.position(ofByte: bad)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            throw FrictionError.undecodable(path: path, line: position.line, column: position.column,
                reason: "invalid UTF-8 (byte 0x\(hex)); the file may be Latin-1 or Windows-1252: save it as UTF-8")
        }
        return SourceText(utf8: bytes)
    }

    /// 1-based line and code-point column of the byte at `offset`.
    public func position(ofByte offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        let lineIndex = line(containingByte: clamped)
        return SourcePosition(line: lineIndex + 1, column: column(from: lineStarts[lineIndex], to: clamped))
    }

    /// Byte offset of a 1-based line and a 1-based *byte* column, as the C
    /// parsers report them; nil when the line does not exist.
    public func byteOffset(line: Int, byteColumn: Int) -> Int? {
        guard line >= 1 && line <= lineStarts.count && byteColumn >= 1 else { return nil }
        let offset = lineStarts[line - 1] + byteColumn - 1
        return offset <= bytes.count ? offset : nil
    }

    /// Offset one past the last byte of the line's content (before its line ending).
    public func lineContentEnd(line: Int) -> Int {
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > lineStarts[line - 1] && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return end
    }

    /// The 0-based index of the line holding byte `offset`.
    public func line(containingByte offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Code-point column of byte `offset` on a line starting at `lineStart`:
    /// one for every byte but UTF-8 continuation bytes, and eight ASCII
    /// bytes at a time are eight columns (the markup between two text nodes
    /// is most of what is counted over).
    public func column(from lineStart: Int, to offset: Int) -> Int {
        var continuations = 0
        bytes.withUnsafeBufferPointer { bytes in
            var index = lineStart
            while index + 8 <= offset && WordOfBytes(bytes, at: index).isASCII { index += 8 }
            while index < offset {
                if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
                index += 1
                while index + 8 <= offset && WordOfBytes(bytes, at: index).isASCII { index += 8 }
            }
        }
        return 1 + offset - lineStart - continuations
    }

    /// The text of line `line` (1-based) without its line ending.
    public func lineText(_ line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        return String(decoding: bytes[lineStarts[line - 1]..<lineContentEnd(line: line)], as: UTF8.self)
    }

    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        // Every byte of every file passes here: read through a buffer
        // pointer, without an array bounds check per byte.
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            guard let base = buffer.baseAddress, count > 0 else { return }
            // Without a carriage return, a line ends only at a line feed:
            // memchr finds each (most files, whose short lines left the
            // eight-byte skip below little to skip).
            if memchr(base, 0x0D, count) == nil {
                while index < count, let found = memchr(base + index, 0x0A, count - index) {
                    index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
                    starts.append(index)
                }
                return
            }
            while index < count {
                // Eight bytes at a time past those that cannot end a line:
                // most of a file is text between line breaks.
                if index + 8 <= count, !WordOfBytes(buffer, at: index).contains(0x0A, or: 0x0D) {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D && (index + 1 >= count || buffer[index + 1] != 0x0A) {
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        return starts
    }

    /// Little- or big-endian UTF-16 when the zero bytes fall (almost) only on
    /// one side of each pair, as they do in mostly-ASCII text; a binary file's
    /// zeros fall on both sides.
    private static func utf16WithoutBOM(_ probe: ArraySlice<UInt8>) -> String.Encoding? {
        guard probe.count >= 8 else { return nil }
        var zeros = (even: 0, odd: 0)
        for (index, byte) in probe.enumerated() where byte == 0 {
            if index % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let pairs = probe.count / 2
        if zeros.odd * 4 >= pairs && zeros.even * 100 <= pairs { return .utf16LittleEndian }
        if zeros.even * 4 >= pairs && zeros.odd * 100 <= pairs { return .utf16BigEndian }
        return nil
    }

    /// Offset of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0) }
    }

    /// `firstInvalidUTF8` over a buffer (every byte of every file: no
    /// bounds check per byte).
    private static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time: most text is ASCII.
            if index + 8 <= count, WordOfBytes(bytes, at: index).isASCII {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            let minimum: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= count else { return index }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                value = (value << 6) | UInt32(next & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
            index += length
        }
        return nil
    }
}
