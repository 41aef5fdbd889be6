/// A request argument that cannot be used: missing, or not text where text is needed.
///
/// Unlike a ``RESPProtocolError`` the connection stays in step, so the server answers with
/// ``reply`` and goes on reading.
///
/// ```swift
/// do {
///     let user = try request.string(at: 1)
/// } catch {
///     return error.reply   // -BADARG argument 2 of AUTH is not valid UTF-8
/// }
/// ```
public struct RESPArgumentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the argument. More kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case missing
            case invalidUTF8
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { self.base.rawValue }

        /// The request has no argument at that position.
        public static let missing = Code(.missing)
        /// The argument's bytes are not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
    }

    /// What is wrong.
    public let code: Code
    /// The command the argument belongs to, upper-cased (``RESPRequest/name``).
    public let command: String
    /// The argument's position in ``RESPRequest/arguments``; 0 is the command name.
    public let index: Int

    /// Creates an error about argument `index` of `command`.
    public init(code: Code, command: String, index: Int) {
        self.code = code
        self.command = command
        self.index = index
    }

    /// E.g. `argument 3 of MEETING is not valid UTF-8`.
    ///
    /// Words are counted from 1, the command name being the first, as the server's own
    /// messages count them: ``index`` 2 is "argument 3".
    public var description: String {
        let position = self.index + 1
        switch self.code {
        case .missing: return "argument \(position) of \(self.command) is missing"
        default: return "argument \(position) of \(self.command) is not valid UTF-8"
        }
    }

    /// The reply for the client: `-ERR …` for a missing argument (wrong arity, as Redis says it),
    /// `-BADARG …` for one that is not UTF-8.
    public var reply: RESPValue {
        .error(code: self.code == .missing ? "ERR" : "BADARG", message: self.description)
    }
}
