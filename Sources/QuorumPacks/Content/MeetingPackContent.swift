import Foundation
import QuorumDomain

/// Everything a meeting pack shows, gathered by whoever builds it (storage and the plan and
/// scorecard data) and handed to ``PackRenderer``: the board and meeting, the agenda with each
/// item's cover report, the data of the generated appendices, the build's warnings and version.
///
/// It is plain data: building it is the caller's business, rendering it is the renderer's.
///
/// ```swift
/// let content = MeetingPackContent(
///     board: .init(code: "OSC", name: "Overview and Scrutiny Committee", meetsInPublic: true),
///     meeting: .init(date: meetingDate, time: LocalTime(hour: 18, minute: 30)!, venue: "Town Hall"),
///     publishBy: calendar.publicationDeadline(forMeetingOn: meetingDate),
///     items: items, warnings: warnings, version: 1, builtAt: .now)
/// let html = PackRenderer().renderHTML(content, part: .public)
/// ```
public struct MeetingPackContent: Hashable, Sendable {
    /// The board the meeting is of.
    public var board: BoardDetails
    /// When and where it meets.
    public var meeting: MeetingDetails
    /// The last day the agenda and reports may be published (five clear working days before).
    public var publishBy: LocalDate
    /// The agenda, in order.
    public var items: [Item]
    /// What the build found wrong (reports not submitted, notices missing…), shown on the cover
    /// of both parts: they must not quote exempt content.
    public var warnings: [String]
    /// The pack's version for this meeting, from 1.
    public var version: Int
    /// When this version was built.
    public var builtAt: Date
    /// The scorecard data for items whose appendices include ``Appendix/scorecard``.
    public var scorecard: ScorecardAppendix?
    /// The plan's actions for items whose appendices include ``Appendix/actionTracker``.
    public var actionTracker: ActionTrackerAppendix?
    /// What changed since the previous version (version − 1), for a supplementary pack; nil for
    /// a first version.
    public var changes: PackChangeList?

    public init(
        board: BoardDetails, meeting: MeetingDetails, publishBy: LocalDate, items: [Item], warnings: [String] = [],
        version: Int, builtAt: Date, scorecard: ScorecardAppendix? = nil, actionTracker: ActionTrackerAppendix? = nil,
        changes: PackChangeList? = nil
    ) {
        self.board = board
        self.meeting = meeting
        self.publishBy = publishBy
        self.items = items
        self.warnings = warnings
        self.version = version
        self.builtAt = builtAt
        self.scorecard = scorecard
        self.actionTracker = actionTracker
        self.changes = changes
    }

    /// The items that go in `part`: every item but the exempt ones in Part I, only the exempt
    /// ones in Part II.
    public func items(in part: PackPart) -> [Item] {
        items.filter { $0.isExempt == (part == .exempt) }
    }
}

extension MeetingPackContent {
    /// The board, as the pack names it.
    public struct BoardDetails: Hashable, Sendable {
        /// `OSC`.
        public var code: String
        /// "Overview and Scrutiny Committee (Children's Services and Safeguarding)".
        public var name: String
        /// Whether its meetings (and Part I of its packs) are open to the public.
        public var meetsInPublic: Bool

        public init(code: String, name: String, meetsInPublic: Bool) {
            self.code = code
            self.name = name
            self.meetsInPublic = meetsInPublic
        }

        /// The details of `board`.
        public init(_ board: Board) {
            self.init(code: board.code, name: board.name, meetsInPublic: board.meetsInPublic)
        }
    }

    /// When and where the meeting is.
    public struct MeetingDetails: Hashable, Sendable {
        public var date: LocalDate
        /// Start time, Europe/London.
        public var time: LocalTime
        public var venue: String

        public init(date: LocalDate, time: LocalTime, venue: String) {
            self.date = date
            self.time = time
            self.venue = venue
        }

        /// The details of `meeting`.
        public init(_ meeting: Meeting) {
            self.init(date: meeting.date, time: meeting.time, venue: meeting.venue)
        }
    }
}
