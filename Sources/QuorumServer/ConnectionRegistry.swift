import NIOCore
import Synchronization

/// The open connections: enforces the connection limit and lets a graceful shutdown close idle
/// connections at once while busy ones finish the request in hand.
public final class ConnectionRegistry: Sendable {
    public let maxConnections: Int
    private let state: Mutex<State>

    private struct State {
        var nextID = 0
        var connections: [Int: Entry] = [:]
        var isShuttingDown = false
    }

    private struct Entry {
        let channel: any Channel
        var isBusy = false
    }

    public init(maxConnections: Int) {
        self.maxConnections = maxConnections
        self.state = Mutex(State())
    }

    public var count: Int { state.withLock { $0.connections.count } }

    /// Registers a connection; nil when the server is full or shutting down.
    func open(_ channel: any Channel) -> Int? {
        state.withLock { state in
            guard !state.isShuttingDown, state.connections.count < maxConnections else { return nil }
            state.nextID += 1
            state.connections[state.nextID] = Entry(channel: channel)
            return state.nextID
        }
    }

    func close(_ id: Int) {
        _ = state.withLock { $0.connections.removeValue(forKey: id) }
    }

    /// Marks the connection busy; false when the server is shutting down and it should close.
    func beginRequest(_ id: Int) -> Bool {
        state.withLock { state in
            guard !state.isShuttingDown else { return false }
            state.connections[id]?.isBusy = true
            return true
        }
    }

    /// Marks the connection idle; false when the server is shutting down and it should close.
    func endRequest(_ id: Int) -> Bool {
        state.withLock { state in
            state.connections[id]?.isBusy = false
            return !state.isShuttingDown
        }
    }

    /// Stops new requests; closes the connections that are not in the middle of one.
    func shutDown() {
        let idle = state.withLock { state in
            state.isShuttingDown = true
            return state.connections.values.filter { !$0.isBusy }.map(\.channel)
        }
        for channel in idle { channel.close(promise: nil) }
    }
}
