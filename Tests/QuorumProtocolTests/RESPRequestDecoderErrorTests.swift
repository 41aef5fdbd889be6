import NIOCore
import NIOEmbedded
import QuorumProtocol
import Testing

@Suite("RESPRequestDecoder: malformed and hostile input is refused, never a crash")
struct RESPRequestDecoderErrorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let input: [UInt8]
        let code: RESPProtocolError.Code
        let description: String
        /// Requests that precede the bad one, decoded before the error.
        let before: [RESPRequest]

        init(_ input: String, _ code: RESPProtocolError.Code, _ description: String, before: [RESPRequest] = []) {
            self.input = Array(input.utf8)
            self.code = code
            self.description = description
            self.before = before
        }

        var testDescription: String { escaped(self.input) }
    }

    static let vectors: [Vector] = [
        // Redis's own protocol tests, with the messages Redis gives.
        Vector("*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n", .unexpectedByte, "expected '$', got 'f'"),
        Vector("*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$-10\r\n", .invalidBulkLength, "invalid bulk length"),
        Vector("*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$blabla\r\n", .invalidBulkLength, "invalid bulk length"),
        Vector("*1\r\nfoo\r\n", .unexpectedByte, "expected '$', got 'f'"),
        Vector("*\u{00}", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*1\r\n$\u{00}", .invalidBulkLength, "invalid bulk length"),
        // The element of a request array must be a bulk string.
        Vector("*1\r\n+OK\r\n", .unexpectedByte, "expected '$', got '+'"),
        Vector("*1\r\n:1\r\n", .unexpectedByte, "expected '$', got ':'"),
        Vector("*2\r\n$4\r\nECHO\r\n\r\n", .unexpectedByte, #"expected '$', got '\r'"#),
        Vector("*1\r\n\u{7F}", .unexpectedByte, #"expected '$', got '\x7f'"#),
        Vector("*1\r\n$-1\r\n", .invalidBulkLength, "invalid bulk length"),
        // Counts and lengths are strict numbers, as Redis's string2ll reads them.
        Vector("*abc\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*-\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*-0\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*01\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*+1\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("* 1\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*1 \r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*1\r\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*1\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*99999999999999999999\r\n", .invalidMultibulkLength, "invalid multibulk length"),
        Vector("*1\r\n$04\r\nPING\r\n", .invalidBulkLength, "invalid bulk length"),
        Vector("*1\r\n$3\nfoo\r\n", .invalidBulkLength, "invalid bulk length"),
        Vector("*1\r\n$0x3\r\nfoo\r\n", .invalidBulkLength, "invalid bulk length"),
        Vector("*1\r\n$9223372036854775808\r\n", .invalidBulkLength, "invalid bulk length"),
        // A bulk string must end where its length says.
        Vector("*1\r\n$3\r\nfooXY", .missingCRLF, "expected CRLF after bulk string"),
        Vector("*1\r\n$3\r\nfoo\rX", .missingCRLF, "expected CRLF after bulk string"),
        Vector("*1\r\n$3\r\nfoo\n\r", .missingCRLF, "expected CRLF after bulk string"),
        Vector("*1\r\n$3\r\nfoobar\r\n", .missingCRLF, "expected CRLF after bulk string"),
        Vector("*1\r\n$6\r\nfoo\r\n", .truncated, "input ended in the middle of a request"),
        // Inline lines.
        Vector(#"SET "unterminated\#r\#n"#, .unbalancedQuotes, "unbalanced quotes in request"),
        // What came before the bad request was already decoded and stands.
        Vector(
            "PING\r\n*1\r\n$4\r\nINFO\r\n*1\r\nfoo\r\n",
            .unexpectedByte,
            "expected '$', got 'f'",
            before: [RESPRequest("PING"), RESPRequest("INFO")]
        ),
    ]

    @Test("refuses", arguments: vectors, Feeding.allCases)
    func refuses(_ vector: Vector, feeding: Feeding) throws {
        let decoded = try decode(vector.input, with: RESPRequestDecoder(), feeding: feeding)
        #expect(decoded.messages == vector.before)
        let error = try #require(decoded.protocolError)
        #expect(error.code == vector.code)
        #expect(error.description == vector.description)
        #expect(error.reply == .error(code: "ERR", message: "Protocol error: \(vector.description)"))
    }

    @Test("a number too long to be a length is refused before its line ends")
    func overlongNumberFailsEarly() throws {
        let decoded = try decode(
            "*1\r\n$" + String(repeating: "9", count: 40),
            with: RESPRequestDecoder(),
            feeding: .oneByteAtATime
        )
        #expect(decoded.protocolError?.code == .invalidBulkLength)
    }

    @Test("after an error the decoder refuses further reads rather than guess where the next request starts")
    func staysFailed() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(RESPRequestDecoder()))
        #expect(throws: RESPProtocolError.self) {
            try channel.writeInbound(ByteBuffer(string: "*1\r\nfoo\r\n"))
        }
        #expect(throws: ByteToMessageDecoderError.self) {
            try channel.writeInbound(ByteBuffer(string: "PING\r\n"))
        }
        #expect(try channel.readInbound(as: RESPRequest.self) == nil)
        _ = try? channel.finish()
    }

    // MARK: Limits

    @Test("a bulk string declared at 999999999999 bytes is refused from its header alone")
    func hugeDeclaredBulkIsRefusedBeforeReading() throws {
        let decoded = try decode(
            "*2\r\n$3\r\nSET\r\n$999999999999\r\n",
            with: RESPRequestDecoder(),
            feeding: .oneByteAtATime
        )
        #expect(decoded.protocolError?.code == .invalidBulkLength)
        #expect(decoded.protocolError?.description == "invalid bulk length 999999999999: more than 67108864 bytes")
    }

    @Test("a bulk string of exactly maxBulkBytes is accepted, one byte more is refused", arguments: Feeding.allCases)
    func bulkLimit(feeding: Feeding) throws {
        let decoder = RESPRequestDecoder(configuration: .init(maxBulkBytes: 8))
        let accepted = try decode("*1\r\n$8\r\n12345678\r\n", with: decoder, feeding: feeding)
        #expect(accepted.error == nil)
        #expect(accepted.messages == [RESPRequest("12345678")])

        let refused = try decode("*1\r\n$9\r\n", with: decoder, feeding: feeding)
        #expect(refused.protocolError?.code == .invalidBulkLength)
        #expect(refused.protocolError?.description == "invalid bulk length 9: more than 8 bytes")
    }

    @Test("an array of exactly maxArrayCount elements is accepted, one more is refused", arguments: Feeding.allCases)
    func arrayLimit(feeding: Feeding) throws {
        let decoder = RESPRequestDecoder(configuration: .init(maxArrayCount: 3))
        let accepted = try decode("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n", with: decoder, feeding: feeding)
        #expect(accepted.error == nil)
        #expect(accepted.messages == [RESPRequest("a", "b", "c")])

        let refused = try decode("*4\r\n", with: decoder, feeding: feeding)
        #expect(refused.protocolError?.code == .invalidMultibulkLength)
        #expect(refused.protocolError?.description == "invalid multibulk length 4: more than 3 elements")
    }

    @Test("Redis's out-of-range multibulk length is refused under the default limit")
    func defaultArrayLimit() throws {
        let decoded = try decode("*20000000\r\n", with: RESPRequestDecoder())
        #expect(decoded.protocolError?.description == "invalid multibulk length 20000000: more than 1048576 elements")
    }

    @Test("an array declaring a million elements but sending one waits without allocating for the rest")
    func largeDeclaredArrayWaits() throws {
        var decoder = RESPRequestDecoder()
        var buffer = ByteBuffer(string: "*1048576\r\n$4\r\nPING\r\n")
        #expect(try decoder.decode(buffer: &buffer) == nil)
        #expect(buffer.readableBytes == 0)
        #expect(throws: RESPProtocolError.self) { try decoder.decodeLast(buffer: &buffer, seenEOF: true) }
    }

    @Test("an inline line of exactly maxInlineBytes is accepted, with either line ending", arguments: Feeding.allCases)
    func inlineAtLimit(feeding: Feeding) throws {
        let decoder = RESPRequestDecoder(configuration: .init(maxInlineBytes: 16))
        let line = "ECHO 01234567890"  // 16 bytes
        let decoded = try decode(line + "\n" + line + "\r\n", with: decoder, feeding: feeding)
        #expect(decoded.error == nil)
        #expect(decoded.messages == [RESPRequest("ECHO", "01234567890"), RESPRequest("ECHO", "01234567890")])
    }

    @Test(
        "an inline line over maxInlineBytes is refused, even before its end arrives",
        arguments: [
            "ECHO 012345678901\n", "ECHO 012345678901\r\n", "ECHO 012345678901", "ECHO 01234567890\r\r\n",
        ] as [Input]
    )
    func inlineOverLimit(input: Input) throws {
        let decoder = RESPRequestDecoder(configuration: .init(maxInlineBytes: 16))
        for feeding in Feeding.allCases {
            let decoded = try decode(input.bytes, with: decoder, feeding: feeding)
            #expect(decoded.messages.isEmpty)
            #expect(decoded.protocolError?.code == .lineTooLong)
            #expect(decoded.protocolError?.description == "inline request longer than 16 bytes")
        }
    }

    @Test("Redis's protocol desync test: 64 KiB without a newline is refused", arguments: Feeding.allCases)
    func inlineDefaultLimit(feeding: Feeding) throws {
        let input = [UInt8](repeating: UInt8(ascii: "A"), count: 64 * 1024 + 2)
        // One byte per read would be 65538 reads; uneven reads cover the same path.
        let decoded = try decode(
            input,
            with: RESPRequestDecoder(),
            feeding: feeding == .oneByteAtATime ? .unevenReads : feeding
        )
        #expect(decoded.protocolError?.description == "inline request longer than 65536 bytes")
    }

    // MARK: Hostile input

    @Test("random input either decodes or errors, never crashes, and decodes alike however it arrives")
    func randomInput() throws {
        let fragments = [
            "*", "$", "*1\r\n", "*2\r\n", "$3\r\n", "$0\r\n", "$-1\r\n", "*-1\r\n", "\r\n", "\n", "\r", "PING", "foo",
            "\"", "'", "\\", "\\x4", "\\x41", " ", "\t", "0", "1", "3", "-", "99999999999", "+OK", ":1",
        ].map { Array($0.utf8) }
        var generator = SplitMix64(seed: 2024)
        let configuration = RESPDecoderConfiguration(maxInlineBytes: 24, maxBulkBytes: 16, maxArrayCount: 4)
        for _ in 0..<400 {
            var input: [UInt8] = []
            for _ in 0..<Int(generator.next() % 24) {
                if generator.next() % 8 == 0 {
                    input.append(UInt8(truncatingIfNeeded: generator.next()))
                } else {
                    input += fragments[Int(generator.next() % UInt64(fragments.count))]
                }
            }
            let whole = try decode(input, with: RESPRequestDecoder(configuration: configuration), feeding: .whole)
            let uneven = try decode(
                input,
                with: RESPRequestDecoder(configuration: configuration),
                feeding: .unevenReads
            )
            let bytewise = try decode(
                input,
                with: RESPRequestDecoder(configuration: configuration),
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
