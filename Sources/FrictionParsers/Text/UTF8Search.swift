/// Substring search over UTF-8 bytes, for the short fixed strings the
/// parsers look for in every file (an XML declaration's encoding, a
/// DOCTYPE's public id). Foundation's `range(of:)` and `contains(_:)` go
/// through CFString: some 10,000 instructions a call, on every file.
enum UTF8Search {
    /// The offsets of the first occurrence of `needle` in `haystack`.
    static func firstRange<Haystack: Collection>(of needle: String, in haystack: Haystack) -> Range<Int>?
    where Haystack.Element == UInt8 {
        let needle = Array(needle.utf8)
        let bytes = Array(haystack)
        guard !needle.isEmpty, needle.count <= bytes.count else { return needle.isEmpty ? 0..<0 : nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }

    static func contains(_ needle: String, in text: String) -> Bool {
        firstRange(of: needle, in: text.utf8) != nil
    }
}
