import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain

/// Signing in with an email and token, and signing out; every form checked for its CSRF token.
extension PortalRoutes {
    func signInPage(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let next = Self.localPath(request.uri.queryParameters["next"].map(String.init))
        return signInForm(context: context, email: "", next: next, errors: [], status: .ok)
    }

    func signIn(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let token = (form["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let next = Self.localPath(form["next"])
        var errors: [(field: String, message: String)] = []
        if email.isEmpty { errors.append(("email", "Enter your email address (or admin).")) }
        if token.isEmpty { errors.append(("token", "Enter your access token.")) }
        if !errors.isEmpty {
            return signInForm(context: context, email: email, next: next, errors: errors, status: .badRequest)
        }
        let session: SessionService.Session
        do {
            session = try await sessions.core.open(name: email, token: token)
        } catch let error as ApplicationError where error.code == .wrongCredentials {
            return signInForm(
                context: context, email: email, next: next,
                errors: [("token", "The email address and token do not match. Check both and try again.")], status: .unauthorized)
        }
        var response = Response(status: .seeOther, headers: [.location: next])
        response.setCookie(sessions.sessionCookie(id: session.id))
        return response
    }

    func signOutPage(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        renderer.page("signout", title: "Sign out", section: .signin, context: context, [:])
    }

    func signOut(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        if let cookie = request.cookies[SessionMiddleware.sessionCookie]?.value, let id = sessions.key.verify(cookie) {
            try await sessions.core.close(id)
        }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(sessions.expiredCookie(name: SessionMiddleware.sessionCookie))
        return response
    }

    private func signInForm(
        context: PortalRequestContext, email: String, next: String, errors: [(field: String, message: String)],
        status: HTTPResponse.Status
    ) -> Response {
        var values: [String: Any] = [
            "email": email, "next": next, "errors": errors.map { ["field": $0.field, "message": $0.message] }, "hasErrors": !errors.isEmpty,
        ]
        // Only a field at fault gets its key: Mustache takes even an empty string as true.
        for error in errors where values["\(error.field)Error"] == nil { values["\(error.field)Error"] = error.message }
        return renderer.page(
            "signin", title: errors.isEmpty ? "Sign in" : "Error: sign in", section: .signin, context: context, status: status, values)
    }

    static let expiredForm = PortalError(
        status: .forbidden, title: "The form has expired",
        message: "The form could not be checked (it may be old, or sent from another site). Go back, reload the page and try again.")

    /// Only a path on this site (`/…`, not `//host` or a URL) is followed after sign-in.
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
            !text.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return "/" }
        return text
    }

    /// An `application/x-www-form-urlencoded` body, up to the size limit (first value of each name).
    static func readForm(_ request: Request, maxBytes: Int) async throws -> [String: String] {
        // Anything else is read as an empty form, which then fails its CSRF check.
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return [:] }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch {
            throw PortalError(status: .contentTooLarge, title: "Too large", message: "The form is larger than the portal accepts.")
        }
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(halves[0])
            if fields[name] == nil { fields[name] = halves.count > 1 ? decode(halves[1]) : "" }
        }
        return fields
    }
}
