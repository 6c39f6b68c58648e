/// Eight bytes of a buffer read as one integer, for tests that look at all
/// of them at once.
struct WordOfBytes {
    let value: UInt64

    @inline(__always)
    init(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
        value = UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// No byte has its high bit set.
    @inline(__always)
    var isASCII: Bool { value & 0x8080_8080_8080_8080 == 0 }

    /// Some byte equals `first` or `second`. A byte of `value ^ pattern` is
    /// zero where it matched, and `(x - 0x01..) & ~x & 0x80..` is non-zero
    /// exactly when some byte of `x` is zero (the classic test for a zero
    /// byte in a word).
    @inline(__always)
    func contains(_ first: UInt8, or second: UInt8) -> Bool {
        Self.hasZeroByte(value ^ (0x0101_0101_0101_0101 &* UInt64(first)))
            || Self.hasZeroByte(value ^ (0x0101_0101_0101_0101 &* UInt64(second)))
    }

    @inline(__always)
    private static func hasZeroByte(_ x: UInt64) -> Bool {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
