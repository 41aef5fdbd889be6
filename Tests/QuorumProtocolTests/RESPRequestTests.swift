import NIOCore
import QuorumProtocol
import Testing

@Suite("RESPRequest: the command name and text arguments")
struct RESPRequestTests {
    @Test(
        "the name is the first argument with ASCII letters upper-cased",
        arguments: [
            ("ping", "PING"), ("mEeTiNg", "MEETING"), ("PACK", "PACK"), ("\u{E9}t\u{E9}", "\u{E9}T\u{E9}"),
            ("a-1_z", "A-1_Z"),
        ]
    )
    func name(first: String, name: String) {
        #expect(RESPRequest(first, "x").name == name)
    }

    @Test("a request with no arguments has an empty name")
    func emptyName() {
        #expect(RESPRequest(arguments: []).name == "")
    }

    @Test("a name that is not UTF-8 matches no command")
    func invalidUTF8Name() {
        let request = RESPRequest(arguments: [ByteBuffer([0x70, 0x69, 0xFF])])
        #expect(request.name == "PI\u{FFFD}")
    }

    @Test("string(at:) gives an argument as text")
    func stringAt() throws {
        let request = RESPRequest("AUTH", "admin@example.org", "\u{1F511}")
        #expect(try request.string(at: 0) == "AUTH")
        #expect(try request.string(at: 1) == "admin@example.org")
        #expect(try request.string(at: 2) == "\u{1F511}")
    }

    @Test(
        "string(at:) refuses an argument that is not UTF-8, naming its position counted from the command name as 1",
        arguments: [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] as [[UInt8]]
    )
    func invalidUTF8(bytes: [UInt8]) {
        let request = RESPRequest(arguments: [
            ByteBuffer(string: "auth"), ByteBuffer(string: "admin"), ByteBuffer(bytes),
        ])
        #expect(throws: RESPArgumentError(code: .invalidUTF8, command: "AUTH", index: 2)) {
            try request.string(at: 2)
        }
        let error = RESPArgumentError(code: .invalidUTF8, command: "AUTH", index: 2)
        #expect(error.description == "argument 3 of AUTH is not valid UTF-8")
        #expect(error.reply == .error(code: "BADARG", message: "argument 3 of AUTH is not valid UTF-8"))
    }

    @Test("string(at:) past the last argument is a missing argument, not a crash", arguments: [3, 100, -1])
    func missing(index: Int) {
        let request = RESPRequest("MEETING", "GET", "42")
        #expect(throws: RESPArgumentError(code: .missing, command: "MEETING", index: index)) {
            try request.string(at: index)
        }
    }

    @Test("a missing argument replies as Redis's wrong-arity error does")
    func missingReply() {
        let error = RESPArgumentError(code: .missing, command: "MEETING", index: 3)
        #expect(error.description == "argument 4 of MEETING is missing")
        #expect(error.reply == .error(code: "ERR", message: "argument 4 of MEETING is missing"))
    }

    @Test("the words initialisers agree with the bytes one")
    func initialisers() {
        let bytes = RESPRequest(arguments: [ByteBuffer(string: "PING"), ByteBuffer(string: "hi")])
        #expect(RESPRequest("PING", "hi") == bytes)
        #expect(RESPRequest(["PING", "hi"]) == bytes)
    }
}
