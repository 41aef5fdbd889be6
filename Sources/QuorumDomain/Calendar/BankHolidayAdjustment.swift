/// A change to the England and Wales bank holidays that the rules do not produce: a one-off
/// holiday proclaimed for an occasion, or a regular holiday moved to another date.
///
/// Quorum ships the adjustments since 1978 (``BankHolidays/shippedAdjustments``); a council adds
/// new ones in its configuration, as a proclamation comes, without waiting for a release.
///
/// Encoded, each is an object as the configuration file writes it: `{date, name}` for an added
/// day, `{moved_from, to, name}` for a moved one, dates as `YYYY-MM-DD`.
public enum BankHolidayAdjustment: Hashable, Sendable {
    /// An extra holiday on the date, such as the coronation bank holiday of 8 May 2023.
    case added(LocalDate, name: String)
    /// A holiday moved from its usual date, which becomes a working day, to `to`.
    case moved(from: LocalDate, to: LocalDate, name: String)

    /// The date on which this makes a holiday.
    public var date: LocalDate {
        switch self {
        case .added(let date, _): date
        case .moved(_, let to, _): to
        }
    }

    /// The name of the holiday on ``date``.
    public var name: String {
        switch self {
        case .added(_, let name), .moved(_, _, let name): name
        }
    }
}

extension BankHolidayAdjustment: Codable {
    private enum CodingKeys: String, CodingKey {
        case date, movedFrom = "moved_from", to, name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        if container.contains(.date) {
            self = .added(try container.decode(LocalDate.self, forKey: .date), name: name)
        } else if container.contains(.movedFrom) || container.contains(.to) {
            self = .moved(
                from: try container.decode(LocalDate.self, forKey: .movedFrom),
                to: try container.decode(LocalDate.self, forKey: .to), name: name)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a bank holiday adjustment needs either 'date' (an added day) or 'moved_from' and 'to' (a moved one)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .added(let date, let name):
            try container.encode(date, forKey: .date)
            try container.encode(name, forKey: .name)
        case .moved(let from, let to, let name):
            try container.encode(from, forKey: .movedFrom)
            try container.encode(to, forKey: .to)
            try container.encode(name, forKey: .name)
        }
    }
}
