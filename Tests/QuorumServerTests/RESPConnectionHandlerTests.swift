import Foundation
import Logging
import QuorumApplication
import QuorumScheduler
import NIOCore
import NIOEmbedded
import QuorumDomain
import QuorumProtocol
import QuorumStorage
import Testing

@testable import QuorumServer

@Suite("The connection handler: batched replies, TOOBIG in step, protocol errors close")
struct RESPConnectionHandlerTests {
    static func makeChannel(
        _ configuration: ServerConfiguration = ServerConfiguration()
    ) async throws -> (NIOAsyncTestingChannel, ConnectionRegistry) {
        let database = try AppDatabase.makeInMemory()
        let registry = ConnectionRegistry(maxConnections: 4)
        let application = try makeTestApplication(database: database)
        let context = ServerContext(
            application: application, connections: registry, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let channel = NIOAsyncTestingChannel()
        let handler = RESPConnectionHandler(
            configuration: configuration, dispatcher: CommandDispatcher(context: context), registry: registry, logger: context.logger)
        try await channel.pipeline.addHandler(handler)
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7878))
        return (channel, registry)
    }

    static func text(_ buffer: ByteBuffer) -> String {
        String(decoding: buffer.readableBytesView, as: UTF8.self)
    }

    @Test("the replies to requests that arrive together leave in one write")
    func pipelinedRepliesLeaveInOneWrite() async throws {
        let (channel, registry) = try await Self.makeChannel()
        #expect(registry.count == 1)
        try await channel.writeInbound(ByteBuffer(string: "PING a\r\n*2\r\n$4\r\nPING\r\n$1\r\nb\r\nPING c\r\nPI"))
        let first = try await channel.waitForOutboundWrite(as: ByteBuffer.self)
        #expect(Self.text(first) == "$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n")
        #expect(try await channel.readOutbound(as: ByteBuffer.self) == nil)
        // The rest of the unfinished request completes it.
        try await channel.writeInbound(ByteBuffer(string: "NG\r\n"))
        #expect(Self.text(try await channel.waitForOutboundWrite(as: ByteBuffer.self)) == "+PONG\r\n")
        _ = try? await channel.finish()
    }

    @Test("a request too large is answered TOOBIG and the next one in step")
    func tooLargeStaysInStep() async throws {
        var configuration = ServerConfiguration()
        configuration.decoder.maxBulkBytes = 4
        let (channel, _) = try await Self.makeChannel(configuration)
        try await channel.writeInbound(ByteBuffer(string: "*2\r\n$4\r\nPING\r\n$10\r\n0123"))
        try await channel.writeInbound(ByteBuffer(string: "456789\r\nPING\r\n"))
        var replies = ""
        while !replies.hasSuffix("+PONG\r\n") {
            replies += Self.text(try await channel.waitForOutboundWrite(as: ByteBuffer.self))
        }
        #expect(replies == "-TOOBIG argument 2 of PING is 10 bytes; the limit is 4\r\n+PONG\r\n")
        #expect(channel.isActive)
        _ = try? await channel.finish()
    }

    @Test("lost framing is answered after the replies before it, then the connection closes")
    func protocolErrorCloses() async throws {
        let (channel, _) = try await Self.makeChannel()
        try await channel.writeInbound(ByteBuffer(string: "PING\r\n*1\r\n$x\r\nPING\r\n"))
        let reply = Self.text(try await channel.waitForOutboundWrite(as: ByteBuffer.self))
        #expect(reply == "+PONG\r\n-ERR Protocol error: invalid bulk length\r\n")
        // The output side is shut at once; the channel closes after the linger time at most.
        await channel.testingEventLoop.advanceTime(by: RESPConnectionHandler.lingerTime + .seconds(1))
        try await channel.closeFuture.get()
        #expect(!channel.isActive)
    }

    @Test("with the queue bounded at two, ten pipelined requests are all answered, in order")
    func boundedQueueResumes() async throws {
        var configuration = ServerConfiguration()
        configuration.maxPipelinedRequests = 2
        let (channel, _) = try await Self.makeChannel(configuration)
        // Ten requests in one read: two are queued, eight wait undecoded until there is room.
        try await channel.writeInbound(ByteBuffer(string: (1...10).map { "PING \($0)\r\n" }.joined()))
        var replies = ""
        let expected = (1...10).map { "$\(String($0).count)\r\n\($0)\r\n" }.joined()
        while replies.count < expected.count {
            replies += Self.text(try await channel.waitForOutboundWrite(as: ByteBuffer.self))
        }
        #expect(replies == expected)
        _ = try? await channel.finish()
    }

    @Test("requests answered on the event loop and those that need the store leave in order, in one write")
    func immediateAndDispatchedRepliesKeepTheirOrder() async throws {
        let (channel, _) = try await Self.makeChannel()
        try await channel.writeInbound(ByteBuffer(string: "PING one\r\nBOARD LIST\r\nPING two\r\nFROB\r\nPING three\r\n"))
        let reply = Self.text(try await channel.waitForOutboundWrite(as: ByteBuffer.self))
        #expect(reply.hasPrefix("$3\r\none\r\n$2\r\n[]\r\n$3\r\ntwo\r\n-ERR unknown command 'FROB'"), "\(reply)")
        #expect(reply.hasSuffix("$5\r\nthree\r\n"))
        #expect(try await channel.readOutbound(as: ByteBuffer.self) == nil)
        _ = try? await channel.finish()
    }

    @Test("bare PINGs are answered as they are decoded, in order with the requests around them")
    func barePingsKeepTheirOrder() async throws {
        let (channel, _) = try await Self.makeChannel()
        try await channel.writeInbound(ByteBuffer(string: "PING\r\n*1\r\n$4\r\nPING\r\nPING one\r\nFROB\r\nping\r\nPING\r\n"))
        let reply = Self.text(try await channel.waitForOutboundWrite(as: ByteBuffer.self))
        #expect(reply == "+PONG\r\n+PONG\r\n$3\r\none\r\n-ERR unknown command 'FROB'; try HELP\r\n+PONG\r\n+PONG\r\n", "\(reply)")
        #expect(try await channel.readOutbound(as: ByteBuffer.self) == nil, "in one write")
        _ = try? await channel.finish()
    }

    @Test("a bare PING read while a batch runs is answered after that batch's replies")
    func barePingWaitsForTheBatchRunning() async throws {
        let (channel, _) = try await Self.makeChannel()
        // The fourth failed sign-in is answered a quarter of a second late, so the PING that
        // follows in its own read arrives while that batch is still running.
        let failures = ServerConfiguration.authFailuresBeforeDelay + 1
        try await channel.writeInbound(ByteBuffer(string: String(repeating: "AUTH admin wrong\r\n", count: failures)))
        try await channel.writeInbound(ByteBuffer(string: "PING\r\n"))
        var replies = ""
        while !replies.hasSuffix("+PONG\r\n") {
            replies += Self.text(try await channel.waitForOutboundWrite(as: ByteBuffer.self))
        }
        #expect(replies.components(separatedBy: "-WRONGPASS").count - 1 == failures, "\(replies)")
        #expect(!replies.hasPrefix("+PONG"))
        _ = try? await channel.finish()
    }
}
