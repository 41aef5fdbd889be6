import NIOCore
import QuorumApplication
import QuorumDomain
import QuorumProtocol

/// One command of the protocol: its name, arguments, who may run it, and its handler.
struct CommandSpec: Sendable {
    /// Upper-case, one or two words: `PING`, `MEETING ADD`.
    let name: String
    /// The usage after the name, for HELP and arity errors: `<board> <YYYY-MM-DD> [HH:MM] [venue]`.
    let usage: String
    let summary: String
    /// The core operation it maps to, whose declared access HELP shows; nil for the protocol's
    /// own commands (PING, HELLO), which anyone may send.
    let operation: Operation?
    /// How many arguments may follow the name.
    let arity: ClosedRange<Int>
    /// How large one argument may be: short for codes and ids, text for free text, document for
    /// the commands that carry a file (``ArgumentSize``); the grammar refuses more with TOOBIG.
    var argumentSize: ArgumentSize = .short
    let handler: @Sendable (ServerContext, CommandInvocation) async throws -> CommandOutcome

    /// Who may run it, from the operation's declaration.
    var access: String { operation?.accessDescription ?? "anyone" }

    var helpLine: String {
        let head = usage.isEmpty ? name : "\(name) \(usage)"
        return "\(head) : \(summary) (\(access))"
    }

    /// What the grammar needs of it.
    var shape: CommandShape { CommandShape(name: name, usage: usage, arity: arity, argumentSize: argumentSize) }
}

/// A request matched to its command, its arguments decoded as UTF-8.
struct CommandInvocation: Sendable {
    let name: String
    let arguments: [String]
    let session: Session

    /// The acting user: nil for the public.
    var user: User? { session.user }

    /// The outcome that replies `value` and keeps the session.
    func reply(_ value: RESPValue) -> CommandOutcome {
        CommandOutcome(reply: value, session: session)
    }

    func argument(_ index: Int) -> String? {
        arguments.indices.contains(index) ? arguments[index] : nil
    }

    /// The `key=value` options from position `start` on; keys are case-insensitive.
    /// - Throws: BADARG for an unknown key, a repeated key, or an argument without `=`
    ///   (``CommandGrammar/options(_:command:allowed:)``).
    func options(from start: Int, allowed: [String]) throws(CommandError) -> [String: String] {
        do {
            return try CommandGrammar.options(arguments.dropFirst(start), command: name, allowed: allowed)
        } catch {
            throw CommandError(error)
        }
    }

    /// Parses a `YYYY-MM-DD` option value, or BADARG naming the option.
    func date(option key: String, in options: [String: String]) throws(CommandError) -> LocalDate? {
        guard let text = options[key] else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw .badArgument(name, "\(key) '\(text)' is not a date of the form YYYY-MM-DD")
        }
        return date
    }

    /// Parses a `YYYY-MM-DD` argument, or BADARG naming it.
    func date(_ index: Int, _ what: String) throws(CommandError) -> LocalDate? {
        guard let text = argument(index) else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw .badArgument(name, "\(what) '\(text)' is not a date of the form YYYY-MM-DD")
        }
        return date
    }
}

/// What a command produced: the reply, the session after it, whether to close.
struct CommandOutcome: Sendable {
    var reply: RESPValue
    var session: Session
    var closesConnection = false
}

/// What a run of immediate answers did that the daemon's metrics count once per batch, not
/// once per request.
struct ImmediateTally {
    var pings = 0
    /// The run of kept replies answered last: their command and how many. Pipelined requests
    /// are nearly always runs of one command, so a run is counted once, not each reply.
    var keptRun: (name: String, count: Int)?
}

/// The command table and the dispatcher: a request in, an outcome out; never throws.
public struct CommandDispatcher: Sendable {
    let context: ServerContext
    let commands: [String: CommandSpec]
    /// The request to a command name and its arguments.
    let grammar: CommandGrammar
    /// First words that take a subcommand (`BOARD`, `MEETING`, …).
    var groups: Set<String> { grammar.groups }

    public init(context: ServerContext) {
        self.init(context: context, specs: CommandDispatcher.allCommands)
    }

    init(context: ServerContext, specs: [CommandSpec]) {
        self.context = context
        self.commands = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0) })
        self.grammar = CommandGrammar(specs.map(\.shape))
    }

    static var allCommands: [CommandSpec] {
        ServerCommands.specs + BoardCommands.specs + MeetingCommands.specs + CycleCommands.specs + UserCommands.specs
            + ImportCommands.specs + ActionCommands.specs + MeasureCommands.specs + ReminderCommands.specs
            + PackCommands.specs + NotifyCommands.specs
            + IntrospectionCommands.specs + AuditCommands.specs
            + BackupCommands.specs + ForwardPlanCommands.specs + ClearanceCommands.specs + MinutesCommands.specs + DecisionCommands.specs
    }

    /// Every command's name as HELP writes it: the names `onCommand` is told of, besides `unknown`.
    public static var commandNames: [String] { allCommands.map(\.name) }

    /// What a connection whose sign-in has ended may still send without being told so first.
    static let commandsThatSignIn: Set<String> = ["AUTH", "HELLO", "QUIT"]

    /// Commands in name order, for HELP.
    var sortedSpecs: [CommandSpec] { commands.values.sorted { $0.name < $1.name } }

    /// Runs one request. Errors a client should see become their reply; anything else becomes
    /// `-INTERNAL` and a log line, and the connection carries on.
    public func dispatch(_ request: RESPRequest, session: Session) async -> (reply: RESPValue, session: Session, close: Bool) {
        let outcome: CommandOutcome
        var session = session
        let started = ContinuousClock.now
        var name = "unknown"
        do {
            let (spec, arguments) = try resolve(request)
            name = spec.name
            let invocation = try admit(spec, arguments, session: &session)
            outcome = try await run(spec, invocation)
        } catch let error as CommandError {
            outcome = CommandOutcome(reply: error.reply, session: session)
        } catch let error as ApplicationError {
            outcome = CommandOutcome(reply: CommandError(error, command: commandName(of: request)).reply, session: session)
        } catch {
            context.logger.error("command failed", metadata: ["error": "\(String(reflecting: error))"])
            outcome = CommandOutcome(
                reply: CommandError(.internal, "the server could not complete the command; see its log").reply,
                session: session)
        }
        record(name, since: started, outcome)
        return (outcome.reply, outcome.session, outcome.closesConnection)
    }

    /// Answers a request that needs no I/O at once, on the caller's thread: `PING`, and a read
    /// whose reply is kept (``ReplyCache``). The connection handler calls it on the event loop
    /// before handing a batch to a task, so these cost no hop to Swift concurrency and back.
    /// - Returns: nil when the request must go through ``dispatch(_:session:)`` (which also
    ///   gives every error its reply).
    func dispatchImmediately(
        _ request: RESPRequest, session: Session, tally: inout ImmediateTally
    ) -> (reply: RESPValue, session: Session, close: Bool)? {
        // A bare PING, the commonest request there is, is known by its bytes: no name made,
        // no table looked up, no clock read. A connection whose sign-in has ended goes the
        // long way, to be told so.
        if Self.isBarePing(request), session.signIn.map(context.application.users.isCurrent) ?? true {
            tally.pings += 1
            return (Self.pong, session, false)
        }
        let started = ContinuousClock.now
        var session = session
        guard let (spec, arguments) = try? resolve(request), let invocation = try? admit(spec, arguments, session: &session)
        else { return nil }
        if let answer = Self.immediateAnswers[spec.name] {
            let outcome = answer(invocation)
            record(spec.name, since: started, outcome)
            return (outcome.reply, outcome.session, outcome.closesConnection)
        }
        guard let lookup = keptReplyLookup(spec, invocation),
            let kept = context.replies.reply(for: lookup.key, version: lookup.version, date: lookup.date)
        else { return nil }
        // A kept reply is counted, not timed, as a bare PING is: it is a copy from memory, and
        // timing it took as long as the lookup.
        if let run = tally.keptRun, run.name == spec.name {
            tally.keptRun = (run.name, run.count + 1)
        } else {
            report(keptRunOf: tally)
            tally.keptRun = (spec.name, 1)
        }
        return (kept, invocation.session, false)
    }

    /// Tells the daemon's metrics of what a batch answered without timing it: the bare PINGs,
    /// each quicker than reading the clock twice would be, and the last run of kept replies.
    func report(_ tally: ImmediateTally) {
        if tally.pings > 0 { context.onUntimed?("PING", tally.pings) }
        report(keptRunOf: tally)
    }

    private func report(keptRunOf tally: ImmediateTally) {
        if let run = tally.keptRun { context.onUntimed?(run.name, run.count) }
    }

    static let pong = RESPValue.simpleString("PONG")
    /// ``pong`` as it goes on the wire, in RESP2 and RESP3 alike.
    static let encodedPong: ByteBuffer = {
        var buffer = ByteBuffer()
        buffer.writeRESPValue(pong)
        return buffer
    }()

    /// The reply, as bytes, to each bare PING (``RESPRequestDecoder/takeBarePings(from:atMost:)``) that
    /// `session` sends before its next other request; nil when they must go the long way,
    /// through ``dispatchImmediately(_:session:tally:)``, because its sign-in has ended (the
    /// long way tells the client so). Count those answered in `tally.pings`.
    func barePingReply(for session: Session) -> ByteBuffer? {
        session.signIn.map(context.application.users.isCurrent) ?? true ? Self.encodedPong : nil
    }

    /// Whether `request` is `PING` alone, in any case.
    static func isBarePing(_ request: RESPRequest) -> Bool {
        guard request.arguments.count == 1 else { return false }
        return request.arguments[0].withUnsafeReadableBytes { name in
            // ASCII letters only: setting bit 5 lower-cases them and maps nothing else onto them.
            name.count == 4 && name[0] | 0x20 == UInt8(ascii: "p") && name[1] | 0x20 == UInt8(ascii: "i")
                && name[2] | 0x20 == UInt8(ascii: "n") && name[3] | 0x20 == UInt8(ascii: "g")
        }
    }

    /// Commands answered from the request alone.
    static let immediateAnswers: [String: @Sendable (CommandInvocation) -> CommandOutcome] = ["PING": ServerCommands.ping]

    /// The invocation of `spec`, once the connection's sign-in still holds and the declared
    /// access admits its user.
    private func admit(_ spec: CommandSpec, _ arguments: [String], session: inout Session) throws -> CommandInvocation {
        if let signIn = session.signIn, !context.application.users.isCurrent(signIn) {
            // Revoked or replaced since this connection signed in: it is the public's now.
            session.signIn = nil
            if !Self.commandsThatSignIn.contains(spec.name) {
                throw CommandError(
                    .noauth, "\(spec.name): the token this connection signed in with was revoked or replaced; AUTH again")
            }
        }
        if let operation = spec.operation {
            try Authorizer.precheck(operation, session.user)
        }
        return CommandInvocation(name: spec.name, arguments: arguments, session: session)
    }

    private func record(_ name: String, since started: ContinuousClock.Instant, _ outcome: CommandOutcome) {
        guard let onCommand = context.onCommand else { return }
        var failed = false
        if case .error = outcome.reply { failed = true }
        onCommand(name, ContinuousClock.now - started, failed)
    }

    /// Where a cacheable read's reply is kept, and the data version and date it must match; nil
    /// for any other command.
    private func keptReplyLookup(_ spec: CommandSpec, _ invocation: CommandInvocation) -> (key: ReplyCache.Key, version: UInt64, date: LocalDate)? {
        guard spec.operation?.cacheable == true else { return nil }
        // The version is read before the handler reads the store: a write racing the read can
        // only make the kept reply look older than it is.
        return (
            ReplyCache.Key(command: spec.name, arguments: invocation.arguments, user: invocation.user),
            context.application.dataVersion, context.application.clock.today
        )
    }

    /// Runs the command's handler, or gives the kept reply of a cacheable read made at the same
    /// data version and date for the same user (``ReplyCache``).
    private func run(_ spec: CommandSpec, _ invocation: CommandInvocation) async throws -> CommandOutcome {
        guard let lookup = keptReplyLookup(spec, invocation) else { return try await spec.handler(context, invocation) }
        if let kept = context.replies.reply(for: lookup.key, version: lookup.version, date: lookup.date) {
            return invocation.reply(kept)
        }
        let outcome = try await spec.handler(context, invocation)
        if case .error = outcome.reply {} else if !outcome.closesConnection, outcome.session == invocation.session {
            context.replies.keep(outcome.reply, for: lookup.key, version: lookup.version, date: lookup.date)
        }
        return outcome
    }

    /// The command's name as HELP writes it, for error messages.
    private func commandName(of request: RESPRequest) -> String {
        let words = request.arguments.prefix(2).map { String(decoding: $0.readableBytesView, as: UTF8.self).uppercased() }
        guard let first = words.first else { return "" }
        return groups.contains(first) && words.count == 2 ? "\(first) \(words[1])" : first
    }

    /// The command the request names and its arguments (``CommandGrammar/resolve(_:)``).
    private func resolve(_ request: RESPRequest) throws(CommandError) -> (CommandSpec, [String]) {
        let resolved: ResolvedCommand
        do {
            resolved = try grammar.resolve(request)
        } catch {
            throw CommandError(error)
        }
        guard let spec = commands[resolved.name] else {
            throw CommandError(.internal, "the command table has no '\(resolved.name)'")
        }
        return (spec, resolved.arguments)
    }
}
