/// The extension of a path's last component, lower-cased: what picks a
/// parser for a file and lets discovery keep it.
///
/// Read from the UTF-8 bytes with the rules of `NSString.pathExtension`
/// (trailing slashes ignored; a component that starts with its only dot,
/// like `.hidden`, has none). Foundation's version bridged every path to
/// an `NSString` and cost some 12,000 instructions a call, twice per file.
public enum PathExtension {
    public static func of(_ path: String) -> String {
        var utf8 = Substring(path).utf8
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        while utf8.last == slash { utf8 = utf8.dropLast() }
        let component = utf8.lastIndex(of: slash).map { utf8[utf8.index(after: $0)...] } ?? utf8
        guard let lastDot = component.lastIndex(of: dot), lastDot != component.startIndex else { return "" }
        let suffix = component[component.index(after: lastDot)...]
        guard suffix.allSatisfy({ $0 < 0x80 }) else { return String(Substring(suffix)).lowercased() }
        return String(unsafeUninitializedCapacity: suffix.count) { buffer in
            var index = 0
            for byte in suffix {
                buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                index += 1
            }
            return index
        }
    }
}
