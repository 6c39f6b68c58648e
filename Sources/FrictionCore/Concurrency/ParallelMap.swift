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
///
/// The storage is allocated once and written through a raw pointer: a shared
/// Swift array would be a mutating access from every thread at once.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        slots[index] = value
    }

    func values() -> [T] {
        (0..<count).map { slots[$0]! }
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
