/// Eight bytes of a buffer read as one integer, for the loops that pass
/// over every byte of every file (line starts, the UTF-8 check, link
/// text): a word in which no byte matters to them is skipped in one step.
/// Public and inlinable because those loops are in other modules: with
/// `package` access the calls were not inlined, and cost more than they saved.
public struct WordOfBytes {
    @usableFromInline let value: UInt64

    /// The eight bytes at `offset ..< offset + 8` of `buffer`.
    @inlinable @inline(__always)
    public init(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
        value = UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// No byte has its high bit set.
    @inlinable @inline(__always)
    public var isASCII: Bool { value & 0x8080_8080_8080_8080 == 0 }

    /// Some byte equals `byte`. A byte of `value ^ pattern` is zero where it
    /// matched, and `(x - 0x0101..) & ~x & 0x8080..` is non-zero exactly
    /// when some byte of `x` is zero (the classic test for a zero byte).
    @inlinable @inline(__always)
    public func contains(_ byte: UInt8) -> Bool {
        let x = value ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Some byte is below `limit` (at most 0x80), for a word that `isASCII`:
    /// the same test as `contains`, on `value - limit` in every byte.
    @inlinable @inline(__always)
    public func containsByte(below limit: UInt8) -> Bool {
        (value &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~value & 0x8080_8080_8080_8080 != 0
    }

    /// The high bit of every byte that equals `byte`, and no other bit
    /// (exact per byte, unlike the test in `contains`, whose borrows can
    /// mark the byte above a match: here no sum carries out of its byte).
    @inlinable @inline(__always)
    public func bytes(equalTo byte: UInt8) -> UInt64 {
        let x = value ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low = (x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
        return ~(low | x) & 0x8080_8080_8080_8080
    }

    @inlinable @inline(__always)
    public func contains(_ first: UInt8, or second: UInt8) -> Bool {
        contains(first) || contains(second)
    }
}
