extension RandomAccessCollection where Index == Int {
    /// The first index whose element is not `isBefore` some boundary, in a
    /// collection where the elements before it come first (sorted by the
    /// same key): a binary search.
    func partitionIndex(where isBefore: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
