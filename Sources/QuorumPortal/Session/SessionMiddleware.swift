import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain

/// Finds who is signed in from the session cookie, and gives every visitor a CSRF cookie
/// whose signed form travels in each form they are shown.
///
/// The session cookie carries a random id, signed. Who it is is asked of the core's session
/// service on every request, so that a sign-out, an expiry or a changed token ends it at once.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext
    static let sessionCookie = "quorum_session"
    static let csrfCookie = "quorum_csrf"

    let sessions: PortalSessions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var staleSession = false
        if let cookie = request.cookies[Self.sessionCookie]?.value {
            if let id = sessions.key.verify(cookie), let user = try await sessions.user(sessionID: id) {
                context.user = user
            } else {
                staleSession = true
            }
        }
        var csrfSeed = request.cookies[Self.csrfCookie]?.value ?? ""
        if !ContentHash.isAddress(csrfSeed) {
            csrfSeed = SigningKey.randomToken()
            context.cookiesToSet.append(sessions.cookie(name: Self.csrfCookie, value: csrfSeed, sameSite: .strict))
        }
        context.csrfToken = sessions.key.signature("csrf:" + csrfSeed)
        if staleSession { context.cookiesToSet.append(sessions.expiredCookie(name: Self.sessionCookie)) }
        var response = try await next(request, context)
        for cookie in context.cookiesToSet where !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(cookie.name + "=") }) {
            response.setCookie(cookie)
        }
        return response
    }
}

/// The cookies that carry web sessions and form tokens; the sessions themselves are the core's.
struct PortalSessions: Sendable {
    let core: SessionService
    let key: SigningKey
    let isSecure: Bool

    var lifetime: TimeInterval { core.configuration.sessionLifetime }

    func user(sessionID: String) async throws -> User? {
        try await core.user(ofSession: sessionID)
    }

    func cookie(name: String, value: String, sameSite: Cookie.SameSite, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: isSecure, httpOnly: true, sameSite: sameSite)
    }

    func expiredCookie(name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: isSecure, httpOnly: true, sameSite: .lax)
    }

    /// The session cookie for a new session id.
    func sessionCookie(id: String) -> Cookie {
        cookie(name: SessionMiddleware.sessionCookie, value: key.sign(id), sameSite: .lax, maxAge: Int(lifetime))
    }

    /// Whether a submitted form token is the one this visitor was given.
    func isValidForm(token: String?, request: Request) -> Bool {
        guard let token, let seed = request.cookies[SessionMiddleware.csrfCookie]?.value, ContentHash.isAddress(seed) else { return false }
        let expected = key.signature("csrf:" + seed)
        return token.utf8.count == expected.utf8.count && zip(token.utf8, expected.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
