import Logging
import NIOCore
import NIOPosix
import QuorumProtocol
import ServiceLifecycle

/// The TCP server of the line protocol, run as a `Service`.
///
/// Shaped like NIO's `NIOTCPEchoServer`: one child task per connection in a discarding task
/// group, each connection's failure kept to itself. On graceful shutdown it stops accepting,
/// closes idle connections, and lets a connection in the middle of a request reply first.
public struct ProtocolServer: Service {
    let configuration: ServerConfiguration
    let dispatcher: CommandDispatcher
    let registry: ConnectionRegistry
    let logger: Logger
    let onBound: @Sendable (SocketAddress) -> Void

    /// - Parameter onBound: called once with the bound address (its port when 0 was asked).
    public init(
        configuration: ServerConfiguration, context: ServerContext,
        onBound: @escaping @Sendable (SocketAddress) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.dispatcher = CommandDispatcher(context: context)
        self.registry = context.connections
        self.logger = context.logger
        self.onBound = onBound
    }

    public func run() async throws {
        let decoderConfiguration = configuration.decoder
        let idleTimeout = TimeAmount.seconds(configuration.idleTimeoutSeconds)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ByteToMessageHandler(RESPRequestDecoder(configuration: decoderConfiguration)))
                    try pipeline.addHandler(MessageToByteHandler(RESPReplyEncoder()))
                    try pipeline.addHandler(IdleStateHandler(readTimeout: idleTimeout))
                    try pipeline.addHandler(IdleConnectionCloser())
                    return try NIOAsyncChannel<RESPRequest, RESPReply>(wrappingChannelSynchronously: channel)
                }
            }
        if let address = server.channel.localAddress { onBound(address) }
        logger.info("listening", metadata: ["address": "\(server.channel.localAddress.map { "\($0)" } ?? "?")"])

        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await handle(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            logger.info("shutting down: no new connections; finishing requests in hand")
            server.channel.close(promise: nil)
            registry.shutDown()
        }
    }

    private func handle(_ connection: NIOAsyncChannel<RESPRequest, RESPReply>) async {
        let peer = connection.channel.remoteAddress.map { "\($0)" } ?? "?"
        do {
            try await connection.executeThenClose { inbound, outbound in
                guard let id = registry.open(connection.channel) else {
                    try await outbound.write(RESPReply(.error(code: "ERR", message: "max number of clients reached")))
                    return
                }
                defer { registry.close(id) }
                var session = Session(connectionID: id)
                do {
                    for try await request in inbound {
                        guard registry.beginRequest(id) else { break }
                        let outcome = await dispatcher.dispatch(request, session: session)
                        session = outcome.session
                        try await outbound.write(RESPReply(outcome.reply, version: session.protocolVersion))
                        guard registry.endRequest(id), !outcome.close else { break }
                    }
                } catch let error as RESPProtocolError {
                    // The framing is lost, so the connection cannot go on: say why, then close.
                    try await outbound.write(RESPReply(error.reply, version: session.protocolVersion))
                }
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
    }
}

/// Closes a connection that has sent nothing for the idle timeout, telling it why.
final class IdleConnectionCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = RESPRequest
    typealias InboundOut = RESPRequest
    typealias OutboundOut = RESPReply

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            let reply = RESPReply(.error(code: "ERR", message: "idle timeout: closing the connection"))
            context.writeAndFlush(wrapOutboundOut(reply)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}

@available(*, unavailable)
extension IdleConnectionCloser: Sendable {}
