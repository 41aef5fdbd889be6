/// A report a resolution asks for at a later meeting: "the Board requested that an update report
/// be presented in January 2018". It binds to the first meeting of that board in that month;
/// with none scheduled, the secretary is warned and the request waits.
public struct ReportRequest: Hashable, Sendable, Codable {
    public var boardCode: String
    public var month: YearMonth
    public var title: String
    public var owner: Person

    public init(boardCode: String, month: YearMonth, title: String, owner: Person) {
        self.boardCode = boardCode
        self.month = month
        self.title = title
        self.owner = owner
    }

    /// Reads the month as minutes write it: `January 2018`, `Jan 2018`, `2018-01`.
    /// - Throws: ``MeetingRecordError`` for the `month` field.
    public static func month(parsing text: String) throws(MeetingRecordError) -> YearMonth {
        let trimmed = text.trimmingWhitespace()
        if let month = YearMonth(iso: trimmed) { return month }
        let words = trimmed.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, let number = ReviewDate.monthNumber(named: words[0]), words[1].count == 4,
            words[1].allSatisfy(\.isASCIIDigit), let year = Int(words[1])
        else {
            throw MeetingRecordError(field: "month", value: text, reason: "write a month like January 2018 or 2018-01")
        }
        return YearMonth(year: year, month: number)
    }

    /// Where the request lands.
    public struct Binding: Hashable, Sendable, Codable {
        /// The first meeting of the board in the month, or nil.
        public var meetingDate: LocalDate?
        /// Why it did not bind, for the secretary; nil when it did.
        public var warning: String?
    }

    /// The first of the board's `meetingDates` within the month that comes after `resolvedOn`,
    /// the day of the meeting whose resolution asked for the report.
    public func binding(meetingDates: [LocalDate], after resolvedOn: LocalDate) -> Binding {
        binding(meetingDates: meetingDates.filter { $0 > resolvedOn })
    }

    /// The first of the board's `meetingDates` within the month.
    public func binding(meetingDates: [LocalDate]) -> Binding {
        if let date = meetingDates.filter({ $0.yearMonth == month }).min() {
            return Binding(meetingDate: date, warning: nil)
        }
        return Binding(
            meetingDate: nil,
            warning: "\(boardCode) has no meeting in \(month) to take the requested report '\(title)': it becomes an item of the first one added")
    }
}
