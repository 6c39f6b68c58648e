import Foundation

extension Array where Element: Sendable {
    /// Maps on up to `jobs` threads and returns results in input order, so
    /// output is the same whatever the number of threads.
    public func parallelMap<T: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        guard jobs > 1, count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let next = AtomicCounter()
        let workers = Swift.min(jobs, count)
        self.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let input = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = next.increment()
                    guard index < input.count else { return }
                    results.store(transform(input[index]), at: index)
                }
            }
        }
        return results.values()
    }
}

/// Write-once slots filled by worker threads at distinct indices.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: T, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [T] {
        slots.map { $0! }
    }
}

/// A counter shared by worker threads.
private final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}
