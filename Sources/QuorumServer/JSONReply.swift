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

    /// An instant as ISO 8601 with the Europe/London offset of that moment.
    static func instantText(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let local = EuropeLondon.localDateTime(at: seconds)
        let offset = EuropeLondon.offsetSeconds(at: seconds)
        let sign = offset >= 0 ? "+" : "-"
        let hours = String(abs(offset) / 3600).leftPadded(2)
        let minutes = String(abs(offset) % 3600 / 60).leftPadded(2)
        return "\(local.date)T\(String(local.hour).leftPadded(2)):\(String(local.minute).leftPadded(2)):\(String(local.second).leftPadded(2))\(sign)\(hours):\(minutes)"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
