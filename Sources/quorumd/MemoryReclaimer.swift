#if canImport(CMalloc)
import CMalloc
#endif
import Logging
import ServiceLifecycle

/// Hands memory that the process has freed back to the system.
///
/// glibc's allocator keeps freed memory for reuse: after one large request (an import of
/// 100,000 actions, a reply of tens of megabytes) the daemon's resident size stays at its peak
/// although most of it is free. Every second this asks how much freed memory the allocator
/// holds and, above a threshold, trims it (malloc_trim(3)). At start the daemon also caps the
/// allocator's arenas and fixes its mmap and trim thresholds (see ``configureAllocator()``).
struct MemoryReclaimer: Service {
    var interval: Duration = .seconds(1)
    /// Freed bytes the allocator may keep before a trim.
    static let threshold = 16 << 20
    let logger: Logger

    /// At most two malloc arenas (the daemon's threads are many and short of work, and each arena
    /// keeps its own free memory), large buffers in mappings of their own, and freed heap kept
    /// for reuse up to ``threshold``, beyond which the reclaimer trims it.
    static func configureAllocator() {
        #if canImport(CMalloc)
        _ = mallopt(M_ARENA_MAX, 2)
        // A fixed threshold (glibc's own rises with every large free, up to 32 MiB): a buffer of
        // a megabyte or more, such as a large reply, is its own mapping, returned when freed.
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        // Free memory at the top of the heap is kept up to the reclaimer's threshold, not glibc's
        // 128 KiB: a pipelined batch of large replies frees and takes back a few hundred KiB each
        // time, and giving it to the kernel in between made every batch fault its pages in anew
        // (two fifths of the CPU of a pipelined SCORECARD). The reclaimer trims what is held.
        _ = mallopt(M_TRIM_THRESHOLD, Int32(threshold))
        #endif
    }

    func run() async throws {
        #if canImport(CMalloc)
        // What start-up freed (the board files, the migrations, a demo import) is handed back
        // on the first tick whatever its size: an idle daemon should not keep it.
        var ticks = 0
        while !Task.isCancelled {
            let wait = ticks == 0 ? .milliseconds(100) : interval
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            } catch {
                return
            }
            ticks += 1
            let held = Int(mallinfo2().fordblks)
            if held > Self.threshold || ticks == 1 {
                malloc_trim(0)
                logger.debug("memory trimmed", metadata: ["freed_bytes_held": "\(held)"])
            }
        }
        #else
        try? await gracefulShutdown()
        #endif
    }
}
