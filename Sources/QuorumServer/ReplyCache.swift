import NIOCore
import QuorumDomain
import QuorumProtocol
import Synchronization

/// Replies of cacheable reads, kept until a write commits or the day changes.
///
/// A read such as `SCORECARD 2017/18` or `ACTION LIST status=overdue` is asked again and again
/// (every member's client, every dashboard refresh) while the data under it changes a few
/// times a day, and most of its cost is encoding the same document again. A reply is kept under
/// its command, its arguments and the user who asked (so every access rule has already been
/// applied to it), together with the data version and the date it was made at; it is given again
/// only while both are unchanged. Only operations that declare themselves
/// ``QuorumApplication/Operation/cacheable`` are kept, and only their successful replies.
///
/// Bounded, because the keys come from what clients send: at most ``maxEntries`` replies and
/// ``maxBytes`` in all; a reply larger than ``maxEntryBytes`` is not kept. When full, replies of
/// an older version go first, then the oldest.
final class ReplyCache: Sendable {
    struct Key: Hashable, Sendable {
        var command: String
        var arguments: [String]
        var user: User?
    }

    private struct Entry {
        var reply: RESPValue
        var version: UInt64
        var date: LocalDate
        var bytes: Int
        var order: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var nextOrder: UInt64 = 0
    }

    let maxEntries: Int
    let maxBytes: Int
    let maxEntryBytes: Int
    private let state = Mutex(State())

    init(maxEntries: Int = 512, maxBytes: Int = 32 << 20, maxEntryBytes: Int = 8 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
        self.maxEntryBytes = maxEntryBytes
    }

    /// The kept reply for `key`, if it was made at this version and date.
    func reply(for key: Key, version: UInt64, date: LocalDate) -> RESPValue? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.version == version, entry.date == date else { return nil }
            return entry.reply
        }
    }

    /// Keeps `reply`, made at `version` and `date`, unless it is too large.
    func keep(_ reply: RESPValue, for key: Key, version: UInt64, date: LocalDate) {
        let size = Self.size(of: reply) + key.arguments.reduce(key.command.utf8.count) { $0 + $1.utf8.count }
        guard size <= maxEntryBytes else { return }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.bytes }
            if state.entries.count >= maxEntries || state.bytes + size > maxBytes {
                for (stale, entry) in state.entries where entry.version != version || entry.date != date {
                    state.entries[stale] = nil
                    state.bytes -= entry.bytes
                }
            }
            while state.entries.count >= maxEntries || state.bytes + size > maxBytes,
                let oldest = state.entries.min(by: { $0.value.order < $1.value.order })
            {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.bytes
            }
            state.entries[key] = Entry(reply: reply, version: version, date: date, bytes: size, order: state.nextOrder)
            state.nextOrder += 1
            state.bytes += size
        }
    }

    /// How many replies are kept and their bytes, for tests.
    var usage: (entries: Int, bytes: Int) {
        state.withLock { ($0.entries.count, $0.bytes) }
    }

    private static func size(of reply: RESPValue) -> Int {
        switch reply {
        case .bulkString(let bytes): bytes.readableBytes
        case .array(let values): values.reduce(16) { $0 + size(of: $1) }
        case .map(let entries): entries.reduce(16) { $0 + size(of: $1.key) + size(of: $1.value) }
        default: 64
        }
    }
}
