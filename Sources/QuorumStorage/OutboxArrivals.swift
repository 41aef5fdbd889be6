import GRDB
import Synchronization

/// Tells the deliverer that rows were added to the outbox, as soon as their transaction commits,
/// so that a notice leaves at once instead of at the deliverer's next look. Only inserts count:
/// the deliverer's own updates (claiming, marking sent) never wake it.
public final class OutboxArrivals: TransactionObserver, Sendable {
    private struct State {
        /// A commit added rows while nobody waited: the next wait returns at once.
        var arrived = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())
    /// The transaction in hand has inserted rows; touched only on the writer's queue.
    private let inserted = Atomic<Bool>(false)

    init() {}

    /// Returns when rows arrived (or had arrived since the last return), after `timeout`, or when
    /// the task is cancelled.
    public func wait(upTo timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForArrival() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForArrival() async {
        let id = state.withLock { state in
            state.nextID &+= 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A cancellation that came before the continuation was in place found nothing to
                // resume; the task's cancelled flag, set before its handler runs, says so here.
                let resumeNow = state.withLock { state in
                    if state.arrived || Task.isCancelled {
                        state.arrived = false
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Waits in hand, for tests that must know a wait has begun before they commit.
    var waiterCount: Int { state.withLock { $0.waiters.count } }

    private func ring() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.arrived = true
                return []
            }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for continuation in waiting { continuation.resume() }
    }

    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "outbox" }
        return false
    }

    public func databaseDidChange(with event: DatabaseEvent) {
        inserted.store(true, ordering: .relaxed)
    }

    public func databaseWillCommit() throws {}

    public func databaseDidCommit(_ db: Database) {
        if inserted.exchange(false, ordering: .relaxed) { ring() }
    }

    public func databaseDidRollback(_ db: Database) {
        inserted.store(false, ordering: .relaxed)
    }
}
