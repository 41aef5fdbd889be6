import QuorumDomain
import QuorumStorage
import QuorumWire

/// Users: signing in, adding users, and who a session is.
public struct UserService: Sendable {
    let database: AppDatabase
    let clock: WallClock
    let authorizer: Authorizer
    let retired = RetiredTokens()

    public init(database: AppDatabase, clock: WallClock) {
        self.database = database
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    /// The user that the pair names (`admin` or an email, and its token).
    /// - Throws: `wrongCredentials`; the message never repeats the token.
    public func authenticate(name: String, token: String) async throws -> User {
        try await signIn(name: name, token: token).user
    }

    /// Signs in with the pair; a front door keeps the result and asks ``isCurrent(_:)`` before
    /// each request.
    /// - Throws: `wrongCredentials`; the message never repeats the token.
    public func signIn(name: String, token: String) async throws -> SignIn {
        guard let stored = try await database.signIn(name: name, token: token), !retired.contains(stored.tokenDigest) else {
            throw ApplicationError(.wrongCredentials, "invalid user-token pair")
        }
        return SignIn(user: stored.user, tokenDigest: stored.tokenDigest)
    }

    /// Whether a sign-in still holds: false once its token has been revoked or replaced. Cheap
    /// enough to ask on every command (a lookup in memory).
    public func isCurrent(_ signIn: SignIn) -> Bool {
        !retired.contains(signIn.tokenDigest)
    }

    /// Removes a user: their token stops working at once, on connections already signed in with
    /// it too, and their web sessions end. `USER ADD` may add them again.
    public func revoke(_ email: String, as user: User?) async throws {
        try await authorizer.authorize(.userRevoke, user)
        do {
            let removed = try await audited(.userRevoke, by: user, target: email) {
                try await database.revokeUser(email: email)
            }
            retired.retire(removed.tokenDigest)
        } catch UserStoreError.unknownUser(let email) {
            throw ApplicationError(.notFound, "no user '\(email)'")
        } catch UserStoreError.adminIsPermanent {
            throw ApplicationError(.badArgument, "admin cannot be revoked (nobody could add users then); USER ROTATE admin replaces its token")
        }
    }

    /// Gives a user a new token, shown this once; the old one stops working at once, on
    /// connections already signed in with it too, and web sessions opened with it end.
    public func rotate(_ email: String, as user: User?) async throws -> String {
        try await authorizer.authorize(.userRotate, user)
        do {
            let (token, old) = try await audited(.userRotate, by: user, target: email) {
                try await database.rotateToken(email: email)
            }
            retired.retire(old)
            return token
        } catch UserStoreError.unknownUser(let email) {
            throw ApplicationError(.notFound, "no user '\(email)'")
        }
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
            return try await audited(.userAdd, by: user, target: email, ["role": role.rawValue, "board": board]) {
                try await database.addUser(email: email, role: role, boardCode: board, now: clock.now())
            }
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
