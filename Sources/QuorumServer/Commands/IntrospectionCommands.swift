import QuorumProtocol

/// COMMAND, COMMAND COUNT, LIST, INFO and DOCS: the command table in Redis 7's reply shapes.
/// Interactive redis-cli sends `COMMAND DOCS` when it starts and builds its `help` and typing
/// hints from the answer; client libraries read `COMMAND` and `COMMAND INFO`.
enum IntrospectionCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(
            name: "COMMAND", usage: "", summary: "every command's details, as COMMAND INFO gives them", operation: nil, arity: 0...0
        ) { _, invocation in
            let catalog = CommandCatalog.server
            return invocation.reply(.array(catalog.entries.map { catalog.info(.entry($0)) }))
        },
        CommandSpec(
            name: "COMMAND COUNT", usage: "", summary: "how many top-level commands there are", operation: nil, arity: 0...0
        ) { _, invocation in
            invocation.reply(.integer(Int64(CommandCatalog.server.entries.count)))
        },
        CommandSpec(
            name: "COMMAND LIST", usage: "[FILTERBY MODULE|ACLCAT|PATTERN <value>]",
            summary: "every command's name, subcommands as container|sub", operation: nil, arity: 0...3
        ) { _, invocation in
            let catalog = CommandCatalog.server
            guard !invocation.arguments.isEmpty else {
                return invocation.reply(.array(catalog.fullNames.map(RESPValue.bulk)))
            }
            guard invocation.arguments.count == 3, invocation.arguments[0].uppercased() == "FILTERBY" else {
                throw CommandError(.err, "COMMAND LIST: syntax error (usage: COMMAND LIST [FILTERBY MODULE|ACLCAT|PATTERN <value>])")
            }
            let value = invocation.arguments[2]
            let names: [String]
            switch invocation.arguments[1].uppercased() {
            case "MODULE":
                names = []  // Quorum loads no modules.
            case "ACLCAT":
                let category = "@" + value.lowercased().trimmingPrefix("@")
                names = catalog.entries.flatMap { entry in
                    ((entry.command.map { [$0] } ?? []) + entry.subcommands)
                        .filter { CommandCatalog.categories($0).contains(category) }.map(CommandCatalog.fullName)
                }
            case "PATTERN":
                names = catalog.fullNames.filter { GlobPattern(value).matches($0) }
            default:
                throw CommandError(.err, "COMMAND LIST: FILTERBY takes MODULE, ACLCAT or PATTERN, not '\(invocation.arguments[1])'")
            }
            return invocation.reply(.array(names.map(RESPValue.bulk)))
        },
        CommandSpec(
            name: "COMMAND INFO", usage: "[command …]",
            summary: "name, arity, flags, categories and subcommands of commands (all when none named)", operation: nil,
            arity: 0...Int.max
        ) { _, invocation in
            let catalog = CommandCatalog.server
            guard !invocation.arguments.isEmpty else {
                return invocation.reply(.array(catalog.entries.map { catalog.info(.entry($0)) }))
            }
            // As Redis does: one reply per name asked for, null for a name it does not know.
            return invocation.reply(.array(invocation.arguments.map { catalog.find($0).map(catalog.info) ?? .null }))
        },
        CommandSpec(
            name: "COMMAND DOCS", usage: "[command …]",
            summary: "summary, since, group and arguments of commands (all when none named)", operation: nil, arity: 0...Int.max
        ) { _, invocation in
            let catalog = CommandCatalog.server
            guard !invocation.arguments.isEmpty else {
                return invocation.reply(.map(catalog.entries.map { .init(.bulk($0.name), catalog.docs(.entry($0))) }))
            }
            // As Redis does: names it does not know are left out.
            var fields: [RESPValue.Entry] = []
            for name in invocation.arguments {
                switch catalog.find(name) {
                case .entry(let entry): fields.append(.init(.bulk(entry.name), catalog.docs(.entry(entry))))
                case .subcommand(let spec): fields.append(.init(.bulk(CommandCatalog.fullName(spec)), catalog.docs(.subcommand(spec))))
                case nil: break
                }
            }
            return invocation.reply(.map(fields))
        },
    ]
}
