import QuorumDomain

// The documents of the browsing operations (the portal's pages and feeds): a board or meeting as
// the acting user may see it, with what the core's rules let that user do there.

/// A board the user may see, with what the user may do with its packs. The flags are the core's
/// answers from its declared rules, so that a page offers only what the core would allow.
public struct BoardViewDocument: Codable, Sendable, Hashable {
    public let board: BoardDocument
    /// The user may read the published exempt parts (Part II) of this board's packs.
    public let readsExempt: Bool
    /// The user sees unpublished versions and their build warnings.
    public let seesDrafts: Bool
    /// The user may build a new version (`pack.build`).
    public let builds: Bool
    /// The user may publish a version (`pack.publish`).
    public let publishes: Bool

    public init(board: BoardDocument, readsExempt: Bool, seesDrafts: Bool, builds: Bool, publishes: Bool) {
        self.board = board
        self.readsExempt = readsExempt
        self.seesDrafts = seesDrafts
        self.builds = builds
        self.publishes = publishes
    }
}

/// One meeting in a calendar, with its board's name and how many times its time or venue has
/// changed (an iCalendar SEQUENCE).
public struct CalendarEntryDocument: Codable, Sendable, Hashable {
    public let meeting: MeetingDocument
    public let boardName: String
    public let sequence: Int

    public init(meeting: MeetingDocument, boardName: String, sequence: Int) {
        self.meeting = meeting
        self.boardName = boardName
        self.sequence = sequence
    }
}

/// A meeting's page: the meeting with its agenda, its board as the user sees it, and the versions
/// of its pack that the user may see, oldest first.
public struct MeetingViewDocument: Codable, Sendable, Hashable {
    public let meeting: MeetingDocument
    public let board: BoardViewDocument
    public let packs: [PackDocument]

    public init(meeting: MeetingDocument, board: BoardViewDocument, packs: [PackDocument]) {
        self.meeting = meeting
        self.board = board
        self.packs = packs
    }
}

/// A published version of a public board's pack, for the latest-papers lists and feeds.
public struct PublishedPackDocument: Codable, Sendable, Hashable {
    public let pack: PackDocument
    public let meeting: MeetingDocument
    public let boardName: String

    public init(pack: PackDocument, meeting: MeetingDocument, boardName: String) {
        self.pack = pack
        self.meeting = meeting
        self.boardName = boardName
    }
}

/// One search result: a published public part and the passage that matched.
public struct SearchHitDocument: Codable, Sendable, Hashable {
    public let pack: String
    public let meeting: String
    public let board: String
    public let meetingDate: String
    public let title: String
    /// The passage, each match between U+E000 and U+E001 (private-use marks that a front door
    /// turns into its own markup after escaping the rest).
    public let snippet: String

    public init(pack: String, meeting: String, board: String, meetingDate: String, title: String, snippet: String) {
        self.pack = pack
        self.meeting = meeting
        self.board = board
        self.meetingDate = meetingDate
        self.title = title
        self.snippet = snippet
    }
}
