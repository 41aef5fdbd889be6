/// A wall-clock date and time with no zone, to the second: what a clock in London shows.
///
/// Turning it into an instant needs the zone's rules, which ``EuropeLondon`` supplies.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public let date: LocalDate
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Creates a date-time, or `nil` when the hour, minute or second is out of range.
    public init?(date: LocalDate, hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The given date at a time of day, on the minute.
    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.hour = time.hour
        self.minute = time.minute
        self.second = 0
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DDTHH:MM`.
    public init?(iso text: some StringProtocol) {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let date = LocalDate(iso: halves[0]) else { return nil }
        let fields = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3,
            fields.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let numbers = fields.map { Int($0)! }
        self.init(date: date, hour: numbers[0], minute: numbers[1], second: numbers.count == 3 ? numbers[2] : 0)
    }

    /// The time of day, to the minute.
    public var time: LocalTime { LocalTime(hour: hour, minute: minute)! }

    /// Seconds since the start of the day on the wall clock.
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// Seconds since 1970-01-01T00:00:00 of this wall time read as if it were UTC.
    var secondsReadAsUTC: Int64 { Int64(date.dayNumber) * 86_400 + Int64(secondsSinceMidnight) }

    /// The wall time that UTC shows `seconds` after the epoch.
    init(secondsReadAsUTC seconds: Int64) {
        let days = Int(seconds).floorDiv(86_400)
        let rest = Int(seconds).floorMod(86_400)
        self.date = LocalDate(dayNumber: days)
        self.hour = rest / 3600
        self.minute = rest % 3600 / 60
        self.second = rest % 60
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.secondsSinceMidnight) < (rhs.date, rhs.secondsSinceMidnight)
    }
}

extension LocalDateTime: CustomStringConvertible, LosslessStringConvertible {
    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        let h = String(hour).leftPadded(to: 2)
        let m = String(minute).leftPadded(to: 2)
        let s = String(second).leftPadded(to: 2)
        return "\(date)T\(h):\(m):\(s)"
    }

    /// Parses the forms ``init(iso:)`` accepts.
    public init?(_ description: String) {
        self.init(iso: description)
    }
}

extension LocalDateTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalDateTime(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date-time of the form YYYY-MM-DDTHH:MM:SS")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
