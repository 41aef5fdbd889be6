/// A meeting's whole agenda: the opening items, a report item for each cycle occurrence bound to
/// the meeting, then the items its secretary added, numbered in that order.
public struct Agenda: Sendable {
    public struct Entry: Sendable, Hashable {
        /// `opening:1`, `report:OSC/performance/2017-11` or `item:7`: stable across versions.
        public var key: String
        public var number: Int
        public var title: String
        public var kind: AgendaItem.Kind
        public var ownerEmail: String?
        public var isKeyDecision: Bool
        public var exemptParagraph: Int?
        /// When the Forward Plan (key decision) or private-meeting (exempt) notice was given.
        public var noticeGiven: LocalDate?
        public var occurrence: CycleOccurrence?
        public var cycle: ReportingCycle?

        /// Whether a report is expected for it (a cycle's report, or an added item).
        public var takesReport: Bool { kind == .report }
    }

    /// An item the secretary added, as the agenda needs it.
    public struct AddedItem: Sendable, Hashable {
        public var key: String
        public var title: String
        public var ownerEmail: String?
        public var isKeyDecision: Bool
        public var exemptParagraph: Int?
        public var noticeGiven: LocalDate?

        public init(
            key: String, title: String, ownerEmail: String?, isKeyDecision: Bool, exemptParagraph: Int?, noticeGiven: LocalDate?
        ) {
            self.key = key
            self.title = title
            self.ownerEmail = ownerEmail
            self.isKeyDecision = isKeyDecision
            self.exemptParagraph = exemptParagraph
            self.noticeGiven = noticeGiven
        }
    }

    public let meeting: Meeting
    public let board: Board
    public let entries: [Entry]

    /// Composes the agenda from the occurrences of the board's cycles (those bound to this
    /// meeting are taken) and the added items.
    public init(
        meeting: Meeting, board: Board, occurrences: [(occurrence: CycleOccurrence, cycle: ReportingCycle)], added: [AddedItem]
    ) {
        var entries: [Entry] = []
        for title in AgendaItem.openingTitles {
            entries.append(
                Entry(
                    key: "opening:\(entries.count + 1)", number: entries.count + 1, title: title, kind: .standard,
                    ownerEmail: nil, isKeyDecision: false, exemptParagraph: nil, noticeGiven: nil, occurrence: nil, cycle: nil))
        }
        for report in occurrences where report.occurrence.meetingDate == meeting.date {
            entries.append(
                Entry(
                    key: "report:\(report.occurrence.id)", number: entries.count + 1, title: report.cycle.title, kind: .report,
                    ownerEmail: report.cycle.owner.email, isKeyDecision: false, exemptParagraph: nil, noticeGiven: nil,
                    occurrence: report.occurrence, cycle: report.cycle))
        }
        for item in added {
            entries.append(
                Entry(
                    key: item.key, number: entries.count + 1, title: item.title, kind: .report, ownerEmail: item.ownerEmail,
                    isKeyDecision: item.isKeyDecision, exemptParagraph: item.exemptParagraph, noticeGiven: item.noticeGiven,
                    occurrence: nil, cycle: nil))
        }
        self.meeting = meeting
        self.board = board
        self.entries = entries
    }

    /// Finds an entry by its number on the agenda or by its key.
    public func entry(_ reference: String) -> Entry? {
        if let number = Int(reference) { return entries.first { $0.number == number } }
        return entries.first { $0.key == reference }
    }
}
