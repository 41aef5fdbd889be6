import ArgumentParser
import Foundation
import NIOCore
import QuorumProtocol
import QuorumWire

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
            Backup.self, Audit.self,
            Forward.self, Clearance.self, NoticeCommand.self,
            AttendanceCommand.self, InterestCommand.self, MinutesCommand.self, ResolutionCommand.self, DecisionCommand.self,
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

    /// Runs a command whose reply is a JSON document of type `D`. For `--json` it prints the
    /// server's JSON, re-indented, and returns nil; otherwise it returns the decoded document.
    func callDocument<D: Decodable>(_ words: [String], as type: D.Type) async throws -> D? {
        let reply = try await call(words)
        guard case .bulkString(let buffer) = reply else {
            throw ClientError(message: "expected a JSON document, got \(reply)")
        }
        let data = Data(buffer.readableBytesView)
        if json {
            print(try prettyJSON(data))
            return nil
        }
        do {
            return try WireCoding.decode(type, from: data)
        } catch let error as DecodingError {
            throw ClientError(message: "the reply to \(words.prefix(2).joined(separator: " ")) is not a \(D.self): \(describe(error))")
        }
    }
}

/// The server's JSON re-indented for people and scripts: sorted keys, slashes as they are.
func prettyJSON(_ data: Data) throws -> String {
    let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    let pretty = try JSONSerialization.data(
        withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    return String(decoding: pretty, as: UTF8.self)
}

/// Where a reply failed to decode, as a JSON path, and why.
func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return keys.isEmpty ? "at the top" : "at \(keys)"
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context)): no key '\(key.stringValue)'"
    case .typeMismatch(let type, let context): return "\(path(context)): expected \(type) (\(context.debugDescription))"
    case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
    case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
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

extension Bool {
    /// A boolean as a word.
    var word: String { self ? "yes" : "no" }
}

/// A number as the server's JSON writes it: whole numbers without a fraction (`80`, not `80.0`).
func numberText(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// A list for a person: comma-separated, or "-" when empty.
func listText(_ values: [String]) -> String {
    values.isEmpty ? "-" : values.joined(separator: ", ")
}
