/// The grammar of a command's usage as HELP shows it, read into ``CommandArgument``s for
/// `COMMAND DOCS`, and written back.
///
/// - `<board>` or a bare word (`venue`, `YYYY-MM-DD`): a value the caller chooses
/// - `key=…` (`lead=<email>`, `asof=YYYY-MM-DD`): an option, one word on the wire
/// - `html|pdf` (no spaces): one of these words
/// - an upper-case word (`AUTH`): that word itself
/// - `[ … ]`: optional; `…` after an argument: it may be repeated
/// - ` | ` between groups of words: one of the groups, each starting with its keyword
///   (`email <address> | webhook <url>`)
///
/// Reading then writing a usage gives it back unchanged; a test holds every command to that, so
/// a usage this grammar cannot describe is found when it is added, not by a client.
enum CommandUsage {
    /// A usage the grammar cannot read: what is wrong, in which usage.
    struct SyntaxError: Error, Hashable, CustomStringConvertible {
        let usage: String
        let problem: String
        var description: String { "usage '\(usage)': \(problem)" }
    }

    private enum Token: Hashable {
        case open, close, bar, ellipsis
        case word(String)
    }

    /// The arguments that `usage` describes.
    static func parse(_ usage: String) throws(SyntaxError) -> [CommandArgument] {
        var tokens = try tokenize(usage)[...]
        let arguments = try sequence(&tokens, closed: false, usage: usage)
        return arguments
    }

    /// The usage that `arguments` describe, as HELP writes it.
    static func render(_ arguments: [CommandArgument]) -> String {
        arguments.map(render).joined(separator: " ")
    }

    private static func render(_ argument: CommandArgument) -> String {
        var text: String
        switch argument.kind {
        case .string, .pureToken:
            text = argument.displayText ?? argument.name
        case .oneof:
            let compact = argument.arguments.allSatisfy { $0.kind == .pureToken && !$0.isOptional && !$0.isMultiple }
            text = argument.arguments.map(render).joined(separator: compact ? "|" : " | ")
        case .block:
            text = render(argument.arguments)
        }
        if argument.isMultiple { text += " …" }
        return argument.isOptional ? "[\(text)]" : text
    }

    private static func tokenize(_ usage: String) throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var inAngles = false
        func flush() {
            guard !word.isEmpty else { return }
            switch word {
            case "|": tokens.append(.bar)
            case "…", "...": tokens.append(.ellipsis)
            default: tokens.append(.word(word))
            }
            word = ""
        }
        for character in usage {
            if inAngles {
                word.append(character)
                if character == ">" { inAngles = false }
                continue
            }
            switch character {
            case "[":
                flush()
                tokens.append(.open)
            case "]":
                flush()
                tokens.append(.close)
            case " ":
                flush()
            case "<":
                inAngles = true
                word.append(character)
            default:
                word.append(character)
            }
        }
        guard !inAngles else { throw SyntaxError(usage: usage, problem: "a '<' is not closed") }
        flush()
        return tokens
    }

    private static func sequence(_ tokens: inout ArraySlice<Token>, closed: Bool, usage: String) throws(SyntaxError)
        -> [CommandArgument]
    {
        var alternatives: [[CommandArgument]] = [[]]
        var wasClosed = false
        loop: while let token = tokens.popFirst() {
            switch token {
            case .open:
                let inner = try sequence(&tokens, closed: true, usage: usage)
                guard !inner.isEmpty else { throw SyntaxError(usage: usage, problem: "'[]' holds nothing") }
                var argument =
                    inner.count == 1 ? inner[0] : CommandArgument(name: blockName(inner), kind: .block, arguments: inner)
                argument.isOptional = true
                alternatives[alternatives.count - 1].append(argument)
            case .close:
                guard closed else { throw SyntaxError(usage: usage, problem: "a ']' has no '['") }
                wasClosed = true
                break loop
            case .bar:
                alternatives.append([])
            case .ellipsis:
                guard !alternatives[alternatives.count - 1].isEmpty else {
                    throw SyntaxError(usage: usage, problem: "'…' follows no argument")
                }
                alternatives[alternatives.count - 1][alternatives[alternatives.count - 1].count - 1].isMultiple = true
            case .word(let word):
                alternatives[alternatives.count - 1].append(try classify(word, usage: usage))
            }
        }
        if closed && !wasClosed { throw SyntaxError(usage: usage, problem: "a '[' is not closed") }
        guard alternatives.count > 1 else { return alternatives[0] }
        // Spaced alternatives: each group is one choice, and its first bare word is its keyword.
        var choices: [CommandArgument] = []
        for var group in alternatives {
            guard !group.isEmpty else { throw SyntaxError(usage: usage, problem: "a '|' has nothing on one side") }
            if group[0].kind == .string, let written = group[0].displayText, !written.contains("<"), !written.contains("=") {
                group[0] = .token(written)
            }
            choices.append(group.count == 1 ? group[0] : CommandArgument(name: blockName(group), kind: .block, arguments: group))
        }
        return [CommandArgument(name: choices.map(\.name).joined(separator: "|"), kind: .oneof, arguments: choices)]
    }

    private static func classify(_ word: String, usage: String) throws(SyntaxError) -> CommandArgument {
        if word.hasPrefix("<") || word.contains("=") {
            return .value(word)
        }
        if word.contains("|") {
            let choices = word.split(separator: "|", omittingEmptySubsequences: false)
            guard !choices.contains(where: \.isEmpty) else {
                throw SyntaxError(usage: usage, problem: "'\(word)' has an empty choice")
            }
            return CommandArgument(name: word, kind: .oneof, arguments: choices.map { .token(String($0)) })
        }
        if word.count >= 2, word.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            return .token(word)
        }
        return .value(word)
    }

    /// A group is named after its first argument (`auth` for `[AUTH <user> <token>]`).
    private static func blockName(_ arguments: [CommandArgument]) -> String {
        arguments.first?.name ?? "block"
    }
}
