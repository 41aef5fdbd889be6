import Foundation
import QuorumApplication
import QuorumDomain
import QuorumProtocol

/// PING, INFO, AUTH, WHOAMI, HELP, QUIT, and the answers Redis clients expect on connect.
enum ServerCommands {
    /// PING's answer, which needs nothing but the request (``CommandDispatcher/immediateAnswers``).
    @Sendable static func ping(_ invocation: CommandInvocation) -> CommandOutcome {
        CommandOutcome(reply: invocation.argument(0).map { .bulk($0) } ?? .simpleString("PONG"), session: invocation.session)
    }

    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "PING", usage: "[message]", summary: "check the connection", operation: nil, arity: 0...1, argumentSize: .document
        ) { _, invocation in ping(invocation) },
        CommandSpec(
            name: "INFO", usage: "[section]", summary: "server facts as key:value lines", operation: nil,
            arity: 0...1
        ) { context, invocation in
            let application = context.application
            let counts = try await application.governance.counts()
            let (sweeps, pending) = try await application.notifications.statistics()
            let uptime = Int(application.clock.now().timeIntervalSince(context.startedAt))
            let lines = [
                "# Server",
                "quorum_version:\(context.version)",
                "uptime_in_seconds:\(uptime)",
                "timezone:Europe/London",
                "today:\(application.clock.today)",
                "",
                "# Clients",
                "connected_clients:\(context.connections.count)",
                "max_clients:\(context.connections.maxConnections)",
                "",
                "# Data",
                "boards:\(counts.boards)",
                "meetings:\(counts.meetings)",
                "users:\(counts.users)",
                "calendar_horizon:\(application.governance.horizon)",
                "",
                "# Reminders",
                "sweeps_daily:\(sweeps["daily"] ?? 0)",
                "sweeps_catch_up:\(sweeps["catch-up"] ?? 0)",
                "sweeps_manual:\(sweeps["manual"] ?? 0)",
                "outbox_pending:\(pending)",
            ]
            return CommandOutcome(reply: .bulk(lines.joined(separator: "\r\n") + "\r\n"), session: invocation.session)
        },
        CommandSpec(
            name: "AUTH", usage: "<user> <token>", summary: "sign in (user: the email given to USER ADD, or admin)",
            operation: nil, arity: 2...2
        ) { context, invocation in
            var session = invocation.session
            session.signIn = try await context.application.users.signIn(name: invocation.arguments[0], token: invocation.arguments[1])
            return CommandOutcome(reply: .ok, session: session)
        },
        .document(
            "WHOAMI", usage: "", summary: "who this connection is signed in as", .whoAmI, arity: 0...0
        ) { context, invocation in
            try await context.application.users.whoAmI(invocation.user)
        },
        CommandSpec(
            name: "HELP", usage: "[command]", summary: "list commands, or one command's usage", operation: nil,
            arity: 0...2
        ) { _, invocation in
            let specs = CommandDispatcher.allCommands.sorted { $0.name < $1.name }
            let wanted = invocation.arguments.joined(separator: " ").uppercased()
            let matching = wanted.isEmpty ? specs : specs.filter { $0.name == wanted || $0.name.hasPrefix(wanted + " ") }
            guard !matching.isEmpty else {
                throw CommandError(.notfound, "HELP: no command '\(invocation.arguments.joined(separator: " "))'")
            }
            return CommandOutcome(reply: .array(matching.map { .bulk($0.helpLine) }), session: invocation.session)
        },
        CommandSpec(
            name: "QUIT", usage: "", summary: "close the connection", operation: nil, arity: 0...0
        ) { _, invocation in
            CommandOutcome(reply: .ok, session: invocation.session, closesConnection: true)
        },
        // redis-py 8 opens with HELLO 3 (with AUTH when given credentials); redis-cli -3 too.
        CommandSpec(
            name: "HELLO", usage: "[2|3 [AUTH <user> <token>] [SETNAME <name>]]",
            summary: "for Redis clients: choose RESP2 or RESP3 and sign in", operation: nil, arity: 0...6, argumentSize: .text
        ) { context, invocation in
            var session = invocation.session
            var arguments = invocation.arguments[...]
            if let version = arguments.popFirst() {
                guard let number = Int(version), let chosen = RESPProtocolVersion(rawValue: number) else {
                    throw CommandError(.noproto, "unsupported protocol version '\(version)': Quorum speaks 2 and 3")
                }
                session.protocolVersion = chosen
            }
            while let option = arguments.popFirst() {
                switch option.uppercased() {
                case "AUTH":
                    guard let name = arguments.popFirst(), let token = arguments.popFirst() else {
                        throw CommandError(.err, "HELLO: AUTH needs <user> <token>")
                    }
                    session.signIn = try await context.application.users.signIn(name: name, token: token)
                case "SETNAME":
                    guard let name = arguments.popFirst() else { throw CommandError(.err, "HELLO: SETNAME needs a name") }
                    session.clientName = name
                default:
                    throw CommandError(.err, "HELLO: unknown option '\(option)'")
                }
            }
            let reply = RESPValue.map([
                .init(.bulk("server"), .bulk("quorum")),
                .init(.bulk("version"), .bulk(context.version)),
                .init(.bulk("proto"), .integer(Int64(session.protocolVersion.rawValue))),
                .init(.bulk("id"), .integer(Int64(session.connectionID))),
                .init(.bulk("mode"), .bulk("standalone")),
                .init(.bulk("role"), .bulk("master")),
                .init(.bulk("modules"), .array([])),
            ])
            return CommandOutcome(reply: reply, session: session)
        },
        // redis-py sends CLIENT SETINFO on connect; a name is kept for the session.
        CommandSpec(
            name: "CLIENT SETINFO", usage: "<attribute> <value>", summary: "for Redis clients: the library's name or version (kept nowhere)",
            operation: nil, arity: 2...2, argumentSize: .text
        ) { _, invocation in
            invocation.reply(.ok)
        },
        CommandSpec(
            name: "CLIENT SETNAME", usage: "<name>", summary: "for Redis clients: name this connection", operation: nil, arity: 1...1, argumentSize: .text
        ) { _, invocation in
            var session = invocation.session
            session.clientName = invocation.arguments[0]
            return CommandOutcome(reply: .ok, session: session)
        },
        CommandSpec(
            name: "CLIENT GETNAME", usage: "", summary: "for Redis clients: this connection's name", operation: nil, arity: 0...0
        ) { _, invocation in
            invocation.reply(invocation.session.clientName.map { .bulk($0) } ?? .null)
        },
    ]
}
