import Foundation
import QuorumDomain
import QuorumStorage

/// Web sessions: signing in with a token, who a session is, signing out.
///
/// A session is opened only for a user whose token the users service has just checked, and it
/// remembers which token that was (its hash). Each request asks again who the session is, so a
/// session ends when it expires, when its user signs out, and when the user's token changes
/// (rotated or revoked): the session no longer matches the user's current token.
public struct SessionService: Sendable {
    /// How long sessions last.
    public struct Configuration: Sendable {
        /// How long a sign-in lasts.
        public var sessionLifetime: TimeInterval
        /// How long an emailed sign-in link works.
        public var linkLifetime: TimeInterval

        public init(sessionLifetime: TimeInterval = 8 * 3600, linkLifetime: TimeInterval = 15 * 60) {
            self.sessionLifetime = sessionLifetime
            self.linkLifetime = linkLifetime
        }
    }

    /// An open session: the random id its cookie carries (stored only as a hash), whose it is,
    /// and when it ends.
    public struct Session: Sendable, Hashable {
        public let id: String
        public let user: User
        public let expiresAt: Date
    }

    let database: AppDatabase
    let users: UserService
    let clock: WallClock
    public let configuration: Configuration

    public init(database: AppDatabase, users: UserService, clock: WallClock, configuration: Configuration = Configuration()) {
        self.database = database
        self.users = users
        self.clock = clock
        self.configuration = configuration
    }

    /// Signs in with a name (`admin` or an email) and its token.
    /// - Throws: `wrongCredentials` when they do not match (the message never repeats the token).
    public func open(name: String, token: String) async throws -> Session {
        let user = try await users.authenticate(name: name, token: token)
        let now = clock.now()
        let session = Session(id: Self.randomID(), user: user, expiresAt: now.addingTimeInterval(configuration.sessionLifetime))
        guard try await database.openPortalSession(for: user, token: token, sessionID: session.id, expiresAt: session.expiresAt, now: now) else {
            throw ApplicationError(.wrongCredentials, "invalid user-token pair")
        }
        return session
    }

    /// The user of a live session, or nil: unknown, expired, signed out, or opened with a token
    /// that is no longer the user's.
    public func user(ofSession id: String) async throws -> User? {
        try await database.portalSessionUser(sessionID: id, now: clock.now())
    }

    /// Signs out: the session ends (and any that have expired are removed).
    public func close(_ id: String) async throws {
        try await database.closePortalSession(sessionID: id, now: clock.now())
    }

    /// 32 random bytes as 64 hex digits.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
