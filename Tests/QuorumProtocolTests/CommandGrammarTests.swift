import NIOCore
import QuorumProtocol
import Testing

@Suite("CommandGrammar: a request to a command, its arguments and options")
struct CommandGrammarTests {
    static let grammar = CommandGrammar([
        CommandShape(name: "PING", usage: "[message]", arity: 0...1, argumentSize: .document),
        CommandShape(name: "COMMAND", usage: "", arity: 0...0),
        CommandShape(name: "COMMAND COUNT", usage: "", arity: 0...0),
        CommandShape(name: "BOARD GET", usage: "<code>", arity: 1...1),
        CommandShape(name: "MEETING ADD", usage: "<board> <YYYY-MM-DD> [HH:MM] [venue]", arity: 2...4, argumentSize: .text),
    ])

    static func refusal(_ request: RESPRequest) -> String? {
        do {
            _ = try grammar.resolve(request)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func namesAreCaseInsensitiveAndSubcommandsTakeTwoWords() throws {
        let board = try Self.grammar.resolve(RESPRequest("board", "Get", "OSC"))
        #expect(board.name == "BOARD GET" && board.arguments == ["OSC"])
        let command = try Self.grammar.resolve(RESPRequest("command"))
        #expect(command.name == "COMMAND" && command.arguments.isEmpty)
        let count = try Self.grammar.resolve(RESPRequest("COMMAND", "count"))
        #expect(count.name == "COMMAND COUNT" && count.arguments.isEmpty)
        #expect(Self.grammar.groups == ["BOARD", "COMMAND", "MEETING"])
    }

    @Test func eachRefusalNamesWhatWasWrong() {
        #expect(Self.refusal(RESPRequest(arguments: [])) == "ERR empty command")
        #expect(Self.refusal(RESPRequest("FROB")) == "ERR unknown command 'FROB'; try HELP")
        #expect(Self.refusal(RESPRequest("BOARD")) == "ERR wrong number of arguments for 'BOARD': it needs a subcommand; try HELP BOARD")
        #expect(Self.refusal(RESPRequest("BOARD", "frob")) == "ERR unknown subcommand 'frob' for 'BOARD'; try HELP BOARD")
        #expect(Self.refusal(RESPRequest("BOARD", "GET")) == "ERR wrong number of arguments for 'BOARD GET' (usage: BOARD GET <code>)")
        let notText = RESPRequest(arguments: [ByteBuffer(string: "PING"), ByteBuffer([0xFF, 0xFE])])
        #expect(Self.refusal(notText) == "BADARG argument 2 is not valid UTF-8")
    }

    @Test(
        "arguments are text when they are UTF-8, ASCII or not, and refused when they are not",
        arguments: [
            ([UInt8]("BOARD".utf8), "BOARD"),
            ([], ""),
            ([UInt8]("Children’s Services — café ✔︎ 🙂".utf8), "Children’s Services — café ✔︎ 🙂"),
            ([0x41, 0xC3, 0xA9], "Aé"),
            ([0x41, 0x80], nil),  // a continuation byte alone
            ([0x41, 0xC3], nil),  // a sequence cut short
            ([0xC0, 0x80], nil),  // an overlong NUL
            ([0xED, 0xA0, 0x80], nil),  // a UTF-16 surrogate
            ([0xF4, 0x90, 0x80, 0x80], nil),  // beyond U+10FFFF
            ([0x61, 0x62, 0x63, 0xFF], nil),  // ASCII, then a byte that is never UTF-8
        ] as [([UInt8], String?)])
    func argumentsAsText(bytes: [UInt8], expected: String?) {
        let request = RESPRequest(arguments: [ByteBuffer(string: "PING"), ByteBuffer(bytes: bytes)])
        if let expected {
            #expect((try? CommandGrammar.words(of: request)) == ["PING", expected])
        } else {
            #expect(Self.refusal(request) == "BADARG argument 2 is not valid UTF-8")
        }
    }

    @Test func anArgumentOverTheCommandsSizeIsTooBig() {
        #expect(Self.refusal(RESPRequest("BOARD", "GET", String(repeating: "c", count: 1024))) == nil)
        #expect(Self.refusal(RESPRequest("BOARD", "GET", String(repeating: "c", count: 1025)))
            == "TOOBIG BOARD GET: argument 3 is 1025 bytes; at most 1024")
        #expect(Self.refusal(RESPRequest("MEETING", "ADD", "OSC", String(repeating: "d", count: 65_537)))
            == "TOOBIG MEETING ADD: argument 4 is 65537 bytes; at most 65536")
        #expect(Self.refusal(RESPRequest("PING", String(repeating: "p", count: 1 << 20))) == nil)
    }

    @Test func optionsAreKeyValueWithCaseInsensitiveKeys() throws {
        let options = try CommandGrammar.options(["ASOF=2017-11-14", "lead=a=b"], command: "ACTION LIST", allowed: ["asof", "lead"])
        #expect(options == ["asof": "2017-11-14", "lead": "a=b"])
        #expect(try CommandGrammar.options([String](), command: "X", allowed: []) == [:])
    }

    @Test(arguments: [
        (["nokey"], "BADARG ACTION LIST: expected key=value (asof=… lead=…), got 'nokey'"),
        (["colour=red"], "BADARG ACTION LIST: unknown option 'colour'; options are asof, lead"),
        (["lead=a", "LEAD=b"], "BADARG ACTION LIST: option 'lead' given twice"),
    ])
    func badOptionsAreRefusedNamingTheCommand(arguments: [String], message: String) {
        #expect(throws: CommandGrammarError.self) {
            try CommandGrammar.options(arguments, command: "ACTION LIST", allowed: ["asof", "lead"])
        }
        do {
            _ = try CommandGrammar.options(arguments, command: "ACTION LIST", allowed: ["asof", "lead"])
        } catch {
            #expect(error.description == message)
        }
    }
}
