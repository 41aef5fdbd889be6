/// An error of an operation that its caller should see: what was wrong, in words a person can
/// act on. Front doors render it (a `-CODE message` reply, an HTTP status and page).
public struct ApplicationError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// The operation needs a signed-in user.
        case authenticationRequired
        /// The user-token pair is not valid.
        case wrongCredentials
        /// Signed in, but the operation's access rule refuses this user.
        case notPermitted
        case notFound
        /// An argument is malformed or out of range; the message names it.
        case badArgument
        /// An input document (a CSV file, a report) is bad; the message names the line.
        case badInput
        /// The store's state refuses it (a duplicate, a version already taken).
        case conflict
        /// A peer (the mail server, a webhook receiver) refused or could not be reached.
        case deliveryFailed
        /// Something the server needs is missing or failed; not the caller's fault.
        case unavailable
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
