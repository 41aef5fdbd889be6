import NIOCore
import NIOPosix
import QuorumProtocol

/// One connection to `quorumd`: requests out as RESP arrays, replies in as RESP values.
struct QuorumConnection {
    private let outbound: NIOAsyncChannelOutboundWriter<RESPValue>
    private var replies: NIOAsyncChannelInboundStream<RESPValue>.AsyncIterator

    /// Connects, signs in when a token is given, runs `body`, and closes.
    static func with<Result: Sendable>(
        _ endpoint: Endpoint, body: (inout QuorumConnection) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .connect(host: endpoint.host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RESPValueDecoder(configuration: .init())))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RESPValueEncoder()))
                    return try NIOAsyncChannel<RESPValue, RESPValue>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = QuorumConnection(outbound: outbound, replies: inbound.makeAsyncIterator())
            if let token = endpoint.token {
                let reply = try await connection.call(["AUTH", endpoint.user, token])
                if case .error(let code, let message) = reply {
                    throw ClientError(message: "sign-in as \(endpoint.user) failed: \(code) \(message)")
                }
            }
            return try await body(&connection)
        }
    }

    /// Sends one command and waits for its reply.
    mutating func call(_ words: [String]) async throws -> RESPValue {
        try await outbound.write(.array(words.map { .bulk($0) }))
        guard let reply = try await replies.next() else {
            throw ClientError(message: "the server closed the connection")
        }
        return reply
    }
}

/// Where the server is and who to sign in as.
struct Endpoint: Sendable {
    var host: String
    var port: Int
    var user: String
    var token: String?
}

struct ClientError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
