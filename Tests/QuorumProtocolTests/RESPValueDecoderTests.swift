import NIOCore
import QuorumProtocol
import Testing

@Suite("RESPValueDecoder: replies as the command-line client reads them")
struct RESPValueDecoderTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let input: [UInt8]
        let values: [RESPValue]

        init(_ input: String, _ values: RESPValue...) {
            self.input = Array(input.utf8)
            self.values = values
        }

        init(bytes input: [UInt8], _ values: RESPValue...) {
            self.input = input
            self.values = values
        }

        var testDescription: String { escaped(self.input) }
    }

    static let vectors: [Vector] = [
        Vector("+OK\r\n", .ok),
        Vector("+\r\n", .simpleString("")),
        Vector("+a\nb\r\n", .simpleString("a\nb")),
        Vector("-ERR unknown command 'FOO'\r\n", .error(code: "ERR", message: "unknown command 'FOO'")),
        Vector("-NOAUTH\r\n", .error(code: "NOAUTH", message: "")),
        Vector("-BADINPUT line 3: bad date\r\n", .error(code: "BADINPUT", message: "line 3: bad date")),
        Vector(":0\r\n", .integer(0)),
        Vector(":-42\r\n", .integer(-42)),
        Vector(":9223372036854775807\r\n", .integer(.max)),
        Vector(":-9223372036854775808\r\n", .integer(.min)),
        Vector("$5\r\nhello\r\n", .bulk("hello")),
        Vector("$0\r\n\r\n", .bulk("")),
        Vector("$4\r\n\r\n\r\n\r\n", .bulk("\r\n\r\n")),
        Vector(
            bytes: Array("$2\r\n".utf8) + [0xFF, 0x00] + Array("\r\n".utf8),
            .bulkString(ByteBuffer([0xFF, 0x00]))
        ),
        Vector("$-1\r\n", .null),
        Vector("*-1\r\n", .null),
        Vector("*0\r\n", .array([])),
        Vector("*2\r\n$5\r\nBOARD\r\n:3\r\n", .array([.bulk("BOARD"), .integer(3)])),
        Vector(
            "*3\r\n*1\r\n:1\r\n*0\r\n*2\r\n$-1\r\n*1\r\n-ERR x\r\n",
            .array([.array([.integer(1)]), .array([]), .array([.null, .array([.error(code: "ERR", message: "x")])])])
        ),
        Vector("+OK\r\n:1\r\n*1\r\n+a\r\n$-1\r\n", .ok, .integer(1), .array([.simpleString("a")]), .null),
        // Simple strings are text for people: bytes that are not UTF-8 are shown, not refused.
        Vector(bytes: Array("+a".utf8) + [0xFF] + Array("\r\n".utf8), .simpleString("a\u{FFFD}")),
    ]

    @Test("decodes", arguments: vectors, Feeding.allCases)
    func decodes(_ vector: Vector, feeding: Feeding) throws {
        let decoded = try decode(vector.input, with: RESPValueDecoder(), feeding: feeding)
        #expect(decoded.error == nil)
        #expect(decoded.messages == vector.values)
    }

    struct ErrorVector: Sendable, CustomTestStringConvertible {
        let input: [UInt8]
        let code: RESPProtocolError.Code
        let description: String

        init(_ input: String, _ code: RESPProtocolError.Code, _ description: String) {
            self.input = Array(input.utf8)
            self.code = code
            self.description = description
        }

        var testDescription: String { escaped(self.input) }
    }

    static let errorVectors: [ErrorVector] = [
        ErrorVector("@foo\r\n", .unexpectedByte, "unknown reply type '@'"),
        ErrorVector("*2\r\n$5\r\nhello\r\n@foo\r\n", .unexpectedByte, "unknown reply type '@'"),
        ErrorVector("\r\n", .unexpectedByte, #"unknown reply type '\r'"#),
        ErrorVector("PONG\r\n", .unexpectedByte, "unknown reply type 'P'"),
        ErrorVector(":abc\r\n", .invalidInteger, "invalid integer"),
        ErrorVector(":\r\n", .invalidInteger, "invalid integer"),
        ErrorVector(":1.5\r\n", .invalidInteger, "invalid integer"),
        ErrorVector(":9223372036854775808\r\n", .invalidInteger, "invalid integer"),
        ErrorVector(":-9223372036854775809\r\n", .invalidInteger, "invalid integer"),
        ErrorVector("$-2\r\n", .invalidBulkLength, "invalid bulk length"),
        ErrorVector("$x\r\n", .invalidBulkLength, "invalid bulk length"),
        ErrorVector(
            "$999999999999\r\n",
            .invalidBulkLength,
            "invalid bulk length 999999999999: more than 67108864 bytes"
        ),
        ErrorVector("$3\r\nfooXY", .missingCRLF, "expected CRLF after bulk string"),
        ErrorVector("*-2\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        ErrorVector("*1x\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        ErrorVector(
            "*2000000\r\n",
            .invalidMultibulkLength,
            "invalid multibulk length 2000000: more than 1048576 elements"
        ),
        ErrorVector("+OK", .truncated, "input ended in the middle of a reply"),
        ErrorVector("*2\r\n:1\r\n", .truncated, "input ended in the middle of a reply"),
        ErrorVector("$5\r\nhel", .truncated, "input ended in the middle of a reply"),
    ]

    @Test("refuses", arguments: errorVectors, Feeding.allCases)
    func refuses(_ vector: ErrorVector, feeding: Feeding) throws {
        let decoded = try decode(vector.input, with: RESPValueDecoder(), feeding: feeding)
        #expect(decoded.messages.isEmpty)
        let error = try #require(decoded.protocolError)
        #expect(error.code == vector.code)
        #expect(error.description == vector.description)
    }

    @Test("a reply line over maxInlineBytes is refused before its end arrives", arguments: Feeding.allCases)
    func lineLimit(feeding: Feeding) throws {
        let decoder = RESPValueDecoder(configuration: .init(maxInlineBytes: 4))
        let accepted = try decode("+1234\r\n-ERR\r\n", with: decoder, feeding: feeding)
        #expect(accepted.messages == [.simpleString("1234"), .error(code: "ERR", message: "")])
        for input in ["+12345\r\n", "-12345", "+1234\n\r\n"] {
            let refused = try decode(input, with: decoder, feeding: feeding)
            #expect(refused.protocolError?.code == .lineTooLong)
            #expect(refused.protocolError?.description == "reply line longer than 4 bytes")
        }
    }

    @Test("arrays nested deeper than maxNestingDepth are refused", arguments: Feeding.allCases)
    func nestingLimit(feeding: Feeding) throws {
        let decoder = RESPValueDecoder(configuration: .init(maxNestingDepth: 3))
        let accepted = try decode("*1\r\n*1\r\n*0\r\n", with: decoder, feeding: feeding)
        #expect(accepted.messages == [.array([.array([.array([])])])])
        let refused = try decode("*1\r\n*1\r\n*1\r\n*0\r\n", with: decoder, feeding: feeding)
        #expect(refused.protocolError?.code == .nestingTooDeep)
        #expect(refused.protocolError?.description == "arrays nested more than 3 deep")
    }

    @Test("a million nested arrays from a hostile server are refused at the default depth, not built")
    func hostileNesting() throws {
        let input = [UInt8](String(repeating: "*1\r\n", count: 1_000_000).utf8)
        let decoded = try decode(input, with: RESPValueDecoder())
        #expect(decoded.protocolError?.description == "arrays nested more than 64 deep")
    }

    @Test("bulk and array limits are checked from the header", arguments: Feeding.allCases)
    func sizeLimits(feeding: Feeding) throws {
        let decoder = RESPValueDecoder(configuration: .init(maxBulkBytes: 2, maxArrayCount: 2))
        let accepted = try decode("*2\r\n$2\r\nab\r\n$-1\r\n", with: decoder, feeding: feeding)
        #expect(accepted.messages == [.array([.bulk("ab"), .null])])
        #expect(try decode("$3\r\n", with: decoder, feeding: feeding).protocolError?.code == .invalidBulkLength)
        #expect(try decode("*3\r\n", with: decoder, feeding: feeding).protocolError?.code == .invalidMultibulkLength)
    }

    // MARK: Round trip

    static let roundTrips: [RESPValue] = [
        .ok,
        .error(code: "WRONGPASS", message: "invalid username-password pair"),
        .integer(-1),
        .bulk("{\"id\": 1, \"board\": \"FIN\"}"),
        .bulkString(ByteBuffer([0x25, 0x50, 0x44, 0x46, 0x0D, 0x0A, 0xFF, 0x00, 0xE2, 0x82])),
        .null,
        .array([]),
        .array([.bulk("a"), .integer(2), .null, .simpleString("s"), .error(code: "ERR", message: "e")]),
        .array([.array([.array([.bulk("deep"), .array([])]), .integer(0)]), .array([.null]), .bulk("\r\n")]),
        .array((0..<100).map { .array([.integer(Int64($0)), .bulk(String(repeating: "x", count: $0))]) }),
    ]

    @Test("values survive the encoder and decoder unchanged", arguments: roundTrips, Feeding.allCases)
    func roundTrip(_ value: RESPValue, feeding: Feeding) throws {
        let bytes = try encode(value, value)
        let decoded = try decode(bytes, with: RESPValueDecoder(), feeding: feeding)
        #expect(decoded.error == nil)
        #expect(decoded.messages == [value, value])
    }

    @Test("random input either decodes or errors, never crashes, and decodes alike however it arrives")
    func randomInput() throws {
        let fragments = [
            "*", "$", ":", "+", "-", "*1\r\n", "*2\r\n", "$3\r\n", "$0\r\n", "$-1\r\n", "*-1\r\n", "*0\r\n", "\r\n",
            "\n", "\r", "OK", "foo", "0", "1", "3", "-", "99999999999",
        ].map { Array($0.utf8) }
        var generator = SplitMix64(seed: 7878)
        let configuration = RESPDecoderConfiguration(
            maxInlineBytes: 24,
            maxBulkBytes: 16,
            maxArrayCount: 4,
            maxNestingDepth: 3
        )
        for _ in 0..<400 {
            var input: [UInt8] = []
            for _ in 0..<Int(generator.next() % 24) {
                if generator.next() % 8 == 0 {
                    input.append(UInt8(truncatingIfNeeded: generator.next()))
                } else {
                    input += fragments[Int(generator.next() % UInt64(fragments.count))]
                }
            }
            let whole = try decode(input, with: RESPValueDecoder(configuration: configuration), feeding: .whole)
            let uneven = try decode(input, with: RESPValueDecoder(configuration: configuration), feeding: .unevenReads)
            let bytewise = try decode(
                input,
                with: RESPValueDecoder(configuration: configuration),
                feeding: .oneByteAtATime
            )
            for other in [uneven, bytewise] {
                #expect(other.messages == whole.messages, "\(escaped(input))")
                #expect(other.error.map { "\($0)" } == whole.error.map { "\($0)" }, "\(escaped(input))")
            }
            if let error = whole.error {
                #expect(error is RESPProtocolError, "\(escaped(input))")
            }
        }
    }
}
