import QuorumProtocol

/// `COMMAND INFO` and `COMMAND DOCS` replies in Redis 7's shapes, so that redis-cli builds its
/// `help` and typing hints from them and client libraries parse them as they parse Redis's.
extension CommandCatalog {
    // MARK: COMMAND INFO

    /// `[name, arity, flags, first key, last key, step, categories, tips, key specs, subcommands]`.
    func info(_ found: Found) -> RESPValue {
        switch found {
        case .subcommand(let spec):
            return Self.info(spec, subcommands: [])
        case .entry(let entry):
            guard let spec = entry.command else {
                // A container alone, as Redis shows CONFIG: arity -2, no flags, its subcommands.
                return .array([
                    .bulk(entry.name), .integer(-2), .array([]), .integer(0), .integer(0), .integer(0), .array([]), .array([]),
                    .array([]), .array(entry.subcommands.map { Self.info($0, subcommands: []) }),
                ])
            }
            return Self.info(spec, subcommands: entry.subcommands)
        }
    }

    private static func info(_ spec: CommandSpec, subcommands: [CommandSpec]) -> RESPValue {
        // Quorum's commands name no Redis keys: first key, last key and step are 0, no key specs.
        .array([
            .bulk(fullName(spec)),
            .integer(Int64(subcommands.isEmpty ? arity(spec) : -abs(arity(spec)))),
            .array(flags(spec).map(RESPValue.simpleString)),
            .integer(0), .integer(0), .integer(0),
            .array(categories(spec).map(RESPValue.simpleString)),
            .array([]),
            .array([]),
            .array(subcommands.map { info($0, subcommands: []) }),
        ])
    }

    // MARK: COMMAND DOCS

    /// The docs map of an entry or a subcommand: summary, since, group, arguments, subcommands.
    func docs(_ found: Found) -> RESPValue {
        switch found {
        case .subcommand(let spec):
            return Self.docs(spec, subcommands: [])
        case .entry(let entry):
            guard let spec = entry.command else {
                var fields: [RESPValue.Entry] = [
                    .init(.bulk("summary"), .bulk("a container for the \(entry.name.uppercased()) commands")),
                    .init(.bulk("since"), .bulk(entry.subcommands.map(Self.since).min() ?? "0.1.0")),
                    .init(.bulk("group"), .bulk(entry.subcommands.first.map(Self.group) ?? "connection")),
                ]
                fields.append(.init(.bulk("subcommands"), Self.subcommandDocs(entry.subcommands)))
                return .map(fields)
            }
            return Self.docs(spec, subcommands: entry.subcommands)
        }
    }

    private static func docs(_ spec: CommandSpec, subcommands: [CommandSpec]) -> RESPValue {
        var fields: [RESPValue.Entry] = [
            .init(.bulk("summary"), .bulk(summary(spec))),
            .init(.bulk("since"), .bulk(since(spec))),
            .init(.bulk("group"), .bulk(group(spec))),
        ]
        let arguments = arguments(spec)
        if !arguments.isEmpty {
            fields.append(.init(.bulk("arguments"), .array(arguments.map(argumentDocs))))
        }
        if !subcommands.isEmpty {
            fields.append(.init(.bulk("subcommands"), subcommandDocs(subcommands)))
        }
        return .map(fields)
    }

    private static func subcommandDocs(_ subcommands: [CommandSpec]) -> RESPValue {
        .map(subcommands.map { .init(.bulk(fullName($0)), docs($0, subcommands: [])) })
    }

    private static func argumentDocs(_ argument: CommandArgument) -> RESPValue {
        var fields: [RESPValue.Entry] = [
            .init(.bulk("name"), .bulk(argument.name)),
            .init(.bulk("type"), .bulk(argument.kind.rawValue)),
        ]
        if let display = argument.displayText, argument.kind == .string {
            fields.append(.init(.bulk("display_text"), .bulk(display)))
        }
        if let token = argument.token {
            fields.append(.init(.bulk("token"), .bulk(token)))
        }
        var flags: [RESPValue] = []
        if argument.isOptional { flags.append(.simpleString("optional")) }
        if argument.isMultiple { flags.append(.simpleString("multiple")) }
        if !flags.isEmpty {
            fields.append(.init(.bulk("flags"), .array(flags)))
        }
        if argument.kind == .oneof || argument.kind == .block {
            fields.append(.init(.bulk("arguments"), .array(argument.arguments.map(argumentDocs))))
        }
        return .map(fields)
    }
}
