import Foundation

/// The automata of the built-in lexicons, for the rules alone and together
/// with the built-in frameworks (for a run that measures coverage, see
/// `CoverageMatcher`), compiled when the binary was built and embedded
/// in `BuiltInAutomataData`: parsing and compiling every pattern was most of
/// the start-up of a one-file lint.
///
/// They are used only for runs with no lexicon directories or framework
/// files of the user's, and only when `BuiltInAutomataData.fingerprint`
/// matches the embedded lexicon and framework sources: data left over from
/// other lexicons is never read, and the automata are compiled at run time
/// instead. `scripts/embed-automata.sh` writes the data anew; a test fails
/// while it is out of date.
enum BuiltInAutomata {
    static let rules: TokenAutomaton? = decode(BuiltInAutomataData.rules)
    static let combined: TokenAutomaton? = decode(BuiltInAutomataData.combined)

    /// A hash of the automaton format and every built-in lexicon and
    /// framework source, eight bytes at a time: the sources are a few hundred
    /// kilobytes, hashed on every run, and a byte at a time this was a tenth
    /// of a one-file lint's start-up.
    static let sourceFingerprint: UInt64 = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 32
        }
        func add(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                var offset = 0
                while offset + 8 <= raw.count {
                    mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                    offset += 8
                }
                var tail: UInt64 = 0
                for (shift, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
                // The length ends each text, so that moving bytes from one
                // text to the next changes the hash.
                mix(tail)
                mix(UInt64(raw.count))
            }
        }
        add(String(TokenAutomaton.formatVersion))
        for (name, text) in BuiltInLexicons.files { add(name); add(text) }
        for (name, text) in BuiltInLexicons.frameworks { add(name); add(text) }
        return hash
    }()

    private static func decode(_ base64: String) -> TokenAutomaton? {
        guard BuiltInAutomataData.fingerprint == sourceFingerprint, let values = values(base64: base64) else { return nil }
        return TokenAutomaton(serialized: values)
    }

    /// Each value zigzag-encoded (small negatives stay small) in LEB128: seven
    /// bits a byte, low bits first, the high bit set on all but the last.
    /// Most values are small state and word numbers: this halves the data.
    static func varintData(_ values: [Int32]) -> Data {
        var data = Data(capacity: values.count * 2)
        for value in values {
            var rest = UInt32(bitPattern: (value << 1) ^ (value >> 31))
            while rest >= 0x80 {
                data.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            data.append(UInt8(rest))
        }
        return data
    }

    /// The values of `varintData(values).base64EncodedString()`, or nil when
    /// `text` is not that: decoded straight from the literal's bytes into
    /// preallocated buffers (base64, then varints, through `Data` was most of
    /// reading the automata at start-up).
    static func values(base64 text: String) -> [Int32]? {
        var text = text
        return text.withUTF8 { characters -> [Int32]? in
            guard let bytes = Base64Alphabet.decode(characters) else { return nil }
            return bytes.withUnsafeBufferPointer(varints)
        }
    }

    /// Zigzag LEB128 values (see `varintData`), or nil when one runs past 32
    /// bits or is left unfinished.
    private static func varints(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int32]? {
        var complete = true
        // At least one byte a value.
        let values = [Int32](unsafeUninitializedCapacity: bytes.count) { values, count in
            var current: UInt32 = 0
            var shift: UInt32 = 0
            for byte in bytes {
                guard shift < 32 else {
                    complete = false
                    return
                }
                current |= UInt32(byte & 0x7F) << shift
                if byte & 0x80 != 0 {
                    shift += 7
                    continue
                }
                values[count] = Int32(bitPattern: current >> 1) ^ -Int32(bitPattern: current & 1)
                count += 1
                current = 0
                shift = 0
            }
            complete = shift == 0
        }
        return complete ? values : nil
    }

    /// The standard base64 alphabet, with `=` padding.
    private enum Base64Alphabet {
        /// Each character's six bits, 64 for `=`, 255 outside the alphabet.
        static let sextets: [UInt8] = {
            var table = [UInt8](repeating: 255, count: 256)
            for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
                table[Int(character)] = UInt8(value)
            }
            table[Int(UInt8(ascii: "="))] = 64
            return table
        }()

        /// The bytes `characters` encode, or nil when they are not base64.
        static func decode(_ characters: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            guard characters.count % 4 == 0 else { return nil }
            var valid = true
            let bytes = sextets.withUnsafeBufferPointer { sextets in
                [UInt8](unsafeUninitializedCapacity: characters.count / 4 * 3) { bytes, count in
                    var index = 0
                    while index < characters.count {
                        let a = sextets[Int(characters[index])], b = sextets[Int(characters[index + 1])]
                        let c = sextets[Int(characters[index + 2])], d = sextets[Int(characters[index + 3])]
                        index += 4
                        guard a | b | c | d < 64 else {
                            // Padding (`=`, 64) only in the last group's last two places.
                            guard index == characters.count, a < 64, b < 64, c < 64 || c == 64 && d == 64, d == 64 else {
                                valid = false
                                return
                            }
                            bytes[count] = a << 2 | b >> 4
                            count += 1
                            if c < 64 {
                                bytes[count] = b << 4 | c >> 2
                                count += 1
                            }
                            return
                        }
                        bytes[count] = a << 2 | b >> 4
                        bytes[count + 1] = b << 4 | c >> 2
                        bytes[count + 2] = c << 6 | d
                        count += 3
                    }
                }
            }
            return valid ? bytes : nil
        }
    }

    /// The rules' lexicon and the coverage matcher's (the rules' and the
    /// frameworks'), compiled from the sources (what a run with no embedded
    /// data builds).
    static func compiledFromSources() throws(FrictionError) -> (rules: CompiledLexicon, combined: CompiledLexicon) {
        var errors: [FrictionError] = []
        let rules = LexiconLoader.assemble(try LexiconLoader.builtInFiles(), errors: &errors, strictDisable: true,
                                           matching: PolicyAnalyzer.conceptNames)
        if let first = errors.first { throw first }
        let coverage = try CoverageMatcher.make(frameworks: try FrameworkLoader.builtIn(), lexiconDirectories: [], compiled: nil)
        return (rules, coverage.lexicon)
    }

    /// The Swift source of `BuiltInAutomataData` for the current sources.
    static func generatedSource() throws(FrictionError) -> String {
        let (rules, combined) = try compiledFromSources()
        func base64(_ values: [Int32]) -> String { varintData(values).base64EncodedString() }
        return """
        // Generated by scripts/embed-automata.sh from Lexicons/ and the built-in
        // frameworks (through BuiltInLexicons.swift). Do not edit.

        /// The compiled automata that `BuiltInAutomata` reads (base64 of the
        /// varints of `TokenAutomaton.serialized()`), and the fingerprint of
        /// the sources they were compiled from.
        enum BuiltInAutomataData {
            static let fingerprint: UInt64 = 0x\(String(sourceFingerprint, radix: 16))
            static let rules = "\(base64(rules.serializedAutomaton))"
            static let combined = "\(base64(combined.serializedAutomaton))"
        }

        """
    }
}
