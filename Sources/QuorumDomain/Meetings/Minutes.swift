/// The minutes of a meeting: one minute per agenda item with its resolutions in the order
/// taken. They are a draft until the board's next meeting approves them under "Minutes of the
/// previous meeting".
public struct Minutes: Hashable, Sendable, Codable {
    /// Draft, or approved at a later meeting.
    public enum Status: Hashable, Sendable, Codable {
        case draft
        /// Approved at the meeting on `meetingDate` (the next one of the board).
        case approved(meetingDate: LocalDate, by: String)
    }

    /// One item's minute.
    public struct Item: Hashable, Sendable, Codable {
        public var number: Int
        public var title: String
        /// The discussion, as the clerk writes it.
        public var text: String
        public var resolutions: [Resolution]

        public init(number: Int, title: String, text: String, resolutions: [Resolution] = []) {
            self.number = number
            self.title = title
            self.text = text
            self.resolutions = resolutions
        }
    }

    public let boardCode: String
    public let meetingDate: LocalDate
    public private(set) var items: [Item]
    public private(set) var status: Status

    /// Draft minutes.
    ///
    /// - Throws: ``MeetingRecordError`` when two minutes have one item number, or an item's
    ///   resolutions are not numbered 1, 2, 3… in order.
    public init(boardCode: String, meetingDate: LocalDate, items: [Item]) throws(MeetingRecordError) {
        var seen = Set<Int>()
        for item in items {
            guard seen.insert(item.number).inserted else {
                throw MeetingRecordError(field: "item", value: String(item.number), reason: "has two minutes")
            }
            for (index, resolution) in item.resolutions.enumerated() where resolution.number != index + 1 {
                throw MeetingRecordError(
                    field: "resolution", value: "\(item.number).\(resolution.number)",
                    reason: "resolutions are numbered in the order taken: expected \(item.number).\(index + 1)")
            }
        }
        self.boardCode = boardCode
        self.meetingDate = meetingDate
        self.items = items.sorted { $0.number < $1.number }
        self.status = .draft
    }

    public var meetingID: String { Meeting.id(board: boardCode, date: meetingDate) }
    public var isApproved: Bool { if case .approved = status { true } else { false } }

    /// Replaces an item's minute while the minutes are a draft.
    /// - Throws: ``MeetingRecordError`` once the minutes are approved.
    public mutating func record(_ item: Item) throws(MeetingRecordError) {
        guard !isApproved else {
            throw MeetingRecordError(field: "minutes", value: meetingID, reason: "approved minutes are not changed")
        }
        var others = items.filter { $0.number != item.number }
        others.append(item)
        self = try Minutes(boardCode: boardCode, meetingDate: meetingDate, items: others)
    }

    /// Approves the minutes at the meeting on `approvingMeeting`, which must be the board's next
    /// meeting after the minuted one among `boardMeetings` (its meeting dates, cancellations left out)
    /// and must have taken place: `today` (the local date) is on or after it.
    /// - Throws: ``MeetingRecordError`` when they are already approved, the meeting is not the next
    ///   one, or it has not yet happened.
    public mutating func approve(
        at approvingMeeting: LocalDate, boardMeetings: [LocalDate], today: LocalDate, by user: String
    ) throws(MeetingRecordError) {
        guard !isApproved else {
            throw MeetingRecordError(field: "minutes", value: meetingID, reason: "are already approved")
        }
        guard today >= approvingMeeting else {
            throw MeetingRecordError(
                field: "meeting", value: "\(approvingMeeting)",
                reason: "has not yet taken place (today is \(today)): minutes are approved at the meeting, not before it")
        }
        guard let next = Self.nextMeeting(after: meetingDate, in: boardMeetings), next == approvingMeeting else {
            let expected = Self.nextMeeting(after: meetingDate, in: boardMeetings).map { "\($0)" } ?? "none is scheduled"
            throw MeetingRecordError(
                field: "meeting", value: "\(approvingMeeting)",
                reason: "minutes are approved at the board's next meeting after \(meetingDate) (\(expected))")
        }
        status = .approved(meetingDate: approvingMeeting, by: user)
    }

    /// The first of `dates` after `date`.
    public static func nextMeeting(after date: LocalDate, in dates: [LocalDate]) -> LocalDate? {
        dates.filter { $0 > date }.min()
    }

    /// The meeting whose minutes go under "Minutes of the previous meeting" at `date`: the last
    /// of `dates` before it.
    public static func previousMeeting(before date: LocalDate, in dates: [LocalDate]) -> LocalDate? {
        dates.filter { $0 < date }.max()
    }
}
