import NIOCore

/// A reply on its way out, with the protocol version of the connection it is for.
public struct RESPReply: Sendable, Hashable {
    public var value: RESPValue
    public var version: RESPProtocolVersion

    public init(_ value: RESPValue, version: RESPProtocolVersion = .resp2) {
        self.value = value
        self.version = version
    }
}

/// Writes server replies in the connection's protocol version.
public struct RESPReplyEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = RESPReply

    public init() {}

    public func encode(data: RESPReply, out: inout ByteBuffer) {
        out.writeRESPValue(data.value, version: data.version)
    }
}
