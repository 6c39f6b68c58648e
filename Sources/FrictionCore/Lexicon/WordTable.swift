import Foundation

/// The words that lexicon patterns mention, each with a dense id: an
/// open-addressing hash table over the words' UTF-8 bytes.
///
/// Every token of every sentence is looked up here (twice per sentence when
/// coverage is measured), and most tokens are words no pattern mentions. A
/// `[String: Int32]` hashed each one with the standard library's seeded
/// SipHash; here a token is looked up by the hash of the two integers its
/// text is (`TokenText.hash`), and most lookups end at an empty slot.
struct WordTable: Sendable {
    /// Id of the word in each slot, -1 when empty; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    /// Word `id`'s bytes are `bytes[starts[id] ..< starts[id + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Each word as a token holds it, so that a token is compared with a
    /// word as two integers, not byte by byte.
    private var texts: [TokenText] = []

    var count: Int { hashes.count }

    init() {}

    /// A table that holds `count` words without growing.
    init(minimumCapacity count: Int) {
        var slotCount = 64
        while slotCount < count * 2 { slotCount *= 2 }
        slots = Array(repeating: -1, count: slotCount)
        hashes.reserveCapacity(count)
        texts.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
    }

    /// The UTF-8 bytes of word `id`.
    func bytes(of id: Int) -> ArraySlice<UInt8> {
        bytes[Int(starts[id])..<Int(starts[id + 1])]
    }

    /// The id of `word`, or nil when no pattern mentions it.
    func id(of word: String) -> Int32? {
        var word = word
        return word.withUTF8 { find($0, hash: TokenText($0).hash).id }
    }

    /// The id of a token's word, looked up and compared as a `TokenText`,
    /// or nil when no pattern mentions it.
    @inline(__always)
    func id(of token: Token) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: token.text.hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if texts[Int(id)] == token.text { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `word`, adding it when new.
    mutating func insert(_ word: String) -> Int32 {
        var word = word
        return word.withUTF8 { insert(utf8: $0) }
    }

    /// The id of the word with these UTF-8 bytes, adding it when new.
    mutating func insert(utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        let text = TokenText(utf8)
        let hash = text.hash
        let (found, slot) = find(utf8, hash: hash)
        if let found { return found }
        let id = Int32(hashes.count)
        bytes.append(contentsOf: utf8)
        starts.append(Int32(bytes.count))
        hashes.append(hash)
        texts.append(text)
        slots[slot] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id found, or the empty slot where the word would go.
    private func find(_ utf8: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return (nil, slot) }
            if hashes[Int(id)] == hash && equals(Int(id), utf8) { return (id, slot) }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ id: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        guard end - start == utf8.count else { return false }
        guard let other = utf8.baseAddress, utf8.count > 0 else { return true }
        // memcmp: a token whose hash finds a word is nearly always that word,
        // and comparing it a checked byte at a time cost more than the probe.
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, utf8.count) == 0 }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
