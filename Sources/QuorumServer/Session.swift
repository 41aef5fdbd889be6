import QuorumDomain
import QuorumProtocol

/// What the server knows about one connection between its requests.
public struct Session: Sendable, Hashable {
    /// Nil for the public.
    public var user: User?
    public var clientName: String?
    /// RESP2 until the client says HELLO 3.
    public var protocolVersion: RESPProtocolVersion = .resp2
    /// A number for this connection, as HELLO reports it.
    public var connectionID: Int = 0

    public init(user: User? = nil, connectionID: Int = 0) {
        self.user = user
        self.connectionID = connectionID
    }
}
