import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage
import QuorumWire

/// Notice of a meeting held (in part) in private, SI 2012/2089 reg 5: for every meeting with an
/// exempt item, the first notice (28 clear days) and the second (5 clear days, with any
/// representations received and the response), computed, recorded when given, and checked.
public struct PrivateMeetingService: Sendable {
    let database: AppDatabase
    let governance: GovernanceService
    let clock: WallClock
    let authorizer: Authorizer

    public init(database: AppDatabase, governance: GovernanceService, clock: WallClock) {
        self.database = database
        self.governance = governance
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    /// A notice as the secretary records it.
    public struct GivenNotice: Sendable {
        public var kind: PrivateMeetingNotices.Kind
        public var givenOn: LocalDate
        public var reasons: String
        public var representations: [String]
        public var response: String?

        public init(kind: PrivateMeetingNotices.Kind, givenOn: LocalDate, reasons: String, representations: [String] = [], response: String? = nil) {
            self.kind = kind
            self.givenOn = givenOn
            self.reasons = reasons
            self.representations = representations
            self.response = response
        }
    }

    /// Records a notice as given (replacing an earlier record of it) and returns where both stand.
    public func give(_ notice: GivenNotice, meeting meetingID: String, as user: User?) async throws -> PrivateNoticesDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.noticeGive, user, scope: AccessScope(boardCode: meeting.boardCode))
        guard notice.givenOn <= meeting.date else {
            throw ApplicationError(.badArgument, "a notice given on \(notice.givenOn) comes after the meeting on \(meeting.date)")
        }
        let representations = notice.representations.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if notice.kind == .first, !representations.isEmpty || notice.response != nil {
            throw ApplicationError(.badArgument, "representations and their response belong to the second notice (reg 5(5))")
        }
        let details = ["notice": notice.kind.rawValue, "given_on": notice.givenOn.description, "representations": String(representations.count)]
        try await audited(.noticeGive, by: user, target: meeting.id, details) {
            try await database.recordPrivateNotice(
                meetingID: meeting.id, kind: notice.kind,
                notice: PrivateMeetingNotices.Notice(
                    givenOn: notice.givenOn, reasons: notice.reasons.trimmingCharacters(in: .whitespacesAndNewlines),
                    representations: representations,
                    response: notice.response?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty),
                by: user?.name ?? "", now: clock.now())
        }
        return try await document(meeting, asOf: nil)
    }

    /// Records the reg 5(6) agreement that the meeting is urgent (and, later, the day the notice
    /// of its reasons, reg 5(7), was published).
    public func recordUrgency(
        meeting meetingID: String, agreedBy: String, agreedOn: LocalDate, reasonsPublishedOn: LocalDate?, as user: User?
    ) async throws -> PrivateNoticesDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.noticeUrgency, user, scope: AccessScope(boardCode: meeting.boardCode))
        let who = agreedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !who.isEmpty else { throw ApplicationError(.badArgument, "say who agreed (the scrutiny chair, or the council's chair)") }
        guard agreedOn <= meeting.date else {
            throw ApplicationError(.badArgument, "an agreement on \(agreedOn) comes after the meeting on \(meeting.date)")
        }
        let details = ["notice": "urgency", "agreed_by": who, "agreed_on": agreedOn.description]
        try await audited(.noticeUrgency, by: user, target: meeting.id, details) {
            try await database.recordPrivateUrgency(
                meetingID: meeting.id,
                agreement: PrivateMeetingNotices.UrgencyAgreement(agreedBy: who, agreedOn: agreedOn, reasonsPublishedOn: reasonsPublishedOn),
                by: user?.name ?? "", now: clock.now())
        }
        return try await document(meeting, asOf: nil)
    }

    public func notices(meeting meetingID: String, asOf: LocalDate?, as user: User?) async throws -> PrivateNoticesDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.noticeList, user, scope: AccessScope(boardCode: meeting.boardCode))
        return try await document(meeting, asOf: asOf)
    }

    // MARK: For the other services

    /// The meeting's exempt items ("3. title (paragraph 1)"): the secretary's paragraph, or the
    /// one the submitted report claims.
    func exemptItems(of meeting: Meeting) async throws -> [String] {
        let agenda = try await governance.agenda(of: meeting)
        let reports = try await database.latestReports(meetingID: meeting.id)
        return agenda.entries.compactMap { entry in
            let claimed = reports[entry.key].flatMap { try? CoverReport.parse(markdown: $0.markdown) }?.exemptParagraph
            return (entry.exemptParagraph ?? claimed).map { "\(entry.number). \(entry.title) (paragraph \($0))" }
        }
    }

    /// The notices the meeting needs, or nil when it has no exempt item.
    func required(for meeting: Meeting) async throws -> PrivateMeetingNotices? {
        guard !(try await exemptItems(of: meeting)).isEmpty else { return nil }
        return try await database.privateNotices(meetingID: meeting.id, meetingDate: meeting.date)
    }

    func document(_ meeting: Meeting, asOf: LocalDate?) async throws -> PrivateNoticesDocument {
        let day = asOf ?? clock.today
        let exempt = try await exemptItems(of: meeting)
        let notices = try await database.privateNotices(meetingID: meeting.id, meetingDate: meeting.date)
        return PrivateNoticesDocument(
            meeting: meeting.id, notices: notices, exemptItems: exempt, asOf: day,
            checks: exempt.isEmpty ? [] : notices.checks(asOf: day, calendar: governance.workingDays))
    }
}

extension PrivateMeetingService: AuditedService {}
