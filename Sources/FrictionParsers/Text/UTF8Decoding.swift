/// Small UTF-8 helpers for code that walks C parsers' byte buffers.
enum UTF8Decoding {
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF8: return 4
        default: return 1
        }
    }

    /// Decodes one scalar; malformed input becomes U+FFFD.
    @inline(__always)
    static func scalar<C: Collection>(_ bytes: C, _ range: Range<Int>) -> Unicode.Scalar where C.Index == Int, C.Element == UInt8 {
        let lead = bytes[range.lowerBound]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        var value = UInt32(lead) & (range.count == 2 ? 0x1F : range.count == 3 ? 0x0F : 0x07)
        for index in (range.lowerBound + 1)..<range.upperBound {
            value = (value << 6) | UInt32(bytes[index] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
