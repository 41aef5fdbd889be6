#if canImport(Glibc)
import Glibc
#endif
import Logging
import NIOCore
import NIOPosix
import QuorumProtocol
import ServiceLifecycle

/// The TCP server of the line protocol, run as a `Service`.
///
/// Each connection is a channel whose ``RESPConnectionHandler`` decodes, runs and answers its
/// requests; one connection's failure stays with it. On graceful shutdown the server stops
/// accepting, closes idle connections, lets a connection in the middle of a request reply
/// first, and returns once every connection has closed.
public struct ProtocolServer: Service {
    /// Which of the server's listeners an address is for.
    public enum Listener: Sendable, Hashable {
        case plain
        case tls
    }

    let configuration: ServerConfiguration
    let dispatcher: CommandDispatcher
    let registry: ConnectionRegistry
    let logger: Logger
    let onBound: @Sendable (SocketAddress, Listener) -> Void

    /// - Parameter onBound: called once per listener with its bound address (its port when 0
    ///   was asked).
    public init(
        configuration: ServerConfiguration, context: ServerContext,
        onBound: @escaping @Sendable (SocketAddress, Listener) -> Void = { _, _ in }
    ) {
        self.configuration = configuration
        self.dispatcher = CommandDispatcher(context: context)
        self.registry = context.connections
        self.logger = context.logger
        self.onBound = onBound
    }

    public func run() async throws {
        var tls: (@Sendable () -> any ChannelHandler)?
        var listeners: [(Listener, String, Int)] = []
        if let settings = configuration.tls {
            tls = try TLSServerContext.makeHandlerFactory(settings)
            if settings.hasOwnAddress {
                // TLS first, so the main address is reported last, once everything listens.
                listeners.append((.tls, settings.host ?? configuration.host, settings.port ?? 0))
                listeners.append((.plain, configuration.host, configuration.port))
            } else {
                listeners.append((.tls, configuration.host, configuration.port))
            }
        } else {
            listeners.append((.plain, configuration.host, configuration.port))
        }

        var channels: [any Channel] = []
        do {
            for (kind, host, port) in listeners {
                let channel: any Channel
                do {
                    channel = try await bind(host: host, port: port, tls: kind == .tls ? tls : nil)
                } catch let error as IOError {
                    throw ListenError(host: host, port: port, errno: error.errnoCode)
                }
                channels.append(channel)
                if let address = channel.localAddress { onBound(address, kind) }
                logger.info(
                    "listening",
                    metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")", "tls": "\(kind == .tls)"])
            }
        } catch {
            for channel in channels { try? await channel.close() }
            throw error
        }

        let registry = self.registry
        let logger = self.logger
        let listening = channels
        // A graceful shutdown lets requests in hand finish. Cancellation (another service of the
        // group failed, so the daemon is stopping) closes everything at once: waiting on the
        // listeners' close would otherwise wait for ever, and the group with it.
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                for channel in listening {
                    try await channel.closeFuture.get()
                }
                await registry.waitUntilEmpty(timeout: .seconds(600))
            } onGracefulShutdown: {
                logger.info("shutting down: no new connections; finishing requests in hand")
                for channel in listening { channel.close(promise: nil) }
                registry.shutDown()
            }
        } onCancel: {
            for channel in listening { channel.close(promise: nil) }
            registry.closeAll()
        }
    }

    /// The address could not be listened on: in use, not this machine's, or a port that needs
    /// privileges.
    public struct ListenError: Error, CustomStringConvertible {
        public let host: String
        public let port: Int
        public let errno: CInt

        public var description: String {
            let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            return "the protocol server cannot listen on \(address): \(String(cString: strerror(errno)))"
        }
    }

    private func bind(host: String, port: Int, tls: (@Sendable () -> any ChannelHandler)?) async throws -> any Channel {
        let configuration = self.configuration
        let dispatcher = self.dispatcher
        let registry = self.registry
        let logger = self.logger
        let pending = max(2, configuration.maxPendingReplyBytes)
        return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: pending / 2, high: pending))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls {
                        try pipeline.addHandler(tls())
                    }
                    try pipeline.addHandler(
                        RESPConnectionHandler(
                            configuration: configuration, dispatcher: dispatcher, registry: registry, logger: logger))
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}
