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

    // MARK: Emailed sign-in links

    /// Asks the core to email a sign-in link; the answer is the same whether or not the address
    /// has an account.
    func requestSignInLink(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let links = self.links
        do {
            try await sessions.core.requestLink(email: email) { token in links.absolute("/signin/link?token=\(token)") }
        } catch let error as ApplicationError where error.code == .badArgument {
            let message = email.isEmpty ? "Enter your email address." : "Enter an email address, like name@example.org."
            return signInForm(
                context: context, email: "", next: "/", errors: [("link-email", message)], status: .badRequest, linkEmail: email)
        } catch let error as ApplicationError {
            throw PortalError(error)
        }
        return renderer.page(
            "signinlink", title: "Check your email", section: .signin, context: context,
            ["heading": "Check your email", "sent": true, "email": email, "minutes": linkMinutes])
    }

    /// The page an emailed link opens: a button that signs in (a GET changes nothing, so a mail
    /// scanner that follows links does not use the link up).
    func signInLinkPage(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard ContentHash.isAddress(token) else {
            return linkFailed(context: context, "This is not a sign-in link that Quorum sent (it may be mistyped).")
        }
        return renderer.page(
            "signinlink", title: "Sign in with your link", section: .signin, context: context,
            ["heading": "Sign in with your link", "confirm": true, "token": token])
    }

    func signInWithLink(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        let session: SessionService.Session
        do {
            session = try await sessions.core.redeemLink(form["token"] ?? "")
        } catch let error as ApplicationError where error.code == .badArgument {
            return linkFailed(context: context, PortalError.sentence(error.message))
        }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(sessions.sessionCookie(id: session.id))
        return response
    }

    private func linkFailed(context: PortalRequestContext, _ problem: String) -> Response {
        renderer.page(
            "signinlink", title: "Error: the sign-in link does not work", section: .signin, context: context, status: .badRequest,
            ["heading": "The sign-in link does not work", "failed": true, "problem": problem])
    }

    var linkMinutes: Int { Int((sessions.core.configuration.linkLifetime / 60).rounded()) }

    private func signInForm(
        context: PortalRequestContext, email: String, next: String, errors: [(field: String, message: String)],
        status: HTTPResponse.Status, linkEmail: String = ""
    ) -> Response {
        var values: [String: Any] = [
            "email": email, "next": next, "errors": errors.map { ["field": $0.field, "message": $0.message] }, "hasErrors": !errors.isEmpty,
            "emailLinks": sessions.core.configuration.emailLinks, "linkMinutes": linkMinutes, "linkEmail": linkEmail,
        ]
        // Only a field at fault gets its key: Mustache takes even an empty string as true.
        for error in errors {
            let key = error.field == "link-email" ? "linkEmailError" : "\(error.field)Error"
            if values[key] == nil { values[key] = error.message }
        }
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
