/// Strings kept once: an equal string is replaced by the copy already kept,
/// so they share one buffer.
struct StringPool {
    private var kept: Set<String> = []

    mutating func share(_ string: inout String) {
        // Strings of up to 15 UTF-8 bytes are stored inline and cost nothing.
        guard string.utf8.count > 15 else { return }
        string = kept.insert(string).memberAfterInsert
    }
}
