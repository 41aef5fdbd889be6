import NIOCore

/// Encodes replies (or, in a client, requests as ``RESPValue/init(_:)``) into RESP2 bytes.
///
/// Each value is written by `ByteBuffer.writeRESPValue(_:)`, which describes the bytes.
///
/// ```swift
/// try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RESPValueEncoder()))
/// ```
///
/// Unlike the decoders it holds no state, so it is `Sendable` and one value may serve every
/// connection.
public struct RESPValueEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = RESPValue

    /// Creates an encoder.
    public init() {}

    /// Appends `data` to `out` in RESP2.
    public func encode(data: RESPValue, out: inout ByteBuffer) {
        out.writeRESPValue(data)
    }
}
