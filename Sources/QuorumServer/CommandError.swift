import QuorumApplication
import QuorumProtocol

/// An error a client sees as a `-CODE message` reply; the connection stays usable.
public struct CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: Code
    public let message: String

    /// The error codes of the protocol (docs/protocol.md).
    public enum Code: String, Sendable, Hashable {
        case err = "ERR"
        case noauth = "NOAUTH"
        case wrongpass = "WRONGPASS"
        case noperm = "NOPERM"
        case notfound = "NOTFOUND"
        case badarg = "BADARG"
        case badinput = "BADINPUT"
        case conflict = "CONFLICT"
        case toobig = "TOOBIG"
        case `internal` = "INTERNAL"
        /// Redis's code for a protocol version it does not speak (HELLO 4).
        case noproto = "NOPROTO"
    }

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var reply: RESPValue { .error(code: code.rawValue, message: message) }
    public var description: String { "\(code.rawValue) \(message)" }

    /// An operation's error as the reply to `command`.
    init(_ error: ApplicationError, command: String) {
        switch error.code {
        case .authenticationRequired: self = .authenticationRequired(command)
        case .wrongCredentials: self.init(.wrongpass, error.message)
        case .notPermitted: self.init(.noperm, "\(command): \(error.message)")
        case .notFound: self.init(.notfound, "\(command): \(error.message)")
        case .badArgument: self.init(.badarg, "\(command): \(error.message)")
        case .badInput: self.init(.badinput, error.message)
        case .conflict: self.init(.conflict, "\(command): \(error.message)")
        case .deliveryFailed: self.init(.err, "\(command) \(error.message)")
        case .unavailable: self.init(.internal, "\(command): \(error.message)")
        }
    }

    /// The grammar's refusal of a request, with the same code and message.
    init(_ error: CommandGrammarError) {
        switch error.code {
        case .err: self.init(.err, error.message)
        case .badarg: self.init(.badarg, error.message)
        case .toobig: self.init(.toobig, error.message)
        }
    }

    static func badArgument(_ command: String, _ what: String) -> CommandError {
        CommandError(.badarg, "\(command): \(what)")
    }

    static func authenticationRequired(_ command: String) -> CommandError {
        CommandError(.noauth, "\(command) needs a signed-in user: AUTH <user> <token> first")
    }
}
