import QuorumDomain

/// What the server knows about one connection between its requests.
public struct Session: Sendable, Hashable {
    /// Nil for the public.
    public var user: User?
    public var clientName: String?

    public init(user: User? = nil) {
        self.user = user
    }

    /// The signed-in user, or NOAUTH naming the command.
    func requireUser(for command: String) throws(CommandError) -> User {
        guard let user else { throw .authenticationRequired(command) }
        return user
    }
}
