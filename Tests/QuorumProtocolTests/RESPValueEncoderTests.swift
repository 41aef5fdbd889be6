import NIOCore
import QuorumProtocol
import Testing

@Suite("RESPValueEncoder: replies byte for byte")
struct RESPValueEncoderTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let value: RESPValue
        let bytes: [UInt8]

        init(_ value: RESPValue, _ bytes: String) {
            self.value = value
            self.bytes = Array(bytes.utf8)
        }

        init(_ value: RESPValue, bytes: [UInt8]) {
            self.value = value
            self.bytes = bytes
        }

        var testDescription: String { escaped(self.bytes) }
    }

    static let vectors: [Vector] = [
        Vector(.ok, "+OK\r\n"),
        Vector(.simpleString("PONG"), "+PONG\r\n"),
        Vector(.simpleString(""), "+\r\n"),
        Vector(.simpleString("caf\u{E9}"), "+caf\u{E9}\r\n"),
        Vector(.simpleString("a\r\nb\nc\r"), "+a  b c \r\n"),
        Vector(.error(code: "ERR", message: "unknown command 'FOO'"), "-ERR unknown command 'FOO'\r\n"),
        Vector(.error(code: "NOAUTH", message: ""), "-NOAUTH\r\n"),
        Vector(.error(code: "BADINPUT", message: "line 3:\r\n-ERR injected"), "-BADINPUT line 3:  -ERR injected\r\n"),
        Vector(.integer(0), ":0\r\n"),
        Vector(.integer(42), ":42\r\n"),
        Vector(.integer(-7), ":-7\r\n"),
        Vector(.integer(.max), ":9223372036854775807\r\n"),
        Vector(.integer(.min), ":-9223372036854775808\r\n"),
        Vector(.bulk(""), "$0\r\n\r\n"),
        Vector(.bulk("hello"), "$5\r\nhello\r\n"),
        Vector(.bulk("\u{A3}5"), "$3\r\n\u{A3}5\r\n"),
        Vector(.bulk("a\r\nb"), "$4\r\na\r\nb\r\n"),
        Vector(
            .bulkString(ByteBuffer([0xFF, 0x00, 0x0D, 0x0A, 0xC3])),
            bytes: Array("$5\r\n".utf8) + [0xFF, 0x00, 0x0D, 0x0A, 0xC3] + Array("\r\n".utf8)
        ),
        Vector(.bulk(String(repeating: "x", count: 1_655)), "$1655\r\n" + String(repeating: "x", count: 1_655) + "\r\n"),
        Vector(.bulkString(Self.slice), "$3\r\nBCD\r\n"),
        Vector(.null, "$-1\r\n"),
        Vector(.array([]), "*0\r\n"),
        Vector(.array(Array(repeating: .integer(1), count: 12)), "*12\r\n" + String(repeating: ":1\r\n", count: 12)),
        Vector(.array([.bulk("BOARD"), .bulk("LIST")]), "*2\r\n$5\r\nBOARD\r\n$4\r\nLIST\r\n"),
        Vector(
            .array([.integer(1), .array([.simpleString("a"), .null]), .array([]), .error(code: "ERR", message: "x")]),
            "*4\r\n:1\r\n*2\r\n+a\r\n$-1\r\n*0\r\n-ERR x\r\n"
        ),
    ]

    /// A buffer read from part way: only its readable bytes are the string.
    static let slice: ByteBuffer = {
        var buffer = ByteBuffer(string: "ABCDE")
        buffer.moveReaderIndex(forwardBy: 1)
        buffer.moveWriterIndex(to: 4)
        return buffer
    }()

    @Test("encodes", arguments: vectors)
    func encodes(_ vector: Vector) throws {
        #expect(try encode(vector.value) == vector.bytes)
    }

    @Test("writeRESPValue writes the same bytes and returns how many", arguments: vectors)
    func writeRESPValue(_ vector: Vector) {
        var buffer = ByteBuffer(string: "prefix")
        let written = buffer.writeRESPValue(vector.value)
        #expect(written == vector.bytes.count)
        #expect(buffer.readBytes(length: 6) == Array("prefix".utf8))
        #expect(buffer.readBytes(length: buffer.readableBytes) == vector.bytes)
    }

    @Test("replies written one after another are pipelined in order")
    func pipelined() throws {
        #expect(try encode(.ok, .integer(1), .null) == Array("+OK\r\n:1\r\n$-1\r\n".utf8))
    }

    @Test("a request converts to the array of bulk strings a client sends, and the server decodes it back")
    func requestAsValue() throws {
        let request = RESPRequest(arguments: [ByteBuffer(string: "ECHO"), ByteBuffer([0xFF, 0x0D, 0x0A])])
        let bytes = try encode(RESPValue(request))
        #expect(bytes == Array("*2\r\n$4\r\nECHO\r\n$3\r\n".utf8) + [0xFF, 0x0D, 0x0A] + Array("\r\n".utf8))
        let decoded = try decode(bytes, with: RESPRequestDecoder(), feeding: .oneByteAtATime)
        #expect(decoded.messages == [request])
    }
}
