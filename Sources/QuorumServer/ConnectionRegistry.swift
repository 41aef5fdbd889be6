import NIOCore
import Synchronization

/// The open connections: enforces the connection limit and lets a graceful shutdown close idle
/// connections at once while busy ones finish the request in hand.
public final class ConnectionRegistry: Sendable {
    public let maxConnections: Int
    private let state: Mutex<State>
    /// Set once, under the lock, by ``shutDown()`` or ``closeAll()``; read under it where a connection's entry
    /// changes with it, and without it by requests answered on the event loop.
    private let shuttingDown = Atomic<Bool>(false)

    private struct State {
        var nextID = 0
        var connections: [Int: Entry] = [:]
    }

    private struct Entry {
        let channel: any Channel
        var isBusy = false
    }

    /// Whether a new connection may stay.
    enum Admission: Equatable {
        case admitted(id: Int)
        /// ``maxConnections`` are open already.
        case full
        case shuttingDown
    }

    public init(maxConnections: Int) {
        self.maxConnections = maxConnections
        self.state = Mutex(State())
    }

    /// Whether a shutdown has begun: no new request should start.
    var isShuttingDown: Bool { shuttingDown.load(ordering: .acquiring) }

    public var count: Int { state.withLock { $0.connections.count } }

    /// Registers a connection unless the server is full or shutting down.
    func open(_ channel: any Channel) -> Admission {
        state.withLock { state in
            guard !isShuttingDown else { return .shuttingDown }
            guard state.connections.count < maxConnections else { return .full }
            state.nextID += 1
            state.connections[state.nextID] = Entry(channel: channel)
            return .admitted(id: state.nextID)
        }
    }

    func close(_ id: Int) {
        _ = state.withLock { $0.connections.removeValue(forKey: id) }
    }

    /// Marks the connection busy; false when the server is shutting down and it should close.
    func beginRequest(_ id: Int) -> Bool {
        state.withLock { state in
            guard !isShuttingDown else { return false }
            state.connections[id]?.isBusy = true
            return true
        }
    }

    /// Marks the connection idle; false when the server is shutting down and it should close.
    func endRequest(_ id: Int) -> Bool {
        state.withLock { state in
            state.connections[id]?.isBusy = false
            return !isShuttingDown
        }
    }

    /// Stops new requests; closes the connections that are not in the middle of one.
    func shutDown() {
        let idle = state.withLock { state in
            shuttingDown.store(true, ordering: .releasing)
            return state.connections.values.filter { !$0.isBusy }.map(\.channel)
        }
        for channel in idle { channel.close(promise: nil) }
    }

    /// Stops new requests and closes every connection, busy or not: the daemon is stopping
    /// because it cannot go on.
    func closeAll() {
        let all = state.withLock { state in
            shuttingDown.store(true, ordering: .releasing)
            return state.connections.values.map(\.channel)
        }
        for channel in all { channel.close(promise: nil) }
    }

    /// Returns once every connection has closed, after `timeout`, or when the task is
    /// cancelled, whichever comes first.
    func waitUntilEmpty(timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while count > 0, ContinuousClock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
