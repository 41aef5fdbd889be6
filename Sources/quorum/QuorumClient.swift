import ArgumentParser
import Foundation
import NIOCore
import QuorumProtocol

/// `quorum`: the command-line client. Tables for people, `--json` for scripts.
@main
struct QuorumClient: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Talk to a Quorum server.",
        discussion: """
            The server, user and token come from flags or from QUORUM_HOST, QUORUM_PORT, QUORUM_USER, \
            QUORUM_TOKEN and QUORUM_TOKEN_FILE.
            """,
        subcommands: [
            Ping.self, Info.self, WhoAmI.self, Boards.self, BoardCommand.self, Meetings.self, MeetingCommand.self,
            Cycles.self, UserCommand.self, Import.self, Actions.self, ActionCommand.self, Measures.self, MeasureCommand.self,
            ScorecardCommand.self, Remind.self, Outbox.self, Item.self, Report.self, Pack.self, Notify.self, Call.self,
        ])
}

/// Connection and output options every subcommand takes.
struct ClientOptions: ParsableArguments {
    @Option(help: "Server host (QUORUM_HOST).")
    var host: String?

    @Option(help: "Server port (QUORUM_PORT).")
    var port: Int?

    @Option(help: "User to sign in as: an email, or admin (QUORUM_USER).")
    var user: String?

    @Option(help: "Token to sign in with (QUORUM_TOKEN).")
    var token: String?

    @Option(name: .customLong("token-file"), help: "File holding the token, e.g. var/admin.token (QUORUM_TOKEN_FILE).")
    var tokenFile: String?

    @Flag(help: "Print the server's JSON instead of a table.")
    var json = false

    func endpoint() throws -> Endpoint {
        let environment = ProcessInfo.processInfo.environment
        var token = token ?? environment["QUORUM_TOKEN"]
        if token == nil, let path = tokenFile ?? environment["QUORUM_TOKEN_FILE"] {
            guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw ClientError(message: "cannot read the token file \(path)")
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let portText = environment["QUORUM_PORT"]
        guard let port = port ?? (portText.map { Int($0) } ?? 7878) else {
            throw ClientError(message: "QUORUM_PORT '\(portText ?? "")' is not a port number")
        }
        return Endpoint(
            host: host ?? environment["QUORUM_HOST"] ?? "127.0.0.1", port: port,
            user: user ?? environment["QUORUM_USER"] ?? "admin", token: token)
    }

    /// Runs one command and returns its reply, turning a server error into a client error.
    func call(_ words: [String]) async throws -> RESPValue {
        let reply = try await QuorumConnection.with(try endpoint()) { connection in
            try await connection.call(words)
        }
        if case .error(let code, let message) = reply {
            throw ClientError(message: "\(code) \(message)")
        }
        return reply
    }

    /// Runs a command whose reply is a JSON document, printing it for `--json` or handing it on.
    func callJSON(_ words: [String]) async throws -> Any? {
        let reply = try await call(words)
        guard case .bulkString(let buffer) = reply else {
            throw ClientError(message: "expected a JSON document, got \(reply)")
        }
        let data = Data(buffer.readableBytesView)
        let document = try JSONSerialization.jsonObject(with: data)
        if json {
            let pretty = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: pretty, as: UTF8.self))
            return nil
        }
        return document
    }
}

/// Formats any reply for a person.
func render(_ value: RESPValue) -> String {
    switch value {
    case .simpleString(let text): return text
    case .error(let code, let message): return "(error) \(code) \(message)"
    case .integer(let number): return "(integer) \(number)"
    case .bulkString(let buffer): return String(decoding: buffer.readableBytesView, as: UTF8.self)
    case .null: return "(nil)"
    case .array(let values): return values.map(render).joined(separator: "\n")
    case .map(let entries): return entries.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: "\n")
    }
}

extension Dictionary where Key == String, Value == Any {
    func text(_ key: String) -> String {
        switch self[key] {
        case let value as String: return value
        case let value as NSNumber: return value.stringValue
        case let values as [Any]: return values.map { "\($0)" }.joined(separator: ", ")
        default: return "-"
        }
    }

    /// A JSON boolean as a word. (Foundation on Linux bridges numbers to Bool too, so the
    /// caller says which keys are booleans.)
    func flag(_ key: String) -> String {
        (self[key] as? Bool).map { $0 ? "yes" : "no" } ?? "-"
    }

    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
}
