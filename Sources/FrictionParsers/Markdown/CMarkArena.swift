import CCmarkArena
import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one cmark-gfm tree: every allocation of a parse is carved
/// from a few large blocks, and the whole tree is let go at once.
///
/// With the system allocator, cmark's calloc, realloc and free were about
/// 8% of a lint run's instructions (a node, its text and its strbufs each
/// allocated and freed one by one, and the tree freed node by node).
/// Here an allocation moves a cursor, a free gives back only the latest
/// allocation (cmark often frees what it just made), and a realloc of the
/// latest allocation grows it in place.
///
/// cmark's allocator callbacks take no context, so they find the arena
/// through a thread-local pointer (a C `_Thread_local`, see CCmarkArena.h)
/// that `CMarkArena.with` sets for the length of its body: every
/// cmark call on the tree (parsing, iterating, reading a literal, which
/// may allocate) must happen inside it.
enum CMarkArena {
    /// Each allocation is preceded by its size, in a prefix this long, and
    /// sizes are kept to multiples of it: payloads have malloc's alignment.
    fileprivate static let alignment = 16
    /// The first block's size; each further block doubles it, up to
    /// `largestBlock` (or holds one larger request exactly).
    private static let firstBlock = 64 << 10
    private static let largestBlock = 4 << 20

    /// A block: linked to the one made before it, followed by its allocations.
    private struct BlockHeader {
        var previous: UnsafeMutableRawPointer?
    }

    /// The arena of a tree: where the next allocation goes, where the
    /// current block ends, the latest allocation's payload and the newest block.
    fileprivate struct State {
        var cursor: UnsafeMutableRawPointer?
        var end: UnsafeMutableRawPointer?
        var latest: UnsafeMutableRawPointer?
        var newestBlock: UnsafeMutableRawPointer?
        var nextBlockSize = CMarkArena.firstBlock
    }

    /// The allocator cmark-gfm is given: stable, as every node keeps a pointer to it.
    nonisolated(unsafe) static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(calloc: { count, size in
            let (total, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { CMarkArena.outOfMemory() }
            let payload = CMarkArena.current.pointee.allocate(total)
            payload.initializeMemory(as: UInt8.self, repeating: 0, count: total)
            return payload
        }, realloc: { pointer, size in
            CMarkArena.current.pointee.reallocate(pointer, to: size)
        }, free: { pointer in
            CMarkArena.current.pointee.giveBack(pointer)
        }))
        return memory
    }()

    /// The arena of the tree being worked on by this thread.
    private static var current: UnsafeMutablePointer<State> {
        guard let state = friction_cmark_arena_get() else {
            fatalError("cmark-gfm allocated outside CMarkArena.with")
        }
        return state.assumingMemoryBound(to: State.self)
    }

    /// Runs `body` with a fresh arena as this thread's, then frees every
    /// block of it: nothing cmark allocated in `body` may be used after.
    static func with<Result>(_ body: () throws -> Result) rethrows -> Result {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        let outer = friction_cmark_arena_get()
        friction_cmark_arena_set(state)
        defer {
            friction_cmark_arena_set(outer)
            state.pointee.releaseBlocks()
            state.deinitialize(count: 1)
            state.deallocate()
        }
        return try body()
    }

    fileprivate static func outOfMemory() -> Never {
        fatalError("cmark arena: out of memory")
    }

    fileprivate static func rounded(_ size: Int) -> Int {
        (size + alignment - 1) & ~(alignment - 1)
    }
}

extension CMarkArena.State {
    /// `size` bytes, uninitialized, with malloc's alignment.
    fileprivate mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let needed = CMarkArena.alignment + CMarkArena.rounded(max(size, 1))
        if cursor == nil || cursor! + needed > end! { addBlock(holding: needed) }
        let header = cursor!
        header.storeBytes(of: size, as: Int.self)
        cursor = header + needed
        latest = header + CMarkArena.alignment
        return header + CMarkArena.alignment
    }

    fileprivate mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size) }
        let header = pointer - CMarkArena.alignment
        let old = header.load(as: Int.self)
        if CMarkArena.rounded(max(size, 1)) <= CMarkArena.rounded(max(old, 1)) {
            header.storeBytes(of: size, as: Int.self)
            return pointer
        }
        // The latest allocation grows where it is when its block has room.
        if pointer == latest, pointer + CMarkArena.rounded(size) <= end! {
            header.storeBytes(of: size, as: Int.self)
            cursor = pointer + CMarkArena.rounded(size)
            return pointer
        }
        let moved = allocate(size)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    /// Only the latest allocation goes back; the rest stays until the tree goes.
    fileprivate mutating func giveBack(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer, pointer == latest else { return }
        cursor = pointer - CMarkArena.alignment
        latest = nil
    }

    private mutating func addBlock(holding needed: Int) {
        let headerSize = CMarkArena.rounded(MemoryLayout<CMarkArena.BlockHeader>.size)
        let size = max(nextBlockSize, headerSize + needed)
        guard let block = malloc(size) else { CMarkArena.outOfMemory() }
        block.storeBytes(of: CMarkArena.BlockHeader(previous: newestBlock), as: CMarkArena.BlockHeader.self)
        newestBlock = block
        cursor = block + headerSize
        end = block + size
        latest = nil
        nextBlockSize = min(nextBlockSize * 2, CMarkArena.largestBlock)
    }

    fileprivate mutating func releaseBlocks() {
        while let block = newestBlock {
            newestBlock = block.load(as: CMarkArena.BlockHeader.self).previous
            free(block)
        }
        cursor = nil
        end = nil
        latest = nil
    }
}
