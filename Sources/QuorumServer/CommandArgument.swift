/// One argument of a command as Redis 7's `COMMAND DOCS` describes it: a name, a type, flags,
/// and for a choice or a group the arguments inside it.
///
/// Arguments are not declared twice: they are read from the usage that HELP shows
/// (`<board> <YYYY-MM-DD> [HH:MM] [venue]`) by ``CommandUsage``, so HELP and COMMAND DOCS cannot
/// disagree about what a command takes.
struct CommandArgument: Hashable, Sendable {
    /// Redis's argument types that Quorum's usages need.
    enum Kind: String, Hashable, Sendable {
        /// A value the caller chooses: `<board>`, `[venue]`, `[lead=<email>]`.
        case string
        /// A word typed as it is: `AUTH`, `html`.
        case pureToken = "pure-token"
        /// Exactly one of the arguments inside: `html|pdf`.
        case oneof
        /// The arguments inside, in order: `[AUTH <user> <token>]`.
        case block
    }

    /// The argument's name: the placeholder without its angle brackets (`board`,
    /// `item-number-or-key`), an option as written (`lead=<email>`), or a token in lower case.
    var name: String
    var kind: Kind
    /// How the usage writes it (`<board>`, `lead=<email>`, `html`); nil for a choice or group.
    var displayText: String?
    /// The word itself, for a pure token.
    var token: String?
    var isOptional = false
    /// Whether it may be repeated (`[name …]`).
    var isMultiple = false
    /// The choices of a `oneof`, the parts of a `block`.
    var arguments: [CommandArgument] = []

    static func value(_ written: String) -> CommandArgument {
        var name = written
        if name.hasPrefix("<") && name.hasSuffix(">") && name.count > 2 {
            name = String(name.dropFirst().dropLast())
        }
        // redis-cli's hints count the words a person has typed: a name must be one word.
        name = name.split(separator: " ").joined(separator: "-")
        return CommandArgument(name: name, kind: .string, displayText: written)
    }

    static func token(_ word: String) -> CommandArgument {
        CommandArgument(name: word.lowercased(), kind: .pureToken, displayText: word, token: word)
    }
}
