import FrictionCore

/// Escaping shared by the XML, HTML and Markdown reporters.
enum MarkupEscaping {
    /// Text for XML or HTML content and double-quoted attributes. Characters
    /// XML 1.0 forbids (most C0 controls) are dropped so the output parses.
    static func xml(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\n": output += "&#10;"
            // Attribute values fold raw tabs and line ends to spaces: escape them.
            case "\t": output += "&#9;"
            case "\r": output += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Same as `xml`, but keeps line breaks as line breaks (element content).
    static func xmlContent(_ text: String) -> String {
        xml(text).replacingOccurrences(of: "&#10;", with: "\n")
    }

    /// Inline Markdown text: characters that would start emphasis, code,
    /// links, HTML or a table cell are backslash-escaped; line breaks fold.
    static func markdown(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!", "$":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "\n", "\r", "\t": output += " "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// A stable 64-bit FNV-1a hash, the same on every platform and run (Swift's
/// `Hasher` is seeded per process, so it cannot be used for fingerprints).
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        value ^= 0xFF
        value = value &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
