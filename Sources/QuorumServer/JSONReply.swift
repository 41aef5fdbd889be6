import Foundation
import QuorumDomain
import QuorumProtocol

/// JSON documents as bulk-string replies: snake_case keys, sorted, dates as ISO 8601 text.
enum JSONReply {
    static func encode(_ value: some Encodable) throws -> RESPValue {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return .bulk(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// An instant as ISO 8601 with the Europe/London offset of that moment (GMT or BST).
    static func instantText(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let offset = EuropeLondon.offsetSeconds(at: seconds) == 0 ? "+00:00" : "+01:00"
        return "\(EuropeLondon.localDateTime(at: seconds))\(offset)"
    }
}
