import NIOCore
import QuorumProtocol
import Testing

@Suite("RESPRequestDecoder: bare PINGs known by their bytes")
struct RESPRequestDecoderBarePingTests {
    @Test(
        "the array and the inline forms, in any case, are taken whole",
        arguments: ["*1\r\n$4\r\nPING\r\n", "*1\r\n$4\r\nping\r\n", "PING\r\n", "PiNg\r\n"])
    func takesBarePing(frame: String) {
        let decoder = RESPRequestDecoder()
        var buffer = ByteBuffer(string: frame + "*1\r\n$4\r\nINFO\r\n")
        #expect(decoder.takeBarePings(from: &buffer, atMost: 10) == 1)
        #expect(String(buffer: buffer) == "*1\r\n$4\r\nINFO\r\n", "only the PING is consumed")
        #expect(decoder.takeBarePings(from: &buffer, atMost: 10) == 0)
    }

    @Test("a run of both forms is taken up to the limit, and no further")
    func takesARunUpToTheLimit() {
        let decoder = RESPRequestDecoder()
        let run = "PING\r\n*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPING\r\nping\r\n"
        var buffer = ByteBuffer(string: run + "PING\r\nPING hi\r\n")
        #expect(decoder.takeBarePings(from: &buffer, atMost: 4) == 4)
        #expect(String(buffer: buffer) == "PING\r\nPING hi\r\n")
        #expect(decoder.takeBarePings(from: &buffer, atMost: 4) == 1)
        #expect(String(buffer: buffer) == "PING hi\r\n")
    }

    @Test(
        "anything else is left for next(from:), unchanged",
        arguments: [
            ("*1\r\n$4\r\nPING\r", false), ("PING\r", false), ("", false), ("PING\n", true), ("PING \r\n", true),
            (" PING\r\n", true), ("PING hi\r\n", true), ("*2\r\n$4\r\nPING\r\n$2\r\nhi\r\n", true),
            ("*1\r\n$4\r\nPONG\r\n", true), ("*1\r\n$5\r\nPINGS\r\n", true), ("PINGS\r\n", true),
        ])
    func leavesOtherInput(input: String, isWholeRequest: Bool) throws {
        var decoder = RESPRequestDecoder()
        var buffer = ByteBuffer(string: input)
        #expect(decoder.takeBarePings(from: &buffer, atMost: 10) == 0)
        #expect(String(buffer: buffer) == input)
        // And it decodes as it always did.
        #expect(try (decoder.next(from: &buffer) != nil) == isWholeRequest)
    }

    @Test("inside an array being read, a PING's bytes are its next element, not a request")
    func notInsideARequest() throws {
        var decoder = RESPRequestDecoder()
        var buffer = ByteBuffer(string: "*3\r\n$4\r\nECHO\r\n")
        #expect(try decoder.next(from: &buffer) == nil)
        #expect(decoder.isInsideRequest)
        buffer.writeString("*1\r\n$4\r\nPING\r\n")
        #expect(decoder.takeBarePings(from: &buffer, atMost: 10) == 0)
        #expect(throws: RESPProtocolError.self) { try decoder.next(from: &buffer) }
    }
}
