import QuorumDomain
import QuorumStorage
import QuorumWire

/// Users: signing in, adding users, and who a session is.
public struct UserService: Sendable {
    let database: AppDatabase
    let clock: WallClock
    let authorizer: Authorizer

    public init(database: AppDatabase, clock: WallClock) {
        self.database = database
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    /// The user that the pair names (`admin` or an email, and its token).
    /// - Throws: `wrongCredentials`; the message never repeats the token.
    public func authenticate(name: String, token: String) async throws -> User {
        guard let user = try await database.authenticate(name: name, token: token) else {
            throw ApplicationError(.wrongCredentials, "invalid user-token pair")
        }
        return user
    }

    /// Adds a user and returns their token, shown this once. A secretary or a member needs a board.
    public func addUser(email: String, role roleName: String, board: String?, as user: User?) async throws -> String {
        try await authorizer.authorize(.userAdd, user)
        guard EmailAddressRule.isPlausible(email), email != AppDatabase.adminName else {
            throw ApplicationError(.badArgument, "'\(email)' is not an email address")
        }
        guard let role = Role(rawValue: roleName.lowercased()), role != .admin else {
            let roles = Role.allCases.filter { $0 != .admin }.map(\.rawValue).joined(separator: ", ")
            throw ApplicationError(.badArgument, "role '\(roleName)' is not one of \(roles)")
        }
        let board = board?.uppercased()
        if (role == .secretary || role == .member) && board == nil {
            throw ApplicationError(.badArgument, "a \(role.rawValue) needs board=<code>")
        }
        do {
            return try await database.addUser(email: email, role: role, boardCode: board, now: clock.now())
        } catch UserStoreError.alreadyExists(let email) {
            throw ApplicationError(.conflict, "a user '\(email)' already exists")
        } catch UserStoreError.unknownBoard(let code) {
            throw ApplicationError(.notFound, "no board '\(code)'")
        }
    }

    public func whoAmI(_ user: User?) async throws -> WhoAmIDocument {
        try await authorizer.authorize(.whoAmI, user)
        var seats: [String] = []
        if let user { seats = try await database.boardCodes(seating: user.name) }
        return WhoAmIDocument(user: user, seats: seats)
    }
}
