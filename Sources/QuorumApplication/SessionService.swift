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
        /// Whether sign-in links may be asked for: only when there is a mail server to send them.
        public var emailLinks: Bool

        public init(sessionLifetime: TimeInterval = 8 * 3600, linkLifetime: TimeInterval = 15 * 60, emailLinks: Bool = false) {
            self.sessionLifetime = sessionLifetime
            self.linkLifetime = linkLifetime
            self.emailLinks = emailLinks
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

    // MARK: Emailed sign-in links

    /// Sends a single-use sign-in link to `email` through the outbox, if a user has that address.
    /// The answer is the same whether or not one has, so that nobody learns who has an account;
    /// the link's token is stored only as its hash, and the link and its message are written in
    /// one transaction.
    /// - Parameter link: the address of the link for a token (the portal knows its own address).
    /// - Throws: `unavailable` when no mail server is configured; `badArgument` for text that is
    ///   not an email address.
    public func requestLink(email: String, link: @Sendable (String) -> String) async throws {
        guard configuration.emailLinks else {
            throw ApplicationError(.unavailable, "sign-in links need a mail server (smtp: in the configuration)")
        }
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard EmailAddressRule.isPlausible(email) else {
            throw ApplicationError(.badArgument, "'\(email)' is not an email address")
        }
        let token = Self.randomID()
        let url = link(token)
        let minutes = Int((configuration.linkLifetime / 60).rounded())
        let now = clock.now()
        // Each request is its own message.
        let key = "signin.link|\(email.lowercased())|\(Self.randomID().prefix(16))"
        _ = try await database.createSignInLink(
            email: email, linkToken: token, expiresAt: now.addingTimeInterval(configuration.linkLifetime), now: now
        ) { user in
            Notice(
                kind: .signInLink, key: key, recipient: Person(role: Self.salutation(user), email: user.name), dueDate: nil,
                webhookEvent: nil, signIn: SignInLinkMessage(url: url, minutes: minutes))
        }
    }

    /// Signs in with an emailed link's token: it works once, before it expires.
    /// - Throws: `badArgument` naming why a link does not work (used, expired, unknown).
    public func redeemLink(_ token: String) async throws -> Session {
        let now = clock.now()
        let id = Self.randomID()
        let expiresAt = now.addingTimeInterval(configuration.sessionLifetime)
        switch try await database.redeemSignInLink(linkToken: token, sessionID: id, sessionExpiresAt: expiresAt, now: now) {
        case .signedIn(let user):
            return Session(id: id, user: user, expiresAt: expiresAt)
        case .used:
            throw ApplicationError(.badArgument, "this sign-in link has been used already: each link works once")
        case .expired:
            let minutes = Int((configuration.linkLifetime / 60).rounded())
            throw ApplicationError(.badArgument, "this sign-in link has expired: a link works for \(minutes) minutes")
        case .unknown:
            throw ApplicationError(.badArgument, "this is not a sign-in link that Quorum sent (it may be mistyped)")
        }
    }

    /// "Secretary of OSC", for the message's greeting (the portal knows people by role).
    static func salutation(_ user: User) -> String {
        let role = user.role.rawValue.prefix(1).uppercased() + user.role.rawValue.dropFirst()
        return user.boardCode.map { "\(role) of \($0)" } ?? role
    }

    /// 32 random bytes as 64 hex digits.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.lowercase((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
