import QuorumProtocol

/// How the protocol server listens and what it tolerates from clients.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the system for a free port (tests); the bound address is reported back.
    public var port: Int
    public var maxConnections: Int
    /// A connection that sends nothing for this long is closed.
    public var idleTimeoutSeconds: Int64
    public var decoder: RESPDecoderConfiguration

    public init(
        host: String = "127.0.0.1", port: Int = 7878, maxConnections: Int = 256,
        idleTimeoutSeconds: Int64 = 300, decoder: RESPDecoderConfiguration = RESPDecoderConfiguration()
    ) {
        self.host = host
        self.port = port
        self.maxConnections = maxConnections
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.decoder = decoder
    }
}
