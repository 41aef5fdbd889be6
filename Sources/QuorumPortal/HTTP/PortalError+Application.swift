import QuorumApplication

/// The core's refusals as the portal's pages.
extension PortalError {
    init(_ error: ApplicationError) {
        switch error.code {
        case .notFound:
            self = .notFound()
        case .authenticationRequired:
            self = .forbidden("Sign in to do this.", offerSignIn: true)
        case .notPermitted, .wrongCredentials:
            self = .forbidden("\(PortalError.sentence(error.message))", offerSignIn: false)
        case .conflict:
            self = PortalError(status: .conflict, title: "Already done", message: PortalError.sentence(error.message))
        case .badArgument, .badInput:
            self = .badRequest(PortalError.sentence(error.message))
        case .deliveryFailed, .unavailable:
            self = PortalError(
                status: .serviceUnavailable, title: "Not available", message: "This could not be done just now. Please try again in a moment.")
        }
    }

    /// A message of the core as a sentence: a capital first letter and a full stop.
    static func sentence(_ message: String) -> String {
        let text = message.prefix(1).uppercased() + message.dropFirst()
        return text.hasSuffix(".") ? text : text + "."
    }
}

extension PortalRoutes {
    /// Runs an operation of the core, its refusals becoming the portal's pages.
    static func core<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ApplicationError {
            throw PortalError(error)
        }
    }

    static func portalError(_ error: ApplicationError) -> PortalError { PortalError(error) }

    static func sentence(_ message: String) -> String { PortalError.sentence(message) }
}
