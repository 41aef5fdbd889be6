import NIOCore
import NIOEmbedded
import QuorumProtocol
import Testing

/// How a test hands its input to the channel: the same bytes must decode the same whichever way
/// they arrive.
enum Feeding: Sendable, CaseIterable, CustomTestStringConvertible {
    /// All the bytes in one read.
    case whole
    /// One read per byte, as nio-extras' `LineBasedFrameDecoderTest` does.
    case oneByteAtATime
    /// Reads of 1 to 16 bytes, their sizes drawn from a seeded generator.
    case unevenReads

    static let allCases: [Feeding] = [.whole, .oneByteAtATime, .unevenReads]

    var testDescription: String {
        switch self {
        case .whole: "whole"
        case .oneByteAtATime: "one byte at a time"
        case .unevenReads: "in uneven reads"
        }
    }

    func reads(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        switch self {
        case .whole:
            return [bytes[...]]
        case .oneByteAtATime:
            return bytes.indices.map { bytes[$0...$0] }
        case .unevenReads:
            var generator = SplitMix64(seed: UInt64(bytes.count))
            var reads: [ArraySlice<UInt8>] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + Int(generator.next() % 16))
                reads.append(bytes[start..<end])
                start = end
            }
            return reads
        }
    }
}

/// What a decoder made of some input: the messages, then the error that stopped it, if any.
struct Decoded<Message> {
    var messages: [Message] = []
    var error: (any Error)?

    var protocolError: RESPProtocolError? { self.error as? RESPProtocolError }
}

/// Runs `input` through `decoder` wrapped in a `ByteToMessageHandler` on an `EmbeddedChannel`,
/// then closes the channel (so an unfinished message at the end is reported).
func decode<Decoder: ByteToMessageDecoder>(
    _ input: [UInt8],
    with decoder: Decoder,
    feeding: Feeding = .whole
) throws -> Decoded<Decoder.InboundOut> {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(decoder))
    var decoded = Decoded<Decoder.InboundOut>()
    func drain() throws {
        while let message = try channel.readInbound(as: Decoder.InboundOut.self) {
            decoded.messages.append(message)
        }
    }

    for read in feeding.reads(of: input) {
        do {
            try channel.writeInbound(channel.allocator.buffer(bytes: read))
        } catch {
            decoded.error = error
            break
        }
        try drain()
    }
    // Messages decoded earlier in the read that failed are still waiting.
    try drain()
    if decoded.error == nil {
        do {
            _ = try channel.finish()
        } catch {
            decoded.error = error
        }
    } else {
        _ = try? channel.finish()
    }
    return decoded
}

func decode<Decoder: ByteToMessageDecoder>(
    _ input: String,
    with decoder: Decoder,
    feeding: Feeding = .whole
) throws -> Decoded<Decoder.InboundOut> {
    try decode(Array(input.utf8), with: decoder, feeding: feeding)
}

/// Encodes `value` through a `MessageToByteHandler` on an `EmbeddedChannel`: the bytes a peer
/// would receive.
func encode(_ values: RESPValue...) throws -> [UInt8] {
    let channel = EmbeddedChannel(handler: MessageToByteHandler(RESPValueEncoder()))
    var bytes: [UInt8] = []
    for value in values {
        try channel.writeOutbound(value)
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            bytes += buffer.readBytes(length: buffer.readableBytes)!
        }
    }
    #expect(try channel.finish().isClean)
    return bytes
}

extension ByteBuffer {
    init(_ bytes: [UInt8]) {
        self.init(bytes: bytes)
    }
}

/// A small seeded generator (SplitMix64), so that "random" tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Test input written as a string literal, shown in test names with its control bytes escaped.
struct Input: Sendable, ExpressibleByStringLiteral, CustomTestStringConvertible {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(stringLiteral value: String) {
        self.bytes = Array(value.utf8)
    }

    var testDescription: String { escaped(self.bytes) }
}

/// `bytes` as printable ASCII, with `\r`, `\n`, `\t` and `\xHH` for the rest.
func escaped(_ bytes: [UInt8]) -> String {
    var text = ""
    for byte in bytes {
        switch byte {
        case UInt8(ascii: "\r"): text += "\\r"
        case UInt8(ascii: "\n"): text += "\\n"
        case UInt8(ascii: "\t"): text += "\\t"
        case 0x20...0x7E: text.append(Character(UnicodeScalar(byte)))
        default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }
    }
    return text
}
