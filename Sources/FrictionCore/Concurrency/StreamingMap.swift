import Foundation

/// Maps items on up to `jobs` threads while they are still being found, and
/// returns the results in the order they were found.
///
/// `parallelMap` needs its whole input first. Finding a linter's files is a
/// walk of the folders (some 1,700 of them in a large handbook, a stat and a
/// directory read each): done first, it kept every other core idle for
/// 2% of the run. Here the calling thread finds the items while
/// `jobs - 1` workers map those found so far, and maps too once all are found.
public enum StreamingMap {
    /// `produce` calls its argument with each item, in order, on the calling
    /// thread; `transform` runs on any thread.
    public static func map<Element: Sendable, T: Sendable>(
        jobs: Int,
        produce: (_ emit: (Element) -> Void) -> Void,
        _ transform: @Sendable (Element) -> T
    ) -> [T] {
        guard jobs > 1 else {
            var items: [Element] = []
            produce { items.append($0) }
            return items.map(transform)
        }
        let queue = WorkQueue<Element, T>()
        return withoutActuallyEscaping(transform) { transform in
            let workers = DispatchGroup()
            for _ in 1..<jobs {
                DispatchQueue.global().async(group: workers) { queue.work(transform) }
            }
            produce { queue.add($0) }
            queue.finish()
            queue.work(transform)
            workers.wait()
            return queue.results()
        }
    }
}

/// Items found so far and their results, shared under one lock: a few
/// thousand files take and store under it in a run, not a measurable cost.
private final class WorkQueue<Element, T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var slots: [T?] = []
    private var next = 0
    private var finished = false

    func add(_ item: Element) {
        condition.lock()
        items.append(item)
        slots.append(nil)
        condition.signal()
        condition.unlock()
    }

    /// No more items will come: wakes the workers waiting for one.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Maps items until every one is taken and no more will come.
    func work(_ transform: (Element) -> T) {
        while let (index, item) = take() {
            let result = transform(item)
            condition.lock()
            slots[index] = result
            condition.unlock()
        }
    }

    private func take() -> (Int, Element)? {
        condition.lock()
        defer { condition.unlock() }
        while next == items.count && !finished { condition.wait() }
        guard next < items.count else { return nil }
        next += 1
        return (next - 1, items[next - 1])
    }

    /// Called after every worker has returned.
    func results() -> [T] {
        slots.map { $0! }
    }
}
