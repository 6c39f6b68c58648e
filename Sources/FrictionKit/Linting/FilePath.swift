/// Paths as text: made absolute against a folder, with `.` and `..`
/// components and repeated slashes removed, without asking the file system.
enum FilePath {
    /// Works on the UTF-8 bytes: splitting the `String` by `Character` cost
    /// tens of thousands of instructions a path, once or twice for every file.
    static func lexical(_ path: String, from directory: String) -> String {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var bytes: [UInt8] = []
        if path.utf8.first != slash { bytes += directory.utf8; bytes.append(slash) }
        bytes += path.utf8
        // Start offsets of the kept components in `result`, for `..`.
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 1)
        var kept: [Int] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != slash { end += 1 }
            let length = end - start
            if length == 0 || (length == 1 && bytes[start] == dot) {
                // An empty component (repeated slash) or `.`: nothing.
            } else if length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                if let last = kept.popLast() { result.removeSubrange(last...) }
            } else {
                kept.append(result.count)
                result.append(slash)
                result += bytes[start..<end]
            }
            start = end + 1
        }
        return result.isEmpty ? "/" : String(decoding: result, as: UTF8.self)
    }
}
