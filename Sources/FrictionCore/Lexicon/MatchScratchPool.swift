import Foundation

/// Matching scratch handed on from one document to the next.
///
/// A scratch holds tables of one slot per automaton state, hundreds of
/// kilobytes: made anew for every document, clearing them (and, above
/// malloc's mmap threshold, faulting their pages in) was a few percent of a
/// run over thousands of small files. Workers take one, use it for a
/// document, and give it back; the pool keeps a few, one per worker that
/// is busy at the same time.
final class MatchScratchPool: @unchecked Sendable {
    // @unchecked: `spare` is only touched under `lock`.
    private let lock = NSLock()
    private var spare: [CompiledLexicon.MatchScratch] = []
    private static let kept = 16

    func take() -> CompiledLexicon.MatchScratch {
        lock.lock()
        defer { lock.unlock() }
        return spare.popLast() ?? CompiledLexicon.MatchScratch()
    }

    func give(_ scratch: CompiledLexicon.MatchScratch) {
        lock.lock()
        defer { lock.unlock() }
        if spare.count < Self.kept { spare.append(scratch) }
    }
}
