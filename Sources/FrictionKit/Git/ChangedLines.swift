import Foundation

/// The lines of each file that were added or changed, read from a
/// zero-context diff (`git diff -U0`). Line numbers are 1-based, in the new
/// version of the file.
public struct ChangedLines: Sendable, Equatable {
    /// Keyed by the path relative to the top of the work tree.
    public private(set) var lines: [String: Set<Int>] = [:]

    public init(lines: [String: Set<Int>] = [:]) {
        self.lines = lines
    }

    /// Whether any line from `first` through `last` of `path` changed.
    public func contains(path: String, lines first: Int, through last: Int) -> Bool {
        guard let changed = lines[path] else { return false }
        return (first...max(first, last)).contains { changed.contains($0) }
    }

    /// Parses the text of `git diff -U0 --src-prefix=a/ --dst-prefix=b/`.
    /// Hunk headers give the counts, so an added line that itself starts with
    /// `+++` or `@@` is never mistaken for a header.
    public init(unifiedDiff text: String) {
        var path: String?
        var oldLeft = 0
        var newLeft = 0
        var newLine = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if oldLeft > 0 || newLeft > 0 {
                if line.hasPrefix("+") {
                    if let path { lines[path, default: []].insert(newLine) }
                    newLine += 1
                    newLeft -= 1
                } else if line.hasPrefix("-") {
                    oldLeft -= 1
                } else if line.hasPrefix(" ") {
                    newLine += 1
                    oldLeft -= 1
                    newLeft -= 1
                }
                // `\ No newline at end of file` takes no count.
                continue
            }
            if line.hasPrefix("+++ ") {
                let name = Self.unquote(String(line.dropFirst(4)))
                path = name.hasPrefix("b/") ? String(name.dropFirst(2)) : nil
            } else if line.hasPrefix("@@ "), let hunk = Self.hunk(line) {
                oldLeft = hunk.oldCount
                newLeft = hunk.newCount
                newLine = hunk.newStart
            }
        }
    }

    /// `@@ -a[,b] +c[,d] @@ ...`
    static func hunk(_ line: Substring) -> (oldCount: Int, newStart: Int, newCount: Int)? {
        let parts = line.split(separator: " ")
        guard parts.count >= 3, parts[1].hasPrefix("-"), parts[2].hasPrefix("+") else { return nil }
        func range(_ text: Substring) -> (Int, Int)? {
            let numbers = text.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(numbers[0]) else { return nil }
            let count = numbers.count > 1 ? Int(numbers[1]) : 1
            return count.map { (start, $0) }
        }
        guard let old = range(parts[1]), let new = range(parts[2]) else { return nil }
        return (old.1, new.0, new.1)
    }

    /// Undoes git's C-style quoting of unusual file names (`"b/a\tb.md"`).
    static func unquote(_ name: String) -> String {
        guard name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") else { return name }
        var bytes: [UInt8] = []
        var input = Array(name.utf8.dropFirst().dropLast())[...]
        while let byte = input.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = input.popFirst() else { bytes.append(byte); continue }
            switch next {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(next - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    guard let digit = input.first, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { break }
                    value = value * 8 + Int(digit - UInt8(ascii: "0"))
                    input = input.dropFirst()
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default: bytes.append(next)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension GitRepository {
    /// Lines added or changed since `base`: in the index when `staged`,
    /// otherwise in the work tree.
    public func changedLines(staged: Bool, base: String, pathspecs: [String]) throws -> ChangedLines {
        var arguments = ["--literal-pathspecs", "diff"]
        if staged { arguments.append("--cached") }
        arguments += ["-U0", "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", base, "--"]
        arguments += pathspecs
        return ChangedLines(unifiedDiff: String(decoding: try git(arguments), as: UTF8.self))
    }
}
