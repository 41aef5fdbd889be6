import NIOCore
import QuorumProtocol

/// How the protocol server listens and what it tolerates from clients.
///
/// Every default is defined here, once; `quorumd` starts from `ServerConfiguration()` and
/// replaces only what its configuration file or flags set (`limits:`, `tls:`, `listen:`).
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the system for a free port (tests); the bound address is reported back.
    public var port: Int
    /// The most connections open at once. Default 10,000, lowered at start-up to fit the
    /// process's open-file limit (``OpenFileLimit``).
    public var maxConnections: Int
    /// A connection that sends nothing for this long is told so and closed.
    public var idleTimeoutSeconds: Int64
    /// A request whose first byte has arrived must be complete within this long, or the
    /// connection is told so and closed: a client cannot hold a slot by trickling bytes.
    public var requestTimeoutSeconds: Int64
    /// The most requests read from one connection and waiting for their turn; beyond it the
    /// server stops reading that connection until it has answered some.
    public var maxPipelinedRequests: Int
    /// The most reply bytes waiting for one client to read them; beyond it the server stops
    /// reading (and answering) that connection until the client catches up.
    public var maxPendingReplyBytes: Int
    /// Line, bulk, argument-count and request-size limits.
    public var decoder: RESPDecoderConfiguration
    /// TLS for the protocol; nil serves plain TCP only.
    public var tls: TLS?
    /// The event loops (threads) that carry the network's I/O; `quorumd` sizes NIO's shared
    /// group, which the portal uses too, with it. Default ``defaultEventLoopThreads``.
    public var eventLoopThreads: Int

    /// Half the cores, at least one. Whatever a loop does not answer itself (a command that reads
    /// the database, a render, a PDF) runs on Swift's cooperative pool and SQLite's threads, which
    /// want the other half; with more loops than that the loops preempt one another and the
    /// work they hand on (on 2 cores, two loops answered pipelined PINGs a fifth slower than one).
    public static var defaultEventLoopThreads: Int { max(1, System.coreCount / 2) }

    /// TLS with a certificate and key from PEM files; TLS 1.2 and 1.3 only.
    public struct TLS: Sendable, Hashable {
        public var certificatePath: String
        public var keyPath: String
        /// Where TLS listens. Nil: in place of plain TCP, on the server's own address.
        public var host: String?
        public var port: Int?

        public init(certificatePath: String, keyPath: String, host: String? = nil, port: Int? = nil) {
            self.certificatePath = certificatePath
            self.keyPath = keyPath
            self.host = host
            self.port = port
        }

        /// Whether TLS has its own address, next to plain TCP.
        public var hasOwnAddress: Bool { self.port != nil }
    }

    public init(
        host: String = "127.0.0.1", port: Int = 7878, maxConnections: Int = 10_000,
        idleTimeoutSeconds: Int64 = 300, requestTimeoutSeconds: Int64 = 60, maxPipelinedRequests: Int = 1_024,
        maxPendingReplyBytes: Int = 1 << 20,
        decoder: RESPDecoderConfiguration = RESPDecoderConfiguration(), tls: TLS? = nil,
        eventLoopThreads: Int = ServerConfiguration.defaultEventLoopThreads
    ) {
        self.host = host
        self.port = port
        self.maxConnections = maxConnections
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.maxPipelinedRequests = maxPipelinedRequests
        self.maxPendingReplyBytes = maxPendingReplyBytes
        self.decoder = decoder
        self.tls = tls
        self.eventLoopThreads = eventLoopThreads
    }

    /// Failed sign-ins (`-WRONGPASS`) one connection may have before each further answer is
    /// delayed, doubling from ``authFailureDelay`` up to two seconds.
    static let authFailuresBeforeDelay = 3
    static let authFailureDelay = Duration.milliseconds(250)
    /// Failed sign-ins after which the connection is refused and closed.
    static let maxAuthFailures = 10

    /// Replies of one batch of pipelined requests are written together; a batch holds at most
    /// this many, so a batch's replies stay bounded even when each is large.
    static let maxBatch = 128
}
