import HTTPTypes

/// A refusal a visitor sees as a page in the portal's style.
struct PortalError: Error, Sendable {
    var status: HTTPResponse.Status
    var title: String
    var message: String
    /// Offer the sign-in page (an exempt part asked for by someone not signed in).
    var offerSignIn = false

    static func notFound(_ message: String = "There is no page at this address. It may have moved, or the address may be mistyped.")
        -> PortalError
    {
        PortalError(status: .notFound, title: "Page not found", message: message)
    }

    static func forbidden(_ message: String, offerSignIn: Bool) -> PortalError {
        PortalError(status: .forbidden, title: "Not available to you", message: message, offerSignIn: offerSignIn)
    }

    static func badRequest(_ message: String) -> PortalError {
        PortalError(status: .badRequest, title: "The request could not be used", message: message)
    }
}
