import Foundation

/// The one JSON configuration of the wire documents, used by the server to encode and by every
/// client to decode: snake_case keys, sorted, slashes unescaped. `makeEncoder()` is the reference
/// that ``WireJSONEncoder``, which the server uses, is tested against.
public enum WireCoding {
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// A document as the JSON bytes of a reply: what `makeEncoder()` writes, by the faster
    /// ``WireJSONEncoder``.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        try WireJSONEncoder().encode(value)
    }

    /// A reply's JSON text as a document.
    public static func decode<Document: Decodable>(_ type: Document.Type, from text: some DataProtocol) throws -> Document {
        try makeDecoder().decode(type, from: Data(text))
    }
}
