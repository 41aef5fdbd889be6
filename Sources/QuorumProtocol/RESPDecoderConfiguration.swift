/// The limits that ``RESPRequestDecoder`` and ``RESPValueDecoder`` enforce on their input.
///
/// Each limit is checked as soon as the bytes that break it are seen, before anything is
/// allocated for them: a declared `$999999999999` bulk string is refused from its header, and an
/// inline line is refused once it is longer than ``maxInlineBytes`` even if its end has not
/// arrived. Breaking a limit throws a ``RESPProtocolError``, except where
/// ``RESPRequestDecoder/next(from:)`` can read a well-framed request to its end without keeping
/// it and returns a ``RESPRequestTooLarge`` instead.
///
/// ```swift
/// var configuration = RESPDecoderConfiguration()
/// configuration.maxBulkBytes = 16 << 20
/// let decoder = RESPRequestDecoder(configuration: configuration)
/// ```
public struct RESPDecoderConfiguration: Sendable, Hashable {
    /// The longest inline request line, or simple string and error reply line, in bytes, not
    /// counting its line ending. Default 64 KiB, as Redis's `PROTO_INLINE_MAX_SIZE`.
    public var maxInlineBytes: Int

    /// The longest bulk string, in bytes. Default 64 MiB.
    public var maxBulkBytes: Int

    /// The most elements one array may declare. Default 1 048 576.
    public var maxArrayCount: Int

    /// The most bytes the arguments of one request may add up to (their bodies, not their
    /// framing). Default 128 MiB; never less than ``maxBulkBytes`` in effect.
    ///
    /// Without it a request of a million arguments of ``maxBulkBytes`` each would be held in
    /// memory whole before it could be refused.
    public var maxRequestBytes: Int

    /// How deeply arrays may nest in a reply (``RESPValueDecoder`` only: requests are flat).
    /// Default 64.
    ///
    /// Without it a peer could send `*1\r\n` a million times and the client would build a value
    /// so deep that releasing it overflows the stack.
    public var maxNestingDepth: Int

    /// Creates a configuration; every limit has a working default.
    ///
    /// - Parameters:
    ///   - maxInlineBytes: The longest inline line, in bytes.
    ///   - maxBulkBytes: The longest bulk string, in bytes.
    ///   - maxArrayCount: The most elements in one array.
    ///   - maxRequestBytes: The most bytes of arguments in one request.
    ///   - maxNestingDepth: The deepest nesting of arrays in a reply.
    public init(
        maxInlineBytes: Int = 64 * 1024,
        maxBulkBytes: Int = 64 * 1024 * 1024,
        maxArrayCount: Int = 1_048_576,
        maxRequestBytes: Int = 128 * 1024 * 1024,
        maxNestingDepth: Int = 64
    ) {
        self.maxInlineBytes = maxInlineBytes
        self.maxBulkBytes = maxBulkBytes
        self.maxArrayCount = maxArrayCount
        self.maxRequestBytes = maxRequestBytes
        self.maxNestingDepth = maxNestingDepth
    }
}
