/// The reply protocol a connection speaks: RESP2 until a client asks for RESP3 with HELLO.
///
/// Quorum's replies use only what the two share, so RESP3 differs only in how a null and a map
/// are written; a client such as redis-py 8, which asks for RESP3 first, then parses them.
public enum RESPProtocolVersion: Int, Sendable, Hashable {
    case resp2 = 2
    case resp3 = 3
}
