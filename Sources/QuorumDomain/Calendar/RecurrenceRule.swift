/// An RFC 5545 recurrence rule (RRULE), in the subset a date-only meeting calendar needs.
///
/// Supported parts: `FREQ` (`WEEKLY`, `MONTHLY` or `YEARLY`), `INTERVAL`, `BYDAY` (with
/// ordinals in monthly and yearly rules: `2TU` is the second Tuesday, `-1WE` the last
/// Wednesday), `BYMONTH`, `BYMONTHDAY` (negative days count back from the month's end),
/// `BYSETPOS`, `COUNT`, `UNTIL` and `WKST`. Finer frequencies and the parts that only make sense
/// with them (`BYHOUR`, `BYWEEKNO`, …) are refused, as is a rule with both `COUNT` and `UNTIL`.
///
/// Occurrences follow python-dateutil's reading of RFC 5545: they are the dates on or after the
/// start (DTSTART) that the rule matches, so the start itself counts only when it matches, and
/// `COUNT` counts from the start. Parts the rule leaves out come from the start: a weekly rule
/// without `BYDAY` falls on the start's weekday, a monthly one without `BYDAY` or `BYMONTHDAY` on
/// the start's day of the month, a yearly one on the start's day and month. In a yearly rule with
/// `BYMONTH`, `BYDAY` ordinals count within each month (`BYMONTH=3;BYDAY=2WE` is the second
/// Wednesday of March); without it, within the year. Dates that do not exist (the 31st of a
/// 30-day month) are skipped, not moved.
///
/// The text and the value correspond one to one: parsing accepts parts in any order, any
/// case, spaces around them and an `RRULE:` prefix; ``description`` gives the canonical text
/// (upper case, parts in a fixed order, lists sorted, defaults such as `INTERVAL=1` left out),
/// which is also how the rule is encoded.
///
/// ```swift
/// let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU")
/// rule.occurrences(startingOn: LocalDate(year: 2017, month: 9, day: 1)!,
///                  through: LocalDate(year: 2017, month: 12, day: 31)!)
/// // 2017-09-12, 2017-10-10, 2017-11-14, 2017-12-12
/// ```
public struct RecurrenceRule: Hashable, Sendable {
    /// How often the rule's period repeats.
    public enum Frequency: String, Hashable, Sendable, CaseIterable {
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// One `BYDAY` entry: a weekday, every one of them or only the nth (from the end when
    /// negative) in the month or year.
    public struct WeekdayOccurrence: Hashable, Sendable, CustomStringConvertible {
        public let weekday: Weekday
        /// 2 for the second, -1 for the last; nil for every such weekday.
        public let ordinal: Int?

        /// Every `weekday`, or with `ordinal` only the nth (from the end when negative).
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// `2TU`, `-1WE`, `MO`.
        public var description: String { (ordinal.map { String($0) } ?? "") + weekday.icalendarCode }
    }

    /// The `UNTIL` bound of a rule.
    public enum Until: Hashable, Sendable {
        /// `UNTIL=YYYYMMDD`: the last date that may occur.
        case date(LocalDate)
        /// `UNTIL=YYYYMMDDTHHMMSSZ`: an instant, in seconds since 1970-01-01T00:00:00Z.
        case instant(unixSeconds: Int64)

        /// The last date that may occur. A date occurs at its start, midnight in London, so an
        /// instant bounds the dates up to and including its own London date.
        public var lastDate: LocalDate {
            switch self {
            case .date(let date): date
            case .instant(let seconds): EuropeLondon.localDateTime(at: seconds).date
            }
        }

        /// `20171231` or `20171231T230000Z`.
        var text: String {
            switch self {
            case .date(let date):
                return Self.compact(date)
            case .instant(let seconds):
                let utc = LocalDateTime(secondsReadAsUTC: seconds)
                let time = [utc.hour, utc.minute, utc.second].map { String($0).leftPadded(to: 2) }.joined()
                return "\(Self.compact(utc.date))T\(time)Z"
            }
        }

        private static func compact(_ date: LocalDate) -> String {
            String(date.year).leftPadded(to: 4) + String(date.month).leftPadded(to: 2) + String(date.day).leftPadded(to: 2)
        }
    }

    /// The largest `INTERVAL` accepted: far beyond any meeting calendar, and small enough that
    /// period arithmetic cannot overflow.
    public static let maximumInterval = 1000

    /// Whether the rule repeats by week, month or year (`FREQ`).
    public let frequency: Frequency
    /// Periods between occurrences' periods: 2 with `MONTHLY` is every other month.
    public let interval: Int
    /// How many occurrences there are, counted from the start; nil for no limit.
    public let count: Int?
    /// The last date or instant that may occur; nil for no such bound.
    public let until: Until?
    /// Months 1 to 12, sorted.
    public let byMonth: [Int]
    /// Days 1 to 31 or -1 to -31, sorted (positive ones first).
    public let byMonthDay: [Int]
    /// Weekdays, sorted Monday first.
    public let byDay: [WeekdayOccurrence]
    /// Positions 1 to 366 or -1 to -366 within each period's set, sorted (positive ones first).
    public let bySetPosition: [Int]
    /// The first day of the week (`WKST`); it decides which weeks a weekly rule with an
    /// `INTERVAL` above 1 and several `BYDAY` days falls in.
    public let weekStart: Weekday

    /// Creates a rule from its parts, checking them as ``init(parsing:)`` does.
    ///
    /// - Throws: ``RecurrenceRuleError`` naming the part that is out of range or not allowed.
    public init(
        frequency: Frequency, interval: Int = 1, count: Int? = nil, until: Until? = nil,
        byMonth: [Int] = [], byMonthDay: [Int] = [], byDay: [WeekdayOccurrence] = [],
        bySetPosition: [Int] = [], weekStart: Weekday = .monday
    ) throws(RecurrenceRuleError) {
        guard (1...Self.maximumInterval).contains(interval) else {
            throw Self.badValue("INTERVAL", String(interval), "expected a whole number from 1 to \(Self.maximumInterval)")
        }
        if let count, count < 1 {
            throw Self.badValue("COUNT", String(count), "expected a whole number of at least 1")
        }
        if count != nil, until != nil {
            throw RecurrenceRuleError(
                .countWithUntil, part: "COUNT",
                "COUNT and UNTIL cannot both be given: a rule ends either after a number of occurrences or on a date")
        }
        for month in byMonth where !(1...12).contains(month) {
            throw Self.badValue("BYMONTH", String(month), "expected a month number from 1 to 12")
        }
        for day in byMonthDay where day == 0 || !(-31...31).contains(day) {
            throw Self.badValue(
                "BYMONTHDAY", String(day), "expected a day from 1 to 31, or from -1 to -31 counting back from the month's end")
        }
        for position in bySetPosition where position == 0 || !(-366...366).contains(position) {
            throw Self.badValue("BYSETPOS", String(position), "expected a position from 1 to 366, or from -1 to -366 counting back")
        }
        for entry in byDay {
            guard let ordinal = entry.ordinal else { continue }
            switch frequency {
            case .weekly:
                throw RecurrenceRuleError(
                    .ordinalNotAllowed, part: "BYDAY", value: entry.description,
                    "BYDAY value '\(entry)' has an ordinal, which only a MONTHLY or YEARLY rule may have: in a WEEKLY rule write \(entry.weekday.icalendarCode)")
            case .monthly where ordinal == 0 || !(-5...5).contains(ordinal):
                throw Self.badValue(
                    "BYDAY", entry.description, "in a MONTHLY rule the ordinal is 1 to 5, or -1 to -5 counting back (-1 is the last)")
            case .yearly where ordinal == 0 || !(-53...53).contains(ordinal):
                throw Self.badValue(
                    "BYDAY", entry.description, "in a YEARLY rule the ordinal is 1 to 53, or -1 to -53 counting back (-1 is the last)")
            default:
                break
            }
        }
        if frequency == .weekly, !byMonthDay.isEmpty {
            throw RecurrenceRuleError(
                .partNotAllowed, part: "BYMONTHDAY",
                "BYMONTHDAY cannot be used in a WEEKLY rule (RFC 5545): use FREQ=MONTHLY to meet on days of the month")
        }
        if !bySetPosition.isEmpty, byDay.isEmpty, byMonthDay.isEmpty, byMonth.isEmpty {
            throw RecurrenceRuleError(
                .setPositionAlone, part: "BYSETPOS",
                "BYSETPOS needs another part to pick from (BYDAY, BYMONTHDAY or BYMONTH), as in FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")
        }

        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        // Sorted and without repeats, so that equal rules are equal values with one text.
        self.byMonth = Set(byMonth).sorted()
        self.byMonthDay = Set(byMonthDay).sorted(by: Self.signedOrder)
        self.byDay = Set(byDay).sorted {
            ($0.weekday.rawValue, Self.ordinalKey($0.ordinal)) < ($1.weekday.rawValue, Self.ordinalKey($1.ordinal))
        }
        self.bySetPosition = Set(bySetPosition).sorted(by: Self.signedOrder)
        self.weekStart = weekStart
    }

    /// The last date the rule can produce because of `UNTIL`, or nil.
    public var lastDate: LocalDate? { until?.lastDate }

    /// The canonical text; the same as ``description``.
    public var text: String { description }

    // Positive numbers first, ascending; then negative ones, nearest the end first.
    private static func signedOrder(_ a: Int, _ b: Int) -> Bool {
        (a < 0 ? 1 : 0, abs(a)) < (b < 0 ? 1 : 0, abs(b))
    }

    private static func ordinalKey(_ ordinal: Int?) -> Int {
        guard let ordinal else { return 0 }
        return ordinal > 0 ? ordinal : 100 - ordinal
    }

    static func badValue(_ part: String, _ value: String, _ expectation: String) -> RecurrenceRuleError {
        let subject = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"].contains(part) ? "\(part)=\(value)" : "\(part) value '\(value)'"
        return RecurrenceRuleError(.invalidValue, part: part, value: value, "\(subject) is not valid: \(expectation)")
    }
}

// MARK: - Parsing

extension RecurrenceRule {
    private static let supportedParts = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST"]
    private static let unsupportedParts = ["BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO"]
    private static let weekdayCodes = "MO, TU, WE, TH, FR, SA or SU"

    /// Parses an RRULE value such as `FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE`.
    ///
    /// - Throws: ``RecurrenceRuleError`` naming the part that is wrong and why.
    public init(parsing text: String) throws(RecurrenceRuleError) {
        var body = Substring(text.uppercased()).trimmingSpaces
        if body.hasPrefix("RRULE:") { body = body.dropFirst(6).trimmingSpaces }
        var pieces = body.split(separator: ";", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        // A trailing semicolon is harmless and some calendar exports write one.
        if pieces.count > 1, pieces.last?.isEmpty == true { pieces.removeLast() }
        guard pieces != [""] else {
            throw RecurrenceRuleError(.emptyRule, "the recurrence rule is empty: expected parts such as FREQ=MONTHLY;BYDAY=2TU")
        }

        var values: [String: Substring] = [:]
        for piece in pieces {
            guard !piece.isEmpty else {
                throw RecurrenceRuleError(.malformedPart, "the rule has an empty part: two ';' with nothing between them")
            }
            guard let equals = piece.firstIndex(of: "="), !piece[..<equals].trimmingSpaces.isEmpty else {
                throw RecurrenceRuleError(
                    .malformedPart, value: String(piece),
                    "rule part '\(piece)' is not of the form NAME=VALUE (parts are separated by ';', as in FREQ=MONTHLY;BYDAY=2TU)")
            }
            let name = String(piece[..<equals].trimmingSpaces)
            let value = piece[piece.index(after: equals)...].trimmingSpaces
            guard !Self.unsupportedParts.contains(name) else {
                throw RecurrenceRuleError(
                    .unsupportedPart, part: name, value: String(value),
                    "\(name) is not supported: meeting calendars recur by date, using FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS and WKST")
            }
            guard Self.supportedParts.contains(name) else {
                throw RecurrenceRuleError(
                    .unknownPart, part: name, value: String(value),
                    "'\(name)' is not a recurrence rule part: expected FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS or WKST")
            }
            guard values[name] == nil else {
                throw RecurrenceRuleError(.duplicatePart, part: name, value: String(value), "\(name) appears more than once in the rule")
            }
            values[name] = value
        }

        guard let frequencyText = values["FREQ"] else {
            throw RecurrenceRuleError(
                .missingFrequency, part: "FREQ", "the rule has no FREQ: it needs FREQ=WEEKLY, FREQ=MONTHLY or FREQ=YEARLY")
        }
        let frequency = try Self.parseFrequency(frequencyText)

        try self.init(
            frequency: frequency,
            interval: try values["INTERVAL"].map { v throws(RecurrenceRuleError) in
                try Self.parseNumber(v, part: "INTERVAL", "expected a whole number from 1 to \(Self.maximumInterval)")
            } ?? 1,
            count: try values["COUNT"].map { v throws(RecurrenceRuleError) in
                try Self.parseNumber(v, part: "COUNT", "expected a whole number of at least 1")
            },
            until: try values["UNTIL"].map { v throws(RecurrenceRuleError) in try Self.parseUntil(v) },
            byMonth: try Self.parseList(values["BYMONTH"], part: "BYMONTH") { v throws(RecurrenceRuleError) in
                try Self.parseSignedNumber(v, part: "BYMONTH", signed: false, "expected a month number from 1 to 12")
            },
            byMonthDay: try Self.parseList(values["BYMONTHDAY"], part: "BYMONTHDAY") { v throws(RecurrenceRuleError) in
                try Self.parseSignedNumber(
                    v, part: "BYMONTHDAY", signed: true, "expected a day from 1 to 31, or from -1 to -31 counting back from the month's end")
            },
            byDay: try Self.parseList(values["BYDAY"], part: "BYDAY") { v throws(RecurrenceRuleError) in
                try Self.parseWeekdayOccurrence(v)
            },
            bySetPosition: try Self.parseList(values["BYSETPOS"], part: "BYSETPOS") { v throws(RecurrenceRuleError) in
                try Self.parseSignedNumber(
                    v, part: "BYSETPOS", signed: true, "expected a position from 1 to 366, or from -1 to -366 counting back")
            },
            weekStart: try values["WKST"].map { v throws(RecurrenceRuleError) in
                guard let day = Weekday(icalendarCode: v) else {
                    throw Self.badValue("WKST", String(v), "expected a weekday code: \(Self.weekdayCodes)")
                }
                return day
            } ?? .monday)
    }

    private static func parseFrequency(_ text: Substring) throws(RecurrenceRuleError) -> Frequency {
        if let frequency = Frequency(rawValue: String(text)) { return frequency }
        if ["DAILY", "HOURLY", "MINUTELY", "SECONDLY"].contains(text) {
            throw RecurrenceRuleError(
                .unsupportedFrequency, part: "FREQ", value: String(text),
                "FREQ=\(text) is not supported: meeting calendars recur WEEKLY, MONTHLY or YEARLY")
        }
        throw badValue("FREQ", String(text), "expected WEEKLY, MONTHLY or YEARLY")
    }

    private static func parseNumber(_ text: Substring, part: String, _ expectation: String) throws(RecurrenceRuleError) -> Int {
        guard text.isAllDigits, text.count <= 9, let number = Int(text) else {
            throw badValue(part, String(text), expectation)
        }
        return number
    }

    private static func parseSignedNumber(
        _ text: Substring, part: String, signed: Bool, _ expectation: String
    ) throws(RecurrenceRuleError) -> Int {
        var digits = text
        var sign = 1
        if signed, let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard digits.isAllDigits, digits.count <= 9, let number = Int(digits) else {
            throw badValue(part, String(text), expectation)
        }
        return sign * number
    }

    private static func parseList<Element>(
        _ text: Substring?, part: String, _ parseElement: (Substring) throws(RecurrenceRuleError) -> Element
    ) throws(RecurrenceRuleError) -> [Element] {
        guard let text else { return [] }
        var elements: [Element] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingSpaces
            guard !item.isEmpty else {
                throw RecurrenceRuleError(
                    .invalidValue, part: part, value: String(text), "\(part)=\(text) has an empty item: list values are separated by single commas")
            }
            elements.append(try parseElement(item))
        }
        return elements
    }

    private static func parseWeekdayOccurrence(_ text: Substring) throws(RecurrenceRuleError) -> WeekdayOccurrence {
        let expectation = "expected a weekday code (\(weekdayCodes)), optionally after an ordinal such as 2 or -1 (2TU, -1WE)"
        guard text.count >= 2, let weekday = Weekday(icalendarCode: text.suffix(2)) else {
            throw badValue("BYDAY", String(text), expectation)
        }
        let ordinalText = text.dropLast(2)
        guard !ordinalText.isEmpty else { return WeekdayOccurrence(weekday) }
        var digits = ordinalText
        var sign = 1
        if let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard digits.isAllDigits, digits.count <= 2, let number = Int(digits), number > 0 else {
            throw badValue("BYDAY", String(text), expectation + "; the ordinal cannot be 0")
        }
        return WeekdayOccurrence(weekday, ordinal: sign * number)
    }

    private static func parseUntil(_ text: Substring) throws(RecurrenceRuleError) -> Until {
        let invalid = badValue("UNTIL", String(text), "expected a date YYYYMMDD or a UTC date-time YYYYMMDDTHHMMSSZ")
        let chars = Array(text)
        guard chars.count == 8 || (chars.count == 16 && chars[8] == "T" && chars[15] == "Z") else { throw invalid }
        let field = { (from: Int, length: Int) -> Int? in
            let slice = Substring(String(chars[from..<(from + length)]))
            return slice.isAllDigits ? Int(slice) : nil
        }
        guard let year = field(0, 4), let month = field(4, 2), let day = field(6, 2),
            let date = LocalDate(year: year, month: month, day: day)
        else { throw invalid }
        if chars.count == 8 { return .date(date) }
        guard let hour = field(9, 2), let minute = field(11, 2), let second = field(13, 2),
            hour <= 23, minute <= 59, second <= 60
        else { throw invalid }
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return .instant(unixSeconds: seconds)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first?.isWhitespace == true { result = result.dropFirst() }
        while result.last?.isWhitespace == true { result = result.dropLast() }
        return result
    }

    fileprivate var isAllDigits: Bool {
        !isEmpty && allSatisfy { $0.isASCII && $0.isNumber }
    }
}

// MARK: - Occurrences

extension RecurrenceRule {
    /// The dates the rule gives from `start` (the DTSTART, which occurs only if it matches)
    /// through `end`, in order.
    ///
    /// `end` bounds the work as well as the answer: a rule without `COUNT` or `UNTIL` stops
    /// there, and a rule that can never match (`FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30`) returns
    /// no dates, at once when that is plain from its parts, else after looking through to `end`.
    public func occurrences(startingOn start: LocalDate, through end: LocalDate) -> [LocalDate] {
        let last = min(end, lastDate ?? end)
        guard start <= last else { return [] }
        let expansion = Expansion(rule: self, start: start)
        guard expansion.canEverMatch else { return [] }

        var dates: [LocalDate] = []
        var remaining = count ?? Int.max
        var index = 0
        while remaining > 0 {
            let period = expansion.period(index)
            if period.lowerBound > last.dayNumber { break }
            for date in expansion.dates(in: period) where date >= start {
                if date > last { return dates }
                dates.append(date)
                remaining -= 1
                if remaining == 0 { break }
            }
            index += 1
        }
        return dates
    }

    /// The rule with the parts it leaves out filled in from the start date, ready to expand one
    /// period (a week, month or year) at a time.
    private struct Expansion {
        let rule: RecurrenceRule
        let months: [Int]
        let monthDays: [Int]
        let days: [WeekdayOccurrence]
        /// The first day number of the period `start` falls in.
        let firstPeriodStart: Int
        let start: LocalDate
        /// Whether BYDAY ordinals count within the year rather than the month.
        let ordinalsInYear: Bool

        init(rule: RecurrenceRule, start: LocalDate) {
            self.rule = rule
            self.start = start
            var months = rule.byMonth
            var monthDays = rule.byMonthDay
            var days = rule.byDay
            if days.isEmpty, monthDays.isEmpty {
                switch rule.frequency {
                case .weekly:
                    days = [WeekdayOccurrence(start.weekday)]
                case .monthly:
                    monthDays = [start.day]
                case .yearly:
                    monthDays = [start.day]
                    if months.isEmpty { months = [start.month] }
                }
            }
            self.months = months
            self.monthDays = monthDays
            self.days = days
            self.ordinalsInYear = rule.frequency == .yearly && months.isEmpty
            switch rule.frequency {
            case .weekly:
                let back = (start.weekday.rawValue - rule.weekStart.rawValue).floorMod(7)
                firstPeriodStart = start.dayNumber - back
            case .monthly:
                firstPeriodStart = start.yearMonth.firstDay.dayNumber
            case .yearly:
                firstPeriodStart = LocalDate(year: start.year, month: 1, day: 1)!.dayNumber
            }
        }

        /// False when no date can ever satisfy the month and day-of-month parts together.
        var canEverMatch: Bool {
            let candidateMonths = months.isEmpty ? Array(1...12) : months
            if !monthDays.isEmpty {
                // February is given its leap-year length: the 29th can happen.
                let longest = candidateMonths.map { $0 == 2 ? 29 : LocalDate.daysIn(month: $0, year: 2001) }.max()!
                guard monthDays.contains(where: { abs($0) <= longest }) else { return false }
            }
            if !ordinalsInYear, !days.isEmpty, !days.contains(where: { abs($0.ordinal ?? 0) <= 5 }) {
                return false
            }
            return true
        }

        /// The day numbers of the `index`th period the rule visits.
        func period(_ index: Int) -> ClosedRange<Int> {
            let step = index * rule.interval
            switch rule.frequency {
            case .weekly:
                let first = firstPeriodStart + 7 * step
                return first...(first + 6)
            case .monthly:
                let month = start.yearMonth.adding(months: step)
                return month.firstDay.dayNumber...month.lastDay.dayNumber
            case .yearly:
                let year = start.year + step
                return LocalDate(year: year, month: 1, day: 1)!.dayNumber...LocalDate(year: year, month: 12, day: 31)!.dayNumber
            }
        }

        /// The period's matching dates in order, after `BYSETPOS`.
        func dates(in period: ClosedRange<Int>) -> [LocalDate] {
            let matching = period.lazy.map(LocalDate.init(dayNumber:)).filter(matches)
            guard !rule.bySetPosition.isEmpty else { return Array(matching) }
            let all = Array(matching)
            let picked = Set(rule.bySetPosition.compactMap { position -> Int? in
                let index = position > 0 ? position - 1 : all.count + position
                return all.indices.contains(index) ? index : nil
            })
            return picked.sorted().map { all[$0] }
        }

        private func matches(_ date: LocalDate) -> Bool {
            if !months.isEmpty, !months.contains(date.month) { return false }
            if !monthDays.isEmpty {
                let length = date.yearMonth.dayCount
                guard monthDays.contains(where: { $0 > 0 ? date.day == $0 : date.day == length + $0 + 1 }) else {
                    return false
                }
            }
            if !days.isEmpty {
                guard days.contains(where: { $0.weekday == date.weekday && matchesOrdinal($0.ordinal, date) }) else {
                    return false
                }
            }
            return true
        }

        private func matchesOrdinal(_ ordinal: Int?, _ date: LocalDate) -> Bool {
            guard let ordinal else { return true }
            let (position, length) =
                ordinalsInYear
                ? (date.ordinalDay, LocalDate.isLeapYear(date.year) ? 366 : 365)
                : (date.day, date.yearMonth.dayCount)
            return ordinal > 0 ? (position - 1) / 7 + 1 == ordinal : -((length - position) / 7 + 1) == ordinal
        }
    }
}

// MARK: - Text

extension RecurrenceRule: CustomStringConvertible {
    /// The canonical RRULE text: `FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE`.
    public var description: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + byMonth.map { String($0) }.joined(separator: ",")) }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map { String($0) }.joined(separator: ",")) }
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
        if !bySetPosition.isEmpty { parts.append("BYSETPOS=" + bySetPosition.map { String($0) }.joined(separator: ",")) }
        if weekStart != .monday { parts.append("WKST=\(weekStart.icalendarCode)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(until.text)") }
        return parts.joined(separator: ";")
    }
}

extension RecurrenceRule: Codable {
    /// Decodes the rule from its RRULE text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try RecurrenceRule(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the rule as its canonical RRULE text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
