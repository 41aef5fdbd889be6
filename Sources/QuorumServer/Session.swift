import QuorumApplication
import QuorumDomain
import QuorumProtocol

/// What the server knows about one connection between its requests.
public struct Session: Sendable, Hashable {
    /// Who signed in on this connection, and with which token; nil for the public. The
    /// dispatcher asks the core whether it still holds before every command.
    public var signIn: SignIn?
    public var clientName: String?
    /// RESP2 until the client says HELLO 3.
    public var protocolVersion: RESPProtocolVersion = .resp2
    /// A number for this connection, as HELLO reports it.
    public var connectionID: Int = 0

    public init(connectionID: Int = 0) {
        self.connectionID = connectionID
    }

    /// Nil for the public.
    public var user: User? { signIn?.user }
}
