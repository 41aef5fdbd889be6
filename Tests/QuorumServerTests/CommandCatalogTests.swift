import QuorumApplication
import QuorumProtocol
import Testing

@testable import QuorumServer

@Suite("COMMAND COUNT, LIST, INFO and DOCS answer from the command table")
struct CommandCatalogTests {
    static let specs = CommandDispatcher.allCommands

    static func dispatch(_ words: String...) async throws -> RESPValue {
        let (dispatcher, _, _) = try await CommandDispatcherTests.makeDispatcher()
        return await dispatcher.dispatch(RESPRequest(words), session: Session()).reply
    }

    /// A RESP map's entries, or a RESP2 flat array read as one.
    static func pairs(_ value: RESPValue) -> [(String, RESPValue)] {
        switch value {
        case .map(let entries):
            return entries.compactMap { entry in
                guard case .bulkString(let key) = entry.key else { return nil }
                return (String(buffer: key), entry.value)
            }
        default:
            return []
        }
    }

    static func text(_ value: RESPValue?) -> String? {
        switch value {
        case .bulkString(let buffer): String(buffer: buffer)
        case .simpleString(let text): text
        default: nil
        }
    }

    @Test(arguments: specs.map(\.name))
    func everyUsageReadsAndWritesBackUnchanged(name: String) throws {
        let spec = try #require(Self.specs.first { $0.name == name })
        let arguments = try CommandUsage.parse(spec.usage)
        #expect(CommandUsage.render(arguments) == spec.usage)
    }

    @Test func everyTableEntryIsListedDocumentedAndDescribed() async throws {
        let (dispatcher, _, _) = try await CommandDispatcherTests.makeDispatcher()
        func ask(_ words: String...) async -> RESPValue {
            await dispatcher.dispatch(RESPRequest(words), session: Session()).reply
        }
        guard case .array(let listed) = await ask("COMMAND", "LIST") else { Issue.record("COMMAND LIST is not an array"); return }
        let names = Set(listed.compactMap(Self.text))
        let docs = Self.pairs(await ask("COMMAND", "DOCS"))
        let documented = Dictionary(docs, uniquingKeysWith: { first, _ in first })
        for spec in Self.specs {
            let words = spec.name.lowercased().split(separator: " ")
            let full = words.joined(separator: "|")
            #expect(names.contains(full), "COMMAND LIST lacks \(full)")
            // A one-word command is a key of COMMAND DOCS; a two-word one is a subcommand of its container.
            let fields = Dictionary(Self.pairs(documented[String(words[0])] ?? .null), uniquingKeysWith: { first, _ in first })
            let own = words.count == 1 ? fields : Dictionary(
                Self.pairs(Dictionary(Self.pairs(fields["subcommands"] ?? .null), uniquingKeysWith: { a, _ in a })[full] ?? .null),
                uniquingKeysWith: { first, _ in first })
            #expect(Self.text(own["summary"]) == "\(spec.summary) (\(spec.access))", "COMMAND DOCS \(full)")
            guard case .array(let info) = await ask("COMMAND", "INFO", full), case .array(let row) = info.first else {
                Issue.record("COMMAND INFO \(full) is not an array of one row")
                continue
            }
            #expect(row.count == 10)
            #expect(Self.text(row.first) == full)
        }
        let firstWords = Set(Self.specs.map { $0.name.split(separator: " ")[0] })
        #expect(await ask("COMMAND", "COUNT") == .integer(Int64(firstWords.count)))
        #expect(docs.count == firstWords.count)
    }

    @Test func aContainerShowsItsSubcommandsAsRedisShowsConfigGet() async throws {
        guard case .array(let rows) = try await Self.dispatch("COMMAND", "INFO", "board", "nosuch"), rows.count == 2,
            case .array(let board) = rows[0]
        else { Issue.record("expected two rows"); return }
        #expect(rows[1] == .null)
        #expect(board[0] == .bulk("board"))
        #expect(board[1] == .integer(-2))
        guard case .array(let subcommands) = board[9] else { Issue.record("no subcommands"); return }
        #expect(subcommands.compactMap { if case .array(let row) = $0 { Self.text(row.first) } else { nil } } == ["board|get", "board|list"])
    }

    @Test func infoCarriesArityFlagsAndCategoriesFromTheDeclarations() async throws {
        guard case .array(let rows) = try await Self.dispatch("COMMAND", "INFO", "user|add", "board|list", "ping") else {
            Issue.record("not an array"); return
        }
        let expected: [(Int64, [String], [String])] = [
            (-4, ["write", "admin"], ["@write", "@admin", "@user"]),
            (2, ["readonly", "no_auth"], ["@read", "@board"]),
            (-1, ["no_auth"], ["@connection"]),
        ]
        #expect(rows.count == expected.count, "one row per command asked for")
        for (row, (arity, flags, categories)) in zip(rows, expected) {
            guard case .array(let fields) = row, case .array(let flagValues) = fields[2], case .array(let categoryValues) = fields[6] else {
                Issue.record("row \(row)"); continue
            }
            #expect(fields[1] == .integer(arity))
            #expect(flagValues.compactMap(Self.text) == flags)
            #expect(categoryValues.compactMap(Self.text) == categories)
        }
    }

    @Test func docsDescribeArgumentsWithTheirTypesAndFlags() async throws {
        let docs = Self.pairs(try await Self.dispatch("COMMAND", "DOCS", "meeting|add"))
        #expect(docs.map(\.0) == ["meeting|add"])
        let fields = Dictionary(Self.pairs(docs[0].1), uniquingKeysWith: { a, _ in a })
        #expect(Self.text(fields["group"]) == "meeting")
        #expect(Self.text(fields["since"]) == "0.1.0")
        guard case .array(let arguments) = fields["arguments"] else { Issue.record("no arguments"); return }
        let described = arguments.map { argument in
            let map = Dictionary(Self.pairs(argument), uniquingKeysWith: { a, _ in a })
            var flags: [String] = []
            if case .array(let values) = map["flags"] { flags = values.compactMap(Self.text) }
            return "\(Self.text(map["name"]) ?? "?"):\(Self.text(map["type"]) ?? "?"):\(flags.joined(separator: ","))"
        }
        #expect(described == ["board:string:", "YYYY-MM-DD:string:", "HH:MM:string:optional", "venue:string:optional"])
    }

    @Test func theUsageGrammarReadsChoicesGroupsAndRepeats() throws {
        let notify = try CommandUsage.parse("email <address> | webhook <url>")
        #expect(notify.count == 1 && notify[0].kind == .oneof)
        #expect(notify[0].arguments.map(\.kind) == [.block, .block])
        #expect(notify[0].arguments[0].arguments.map(\.kind) == [.pureToken, .string])
        let hello = try CommandUsage.parse("[2|3 [AUTH <user> <token>] [SETNAME <name>]]")
        #expect(hello.count == 1 && hello[0].kind == .block && hello[0].isOptional)
        #expect(hello[0].arguments.map(\.kind) == [.oneof, .block, .block])
        #expect(hello[0].arguments[1].arguments.map(\.name) == ["auth", "user", "token"])
        let repeated = try CommandUsage.parse("[command …]")
        #expect(repeated.count == 1 && repeated[0].isOptional && repeated[0].isMultiple)
        #expect(try CommandUsage.parse("<item number or key>")[0].name == "item-number-or-key")
        #expect(throws: CommandUsage.SyntaxError.self) { try CommandUsage.parse("[board") }
        #expect(throws: CommandUsage.SyntaxError.self) { try CommandUsage.parse("board]") }
        #expect(throws: CommandUsage.SyntaxError.self) { try CommandUsage.parse("<board") }
    }

    @Test func listFiltersByPatternAndCategory() async throws {
        #expect(try await Self.dispatch("COMMAND", "LIST", "FILTERBY", "PATTERN", "pack|*")
            == .array(["pack|build", "pack|get", "pack|list", "pack|publish"].map(RESPValue.bulk)))
        guard case .array(let admin) = try await Self.dispatch("COMMAND", "LIST", "FILTERBY", "ACLCAT", "admin") else {
            Issue.record("not an array"); return
        }
        #expect(admin.contains(.bulk("user|add")) && !admin.contains(.bulk("board|list")))
        #expect(CommandDispatcherTests.errorCode(try await Self.dispatch("COMMAND", "LIST", "FILTERBY", "COLOUR", "x")) == "ERR")
    }

    @Test(arguments: [
        ("pack|*", "pack|build", true), ("pack|*", "board|list", false), ("b?ard", "board", true), ("[bc]*", "cycle", true),
        ("[^bc]*", "cycle", false), ("*list", "board|list", true), ("\\*", "*", true),
    ])
    func globsMatchAsRedisDoes(pattern: String, text: String, matches: Bool) {
        #expect(GlobPattern(pattern).matches(text) == matches)
    }
}
