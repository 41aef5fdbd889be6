import NIOCore
import NIOEmbedded
import QuorumProtocol
import Testing

@Suite("RESPRequestDecoder: requests as clients send them")
struct RESPRequestDecoderTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let input: [UInt8]
        let requests: [RESPRequest]

        init(_ description: String, _ input: String, _ requests: [RESPRequest]) {
            self.testDescription = description
            self.input = Array(input.utf8)
            self.requests = requests
        }
    }

    static let vectors: [Vector] = [
        Vector(
            "redis-cli sends an array of bulk strings",
            "*2\r\n$4\r\nPING\r\n$2\r\nhi\r\n",
            [RESPRequest("PING", "hi")]
        ),
        Vector(
            "redis-py sends a longer array",
            "*4\r\n$7\r\nMEETING\r\n$3\r\nADD\r\n$3\r\nFIN\r\n$10\r\n2025-03-04\r\n",
            [RESPRequest("MEETING", "ADD", "FIN", "2025-03-04")]
        ),
        Vector(
            "an empty bulk string is an empty argument",
            "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n",
            [RESPRequest("ECHO", "")]
        ),
        Vector("telnet sends an inline line ended by CRLF", "PING\r\n", [RESPRequest("PING")]),
        Vector("nc sends an inline line ended by LF", "PING hello\n", [RESPRequest("PING", "hello")]),
        Vector(
            "an inline line groups double-quoted words",
            "AUTH admin \"tok en\"\r\n",
            [RESPRequest("AUTH", "admin", "tok en")]
        ),
        Vector(
            "empty and blank lines are skipped, as Redis skips them",
            "\r\n\n   \r\n\t\nPING\r\n",
            [RESPRequest("PING")]
        ),
        Vector(
            "arrays of zero or fewer elements are skipped, as Redis skips them",
            "*0\r\n*-1\r\n*-10\r\nPING\r\n",
            [RESPRequest("PING")]
        ),
        Vector(
            "pipelined requests of both forms come out in order",
            "PING\r\n*1\r\n$4\r\nINFO\r\nECHO a\n*2\r\n$4\r\nECHO\r\n$1\r\nb\r\nQUIT\r\n",
            [
                RESPRequest("PING"), RESPRequest("INFO"), RESPRequest("ECHO", "a"), RESPRequest("ECHO", "b"),
                RESPRequest("QUIT"),
            ]
        ),
        Vector(
            "a bulk string may hold CRLF and a fake RESP header",
            "*2\r\n$4\r\nECHO\r\n$13\r\n\r\n*1\r\n$1\r\nx\r\n\r\n",
            [RESPRequest("ECHO", "\r\n*1\r\n$1\r\nx\r\n")]
        ),
        Vector(
            "a line starting with a dollar sign is inline, as in Redis",
            "$3 foo\r\n",
            [RESPRequest("$3", "foo")]
        ),
        Vector("no input gives no request", "", []),
    ]

    @Test("decodes", arguments: vectors, Feeding.allCases)
    func decodes(_ vector: Vector, feeding: Feeding) throws {
        let decoded = try decode(vector.input, with: RESPRequestDecoder(), feeding: feeding)
        #expect(decoded.error == nil)
        #expect(decoded.messages == vector.requests)
    }

    @Test("a bulk string keeps bytes that are not UTF-8, NUL and CRLF included", arguments: Feeding.allCases)
    func bulkStringsAreBinarySafe(feeding: Feeding) throws {
        let payload: [UInt8] = [0xFF, 0xFE, 0x00, 0x0D, 0x0A, 0xC3, 0x28, 0x0A, 0x24]
        let input = Array("*2\r\n$4\r\nECHO\r\n$9\r\n".utf8) + payload + Array("\r\n".utf8)
        let decoded = try decode(input, with: RESPRequestDecoder(), feeding: feeding)
        #expect(decoded.error == nil)
        #expect(decoded.messages == [RESPRequest(arguments: [ByteBuffer(string: "ECHO"), ByteBuffer(payload)])])
    }

    @Test("a thousand requests in one read all come out, in order")
    func manyPipelinedRequestsInOneRead() throws {
        var input = ""
        for index in 0..<1000 {
            input +=
                index.isMultiple(of: 2)
                ? "*2\r\n$4\r\nECHO\r\n$\(String(index).utf8.count)\r\n\(index)\r\n" : "ECHO \(index)\r\n"
        }
        let decoded = try decode(input, with: RESPRequestDecoder())
        #expect(decoded.error == nil)
        #expect(decoded.messages == (0..<1000).map { RESPRequest("ECHO", String($0)) })
    }

    @Test("a bulk string of 1 MiB arrives in reads of every size", arguments: [1, 1000, 65536, 1 << 20])
    func largeBulkString(readSize: Int) throws {
        let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let input =
            Array("*3\r\n$6\r\nIMPORT\r\n$7\r\nactions\r\n$1048576\r\n".utf8) + payload + Array("\r\nPING\r\n".utf8)
        // One byte at a time through a channel would take minutes for a megabyte: drive the
        // decoder directly for that case, through a channel for the others.
        var decoder = RESPRequestDecoder()
        var cumulation = ByteBuffer()
        var requests: [RESPRequest] = []
        var start = 0
        if readSize == 1 {
            // Feed the header and the end byte by byte, the body in one go.
            let headerEnd = input.count - payload.count - 8
            for index in 0..<headerEnd {
                cumulation.writeInteger(input[index])
                while let request = try decoder.decode(buffer: &cumulation) { requests.append(request) }
            }
            start = headerEnd
            cumulation.writeBytes(input[start..<(start + payload.count - 1)])
            #expect(try decoder.decode(buffer: &cumulation) == nil)
            start += payload.count - 1
            for index in start..<input.count {
                cumulation.writeInteger(input[index])
                while let request = try decoder.decode(buffer: &cumulation) { requests.append(request) }
            }
        } else {
            let channel = EmbeddedChannel(handler: ByteToMessageHandler(RESPRequestDecoder()))
            while start < input.count {
                let end = min(input.count, start + readSize)
                try channel.writeInbound(channel.allocator.buffer(bytes: input[start..<end]))
                start = end
                while let request = try channel.readInbound(as: RESPRequest.self) { requests.append(request) }
            }
            #expect(try channel.finish().isClean)
        }
        #expect(
            requests == [
                RESPRequest(arguments: [
                    ByteBuffer(string: "IMPORT"), ByteBuffer(string: "actions"), ByteBuffer(payload),
                ]),
                RESPRequest("PING"),
            ]
        )
    }

    @Test("a channel closed after whole requests closes cleanly", arguments: Feeding.allCases)
    func cleanEndOfInput(feeding: Feeding) throws {
        let decoded = try decode("PING\r\n*1\r\n$4\r\nQUIT\r\n", with: RESPRequestDecoder(), feeding: feeding)
        #expect(decoded.error == nil)
        #expect(decoded.messages == [RESPRequest("PING"), RESPRequest("QUIT")])
    }

    @Test(
        "a channel closed in the middle of a request reports it truncated",
        arguments: ["PING", "*2\r\n$4\r\nECHO\r\n", "*2\r\n$4\r\nECHO\r\n$5\r\nhel", "*1\r\n$4\r\nPING\r"] as [Input]
    )
    func truncatedAtEndOfInput(input: Input) throws {
        let decoded = try decode(
            Array("QUIT\r\n".utf8) + input.bytes,
            with: RESPRequestDecoder(),
            feeding: .oneByteAtATime
        )
        #expect(decoded.messages == [RESPRequest("QUIT")])
        #expect(decoded.protocolError?.code == .truncated)
        #expect(decoded.protocolError?.description == "input ended in the middle of a request")
    }

    @Test("bytes left when the decoder is removed from the pipeline are not an error")
    func removedWithLeftovers() throws {
        let handler = ByteToMessageHandler(RESPRequestDecoder())
        let channel = EmbeddedChannel(handler: handler)
        try channel.writeInbound(ByteBuffer(string: "PING\r\nPI"))
        #expect(try channel.readInbound(as: RESPRequest.self) == RESPRequest("PING"))
        let removed = channel.pipeline.syncOperations.removeHandler(handler)
        channel.embeddedEventLoop.run()
        try removed.wait()
        try channel.throwIfErrorCaught()
        _ = try channel.finish()
    }
}
