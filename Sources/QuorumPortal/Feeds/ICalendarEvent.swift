import QuorumDomain

/// One meeting as a calendar feed describes it.
public struct ICalendarEvent: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    /// Stable across feeds and versions: the meeting's id and the portal's host.
    public var uid: String
    public var summary: String
    public var start: LocalDateTime
    /// Meetings have no end time; calendars draw this length.
    public var durationMinutes: Int
    public var location: String
    public var description: String
    /// The meeting's page.
    public var url: String
    /// Rises each time the meeting's time or venue changes, so calendars replace the old copy.
    public var sequence: Int
    public var status: Status

    public init(
        uid: String, summary: String, start: LocalDateTime, durationMinutes: Int = 120, location: String, description: String,
        url: String, sequence: Int, status: Status
    ) {
        self.uid = uid
        self.summary = summary
        self.start = start
        self.durationMinutes = durationMinutes
        self.location = location
        self.description = description
        self.url = url
        self.sequence = sequence
        self.status = status
    }
}
