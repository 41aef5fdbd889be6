import QuorumApplication
import QuorumDomain
import QuorumProtocol

/// The command table as Redis 7 clients see it through `COMMAND`: one-word commands, and
/// containers (`board`) whose subcommands (`board|list`) are the two-word commands, the way
/// Redis shows `config|get`. Built from the same specs the dispatcher runs and HELP lists, so
/// the three cannot disagree.
struct CommandCatalog: Sendable {
    /// A top-level name: a command, a container of subcommands, or both (`COMMAND` runs alone
    /// and has `COMMAND DOCS`).
    struct Entry: Sendable {
        /// Lower case, as Redis names commands: `ping`, `board`.
        let name: String
        let command: CommandSpec?
        /// In name order.
        let subcommands: [CommandSpec]
    }

    /// In name order.
    let entries: [Entry]

    /// The catalog of the commands the server runs.
    static let server = CommandCatalog(CommandDispatcher.allCommands)

    init(_ specs: [CommandSpec]) {
        var commands: [String: CommandSpec] = [:]
        var subcommands: [String: [CommandSpec]] = [:]
        for spec in specs {
            let words = spec.name.split(separator: " ")
            let first = words[0].lowercased()
            if words.count == 1 {
                commands[first] = spec
            } else {
                subcommands[first, default: []].append(spec)
            }
        }
        let names = Set(commands.keys).union(subcommands.keys).sorted()
        entries = names.map { name in
            Entry(name: name, command: commands[name], subcommands: (subcommands[name] ?? []).sorted { $0.name < $1.name })
        }
    }

    /// Redis's full name of a command: `ping`, `board|list`.
    static func fullName(_ spec: CommandSpec) -> String {
        spec.name.lowercased().split(separator: " ").joined(separator: "|")
    }

    /// What a name given to `COMMAND INFO` or `COMMAND DOCS` names.
    enum Found {
        case entry(Entry)
        case subcommand(CommandSpec)
    }

    /// The entry or subcommand `name` names: `board`, `board|list` (any case; `board list`
    /// too, as a person would type it).
    func find(_ name: String) -> Found? {
        let words = name.lowercased().split(whereSeparator: { $0 == "|" || $0 == " " })
        guard let first = words.first, words.count <= 2, let entry = entries.first(where: { $0.name == first }) else {
            return nil
        }
        guard words.count == 2 else { return .entry(entry) }
        return entry.subcommands.first { Self.fullName($0) == "\(first)|\(words[1])" }.map(Found.subcommand)
    }

    /// Every command's full name, each container followed by its subcommands (`COMMAND LIST`).
    var fullNames: [String] {
        entries.flatMap { [$0.name] + $0.subcommands.map(Self.fullName) }
    }

    // MARK: What the specs say, in Redis's words

    /// The Quorum version that first had the command. Commands not named here came after 0.1.0.
    static let history: [String: String] = Dictionary(
        uniqueKeysWithValues: [
            "AUTH", "BOARD GET", "BOARD LIST", "CLIENT", "COMMAND", "CYCLE LIST", "HELP", "INFO", "MEETING ADD", "MEETING GET",
            "MEETING LIST", "PING", "QUIT", "USER ADD", "WHOAMI",
        ].map { ($0, "0.1.0") })

    static func since(_ spec: CommandSpec) -> String {
        history[spec.name] ?? history[String(spec.name.split(separator: " ")[0])] ?? "0.2.0"
    }

    /// Redis's doc group: the operation's area (`meeting` for `meeting.add`), or `connection`
    /// for the protocol's own commands.
    static func group(_ spec: CommandSpec) -> String {
        guard let operation = spec.operation else { return "connection" }
        return String(operation.name.split(separator: ".")[0])
    }

    /// Redis's arity: the words of a request including the command's own, negative when that is
    /// a minimum.
    static func arity(_ spec: CommandSpec) -> Int {
        let least = spec.name.split(separator: " ").count + spec.arity.lowerBound
        return spec.arity.lowerBound == spec.arity.upperBound ? least : -least
    }

    /// Redis's command flags, from the operation's declaration.
    static func flags(_ spec: CommandSpec) -> [String] {
        guard let operation = spec.operation else { return ["no_auth"] }
        var flags = [operation.writes ? "write" : "readonly"]
        if operation.access == .role(.admin) { flags.append("admin") }
        if operation.access.admitsThePublic { flags.append("no_auth") }
        return flags
    }

    /// ACL-style categories: reads or writes, admin-only, and the doc group.
    static func categories(_ spec: CommandSpec) -> [String] {
        guard let operation = spec.operation else { return ["@connection"] }
        var categories = [operation.writes ? "@write" : "@read"]
        if operation.access == .role(.admin) { categories.append("@admin") }
        categories.append("@\(group(spec))")
        return categories
    }

    /// The arguments, read from the usage HELP shows.
    static func arguments(_ spec: CommandSpec) -> [CommandArgument] {
        // A usage the grammar cannot read is caught by a test; a client still gets it whole.
        (try? CommandUsage.parse(spec.usage)) ?? [.value(spec.usage)]
    }

    /// The summary with who may run it, as HELP's line ends.
    static func summary(_ spec: CommandSpec) -> String {
        "\(spec.summary) (\(spec.access))"
    }
}
