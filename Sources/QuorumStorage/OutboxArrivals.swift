import GRDB
import Synchronization

/// Tells the deliverer that rows were added to the outbox, as soon as their transaction commits,
/// so that a notice leaves at once instead of at the deliverer's next look. Only inserts count:
/// the deliverer's own updates (claiming, marking sent) never wake it.
public final class OutboxArrivals: TransactionObserver, Sendable {
    private struct State {
        /// A commit added rows since the last wait returned.
        var arrived = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
        /// A wait cancelled before its continuation was in place.
        var cancelled: UInt64?
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
                let resumeNow = state.withLock { state in
                    if state.arrived || state.cancelled == id {
                        state.arrived = false
                        state.cancelled = nil
                        return true
                    }
                    state.waiter = (id, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let waiter = state.waiter, waiter.id == id else {
                    state.cancelled = id
                    return nil
                }
                state.waiter = nil
                return waiter.continuation
            }
            waiting?.resume()
        }
    }

    private func ring() {
        let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.arrived = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiting?.resume()
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
