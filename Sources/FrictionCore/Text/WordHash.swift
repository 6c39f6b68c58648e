/// The hash of a token's normalised UTF-8 bytes, computed once when the
/// token is made: every lexicon's word table is probed with it, so a
/// sentence's words are not hashed again for each lexicon that reads them.
/// 64-bit FNV-1a, with the high bits folded in so that the low bits (a
/// table's slot) depend on every byte.
struct WordHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    var value: UInt64 { state ^ (state >> 29) }

    @inline(__always)
    static func of(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = WordHash()
        for byte in utf8 { hash.add(byte) }
        return hash.value
    }

    static func of(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8(of)
    }
}
