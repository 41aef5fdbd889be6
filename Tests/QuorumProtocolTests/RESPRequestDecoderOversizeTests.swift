import NIOCore
import QuorumProtocol
import Testing

/// `next(from:)`: a well-framed request over a size limit is read to its end, dropped, and
/// reported, so the connection stays in step; lost framing still throws.
@Suite("Oversized requests read with next(from:)")
struct RESPRequestDecoderOversizeTests {
    let configuration = RESPDecoderConfiguration(maxInlineBytes: 32, maxBulkBytes: 8, maxArrayCount: 4, maxRequestBytes: 24)

    /// Feeds `input` in the reads `feeding` makes, collecting what `next` returns.
    func read(_ input: String, feeding: Feeding) -> (results: [RESPRequestDecoder.Next], error: RESPProtocolError?) {
        var decoder = RESPRequestDecoder(configuration: configuration)
        var buffer = ByteBuffer()
        var results: [RESPRequestDecoder.Next] = []
        for chunk in feeding.reads(of: Array(input.utf8)) {
            buffer.writeBytes(chunk)
            do {
                while let next = try decoder.next(from: &buffer) {
                    results.append(next)
                }
            } catch {
                return (results, error)
            }
        }
        return (results, nil)
    }

    @Test("a bulk string over the limit is dropped and the next request read", arguments: Feeding.allCases)
    func bulkOverLimit(feeding: Feeding) {
        let (results, error) = read("*3\r\n$6\r\nIMPORT\r\n$7\r\nactions\r\n$20\r\n01234567890123456789\r\nPING\r\n", feeding: feeding)
        #expect(error == nil)
        #expect(results.count == 2)
        guard case .tooLarge(let refusal) = results.first else {
            Issue.record("expected a refusal, got \(results)")
            return
        }
        #expect(refusal.limit == .bulkBytes)
        #expect(refusal.description == "argument 3 of IMPORT is 20 bytes; the limit is 8")
        #expect(refusal.reply == .error(code: "TOOBIG", message: "argument 3 of IMPORT is 20 bytes; the limit is 8"))
        #expect(results.last == .request(RESPRequest("PING")))
    }

    @Test("too many arguments are dropped, every element read", arguments: Feeding.allCases)
    func tooManyArguments(feeding: Feeding) {
        let (results, error) = read("*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n*1\r\n$4\r\nPING\r\n", feeding: feeding)
        #expect(error == nil)
        #expect(results.first == .tooLarge(RESPRequestTooLarge(limit: .arrayCount, command: nil, index: nil, size: 5, maximum: 4)))
        #expect(results.last == .request(RESPRequest("PING")))
    }

    @Test("arguments adding up past maxRequestBytes are dropped", arguments: Feeding.allCases)
    func requestBytes(feeding: Feeding) {
        let (results, error) = read(
            "*4\r\n$4\r\nPING\r\n$8\r\n12345678\r\n$8\r\n12345678\r\n$8\r\n12345678\r\nPING\r\n", feeding: feeding)
        #expect(error == nil)
        guard case .tooLarge(let refusal) = results.first else {
            Issue.record("expected a refusal, got \(results)")
            return
        }
        #expect(refusal.limit == .requestBytes)
        #expect(refusal.command == "PING")
        #expect(results.last == .request(RESPRequest("PING")))
    }

    @Test("a size more than oversizeFactor times its limit is lost framing")
    func absurdSize() {
        let (_, bulkError) = read("*1\r\n$129\r\n", feeding: .whole)
        #expect(bulkError?.code == .invalidBulkLength)
        let (dropped, _) = read("*1\r\n$128\r\n", feeding: .whole)
        #expect(dropped.isEmpty)  // 16 times the limit: waits for the body, to drop it
        let (_, arrayError) = read("*65\r\n", feeding: .whole)
        #expect(arrayError?.code == .invalidMultibulkLength)
    }

    @Test("the decoder says when it is inside a request")
    func insideRequest() throws {
        var decoder = RESPRequestDecoder(configuration: configuration)
        var buffer = ByteBuffer(string: "*2\r\n$4\r\nPING\r\n")
        #expect(try decoder.next(from: &buffer) == nil)
        #expect(decoder.isInsideRequest)
        buffer.writeString("$20\r\n0123")
        #expect(try decoder.next(from: &buffer) == nil)
        #expect(decoder.isInsideRequest)
        buffer.writeString("4567890123456789\r\n")
        #expect(try decoder.next(from: &buffer) != nil)
        #expect(!decoder.isInsideRequest)
    }

    @Test("decode(buffer:), for ByteToMessageHandler, still refuses at the header")
    func strictPath() throws {
        let decoded = try decode("*1\r\n$9\r\n", with: RESPRequestDecoder(configuration: configuration))
        #expect(decoded.protocolError?.description == "invalid bulk length 9: more than 8 bytes")
    }
}
