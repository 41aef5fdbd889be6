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
