/// How often a lead must post an update on an action ("service leads … are required to update
/// and review the priorities at a required frequency"), whatever its review date.
///
/// Written `weekly`, `fortnightly`, `monthly`, `quarterly`, or `every N days|weeks|months`.
public enum UpdateFrequency: Hashable, Sendable, Codable, CustomStringConvertible {
    case days(Int)
    case months(Int)

    /// - Throws: ``MeetingRecordError`` for the `update_frequency` field.
    public init(parsing text: String) throws(MeetingRecordError) {
        let words = text.trimmingWhitespace().lowercased().split(whereSeparator: \.isWhitespace)
        let forms = "write weekly, fortnightly, monthly, quarterly or every N days, weeks or months"
        switch words.joined(separator: " ") {
        case "weekly": self = .days(7)
        case "fortnightly": self = .days(14)
        case "monthly": self = .months(1)
        case "quarterly": self = .months(3)
        default:
            guard words.count == 3, words[0] == "every", words[1].count <= 3, words[1].allSatisfy(\.isASCIIDigit),
                let count = Int(words[1]), count >= 1
            else { throw MeetingRecordError(field: "update_frequency", value: text, reason: forms) }
            switch words[2] {
            case "day", "days": self = .days(count)
            case "week", "weeks": self = .days(7 * count)
            case "month", "months": self = .months(count)
            default: throw MeetingRecordError(field: "update_frequency", value: text, reason: forms)
            }
        }
    }

    /// The day the next update is due after one on `date`: a month after 31 January is 28 (or
    /// 29) February.
    public func nextDue(after date: LocalDate) -> LocalDate {
        switch self {
        case .days(let days): date.adding(days: days)
        case .months(let months): date.adding(months: months)
        }
    }

    /// `weekly`, `monthly`, `every 10 days`: a form ``init(parsing:)`` reads back.
    public var description: String {
        switch self {
        case .days(7): "weekly"
        case .days(14): "fortnightly"
        case .months(1): "monthly"
        case .months(3): "quarterly"
        case .days(let days): days % 7 == 0 ? "every \(days / 7) weeks" : "every \(days) days"
        case .months(let months): "every \(months) months"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try UpdateFrequency(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
