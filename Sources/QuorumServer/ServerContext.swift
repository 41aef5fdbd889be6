import Foundation
import Logging
import QuorumApplication
import QuorumDomain

/// What every command handler may use: the application core, and the server's own facts.
public struct ServerContext: Sendable {
    public var application: Application
    public var connections: ConnectionRegistry
    public var logger: Logger
    public var version: String
    public var startedAt: Date
    /// Told of every command once it is answered: its name as HELP writes it (`unknown` for a
    /// command the table does not have, so that names stay bounded), how long it took, and
    /// whether it failed. The daemon counts these for `/metrics`.
    public var onCommand: (@Sendable (_ name: String, _ duration: Duration, _ failed: Bool) -> Void)?
    /// Told how many requests of one command were answered on the event loop from memory: the
    /// bare `PING`s of a batch, answered from their bytes, and each run of kept replies. These
    /// are counted under the command's name and not timed (a kept reply found by a command's
    /// task, behind a request that needed it, is told through ``onCommand`` with its time).
    public var onUntimed: (@Sendable (_ name: String, _ count: Int) -> Void)?
    /// Replies of cacheable reads, shared by every connection.
    let replies = ReplyCache()

    public init(
        application: Application, connections: ConnectionRegistry = ConnectionRegistry(maxConnections: 256), logger: Logger,
        version: String = QuorumVersion.current
    ) {
        self.application = application
        self.connections = connections
        self.logger = logger
        self.version = version
        self.startedAt = application.clock.now()
    }
}

public enum QuorumVersion {
    public static let current = "0.2.0"
}
