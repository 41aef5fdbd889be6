import NIOCore
import QuorumProtocol
import QuorumWire

/// Wire documents as bulk-string replies, in the one JSON configuration clients decode with.
enum JSONReply {
    static func encode(_ value: some Encodable) throws -> RESPValue {
        .bulkString(ByteBuffer(bytes: try WireCoding.encode(value)))
    }
}
