import Foundation

/// The one JSON configuration of the wire documents, used by the server to encode and by every
/// client to decode: snake_case keys, sorted, slashes unescaped.
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

    /// A document as the JSON text of a reply.
    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try makeEncoder().encode(value), as: UTF8.self)
    }

    /// A reply's JSON text as a document.
    public static func decode<Document: Decodable>(_ type: Document.Type, from text: some DataProtocol) throws -> Document {
        try makeDecoder().decode(type, from: Data(text))
    }
}
