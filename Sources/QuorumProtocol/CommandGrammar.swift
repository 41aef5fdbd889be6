/// The command grammar: a decoded request to a command name and its arguments as text, before
/// any command runs. Pure and I/O-free, so that the fuzz target runs it on every request it
/// decodes; the server's dispatcher looks its command up by the name this gives.
///
/// ```swift
/// let grammar = CommandGrammar([
///     CommandShape(name: "PING", usage: "[message]", arity: 0...1, argumentSize: .document),
///     CommandShape(name: "BOARD GET", usage: "<code>", arity: 1...1),
/// ])
/// let command = try grammar.resolve(RESPRequest("board", "get", "OSC"))
/// command.name        // "BOARD GET"
/// command.arguments   // ["OSC"]
/// ```
public struct CommandGrammar: Sendable {
    /// The commands by name, upper-case, one or two words.
    public let shapes: [String: CommandShape]
    /// First words that take a subcommand (`BOARD`, `MEETING`, …).
    public let groups: Set<String>
    /// The two-word commands by their first word, then their second: a request is matched
    /// without making the name it would be looked up by.
    private let subcommands: [String: [String: CommandShape]]

    public init(_ shapes: [CommandShape]) {
        self.shapes = Dictionary(uniqueKeysWithValues: shapes.map { ($0.name, $0) })
        var subcommands: [String: [String: CommandShape]] = [:]
        for shape in shapes {
            let words = shape.name.split(separator: " ")
            if words.count == 2 { subcommands[String(words[0]), default: [:]][String(words[1])] = shape }
        }
        self.subcommands = subcommands
        self.groups = Set(subcommands.keys)
    }

    /// The request's words as text.
    /// - Throws: `BADARG argument N is not valid UTF-8`, N counting the command name as 1.
    public static func words(of request: RESPRequest) throws(CommandGrammarError) -> [String] {
        var words: [String] = []
        words.reserveCapacity(request.arguments.count)
        for (position, buffer) in request.arguments.enumerated() {
            guard let word = buffer.readableText() else {
                throw CommandGrammarError(.badarg, "argument \(position + 1) is not valid UTF-8")
            }
            words.append(word)
        }
        return words
    }

    /// The command a request names and its arguments, once the arity and each argument's size
    /// are within the command's.
    /// - Throws: BADARG for text that is not UTF-8; ERR for an empty, unknown or incomplete
    ///   command name and a wrong number of arguments; TOOBIG for an argument larger than the
    ///   command takes (``CommandShape/argumentSize``).
    public func resolve(_ request: RESPRequest) throws(CommandGrammarError) -> ResolvedCommand {
        let words = try Self.words(of: request)
        guard let first = words.first?.uppercased() else {
            throw CommandGrammarError(.err, "empty command")
        }
        let shape: CommandShape
        let nameWords: Int
        // COMMAND runs alone and has subcommands too.
        if let group = subcommands[first], words.count >= 2 || shapes[first] == nil {
            guard words.count >= 2 else {
                throw CommandGrammarError(.err, "wrong number of arguments for '\(first)': it needs a subcommand; try HELP \(first)")
            }
            guard let found = group[words[1].uppercased()] else {
                throw CommandGrammarError(.err, "unknown subcommand '\(words[1])' for '\(first)'; try HELP \(first)")
            }
            shape = found
            nameWords = 2
        } else {
            guard let found = shapes[first] else {
                throw CommandGrammarError(.err, "unknown command '\(words[0])'; try HELP")
            }
            shape = found
            nameWords = 1
        }
        let arguments = Array(words.dropFirst(nameWords))
        guard shape.arity.contains(arguments.count) else {
            throw CommandGrammarError(.err, "wrong number of arguments for '\(shape.name)' (usage: \(shape.name) \(shape.usage))")
        }
        if let maximum = shape.argumentSize.maxBytes {
            for (index, buffer) in request.arguments.enumerated().dropFirst(nameWords) where buffer.readableBytes > maximum {
                throw CommandGrammarError(
                    .toobig, "\(shape.name): argument \(index + 1) is \(buffer.readableBytes) bytes; at most \(maximum)")
            }
        }
        return ResolvedCommand(name: shape.name, arguments: arguments)
    }

    /// The `key=value` options among `arguments`; keys are case-insensitive.
    /// - Throws: BADARG naming `command` for an unknown key, a repeated key, or an argument
    ///   without `=`.
    public static func options(
        _ arguments: some Sequence<String>, command: String, allowed: [String]
    ) throws(CommandGrammarError) -> [String: String] {
        var options: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw CommandGrammarError(
                    .badarg, "\(command): expected key=value (\(allowed.map { "\($0)=…" }.joined(separator: " "))), got '\(argument)'")
            }
            let key = argument[..<equals].lowercased()
            guard allowed.contains(key) else {
                throw CommandGrammarError(.badarg, "\(command): unknown option '\(key)'; options are \(allowed.joined(separator: ", "))")
            }
            guard options[key] == nil else { throw CommandGrammarError(.badarg, "\(command): option '\(key)' given twice") }
            options[key] = String(argument[argument.index(after: equals)...])
        }
        return options
    }
}

/// What the grammar needs of one command: its name, usage (for the arity error), how many
/// arguments it takes and how large each may be.
public struct CommandShape: Sendable, Hashable {
    /// Upper-case, one or two words: `PING`, `MEETING ADD`.
    public let name: String
    /// The usage after the name: `<board> <YYYY-MM-DD> [HH:MM] [venue]`.
    public let usage: String
    /// How many arguments may follow the name.
    public let arity: ClosedRange<Int>
    /// How large one argument may be.
    public let argumentSize: ArgumentSize

    public init(name: String, usage: String, arity: ClosedRange<Int>, argumentSize: ArgumentSize = .short) {
        self.name = name
        self.usage = usage
        self.arity = arity
        self.argumentSize = argumentSize
    }
}

/// How large one argument of a command may be: the per-command bound under the decoder's
/// global ones (`max_bulk_bytes`, `max_request_bytes`). An argument over it gets
/// `-TOOBIG <COMMAND>: argument N is X bytes; at most Y` and the connection carries on.
public enum ArgumentSize: Sendable, Hashable, CaseIterable {
    /// Codes, ids, dates, emails, tokens, option words: 1 KiB.
    case short
    /// A line or a paragraph of free text (a title, a venue, a reason, a path): 64 KiB.
    case text
    /// A document (a CSV file, a report in Markdown, minutes): only the decoder's limits.
    case document

    /// The largest argument in bytes; nil when only the decoder's limits apply.
    public var maxBytes: Int? {
        switch self {
        case .short: 1024
        case .text: 64 * 1024
        case .document: nil
        }
    }
}

/// A request matched to a command: its name as the command table spells it, and the words
/// after the name.
public struct ResolvedCommand: Sendable, Hashable {
    public let name: String
    public let arguments: [String]
}

/// A request the grammar refuses, as the reply `-CODE message`; the connection carries on.
public struct CommandGrammarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reply codes the grammar gives (docs/protocol.md).
    public enum Code: String, Sendable, Hashable {
        case err = "ERR"
        case badarg = "BADARG"
        case toobig = "TOOBIG"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue) \(message)" }
}
