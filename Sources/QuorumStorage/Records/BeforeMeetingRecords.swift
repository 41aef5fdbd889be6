import Foundation
import GRDB
import QuorumDomain

/// A row of `forwardPlanEntry`: one key decision on the Forward Plan.
struct ForwardPlanEntryRecord: Codable, Sendable {
    var reference: String
    var title: String
    var decisionMaker: String
    /// The meeting at which the decision is expected (its id carries its date), or nil.
    var meetingId: String?
    var meetingDate: LocalDate?
    var reportTitle: String?
    var reportOwnerRole: String?
    var reportOwnerEmail: String?
    var firstPublished: LocalDate?
    var exemptParagraph: Int?
    /// Stored as JSON: the reg 10 and reg 11 steps, each with its day.
    var generalException: ForwardPlanEntry.GeneralException?
    var specialUrgency: ForwardPlanEntry.SpecialUrgency?
    var createdBy: String
    var createdAt: Date
    var updatedAt: Date
}

extension ForwardPlanEntryRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "forwardPlanEntry"

    enum Columns {
        static let reference = Column(CodingKeys.reference)
        static let decisionMaker = Column(CodingKeys.decisionMaker)
        static let meetingId = Column(CodingKeys.meetingId)
        static let meetingDate = Column(CodingKeys.meetingDate)
    }

    init(_ entry: ForwardPlanEntry, meetingID: String?, createdBy: String, createdAt: Date) {
        self.init(
            reference: entry.reference, title: entry.title, decisionMaker: entry.decisionMaker, meetingId: meetingID,
            meetingDate: entry.meetingDate, reportTitle: entry.reportTitle, reportOwnerRole: entry.reportOwner?.role,
            reportOwnerEmail: entry.reportOwner?.email, firstPublished: entry.firstPublished, exemptParagraph: entry.exemptParagraph,
            generalException: entry.generalException, specialUrgency: entry.specialUrgency, createdBy: createdBy,
            createdAt: createdAt, updatedAt: createdAt)
    }

    /// The entry as the domain checks it; a row the domain would refuse throws.
    func entry() throws -> ForwardPlanEntry {
        let owner = reportOwnerEmail.map { Person(role: reportOwnerRole ?? "Report owner", email: $0) }
        return try ForwardPlanEntry(
            reference: reference, title: title, decisionMaker: decisionMaker, meetingDate: meetingDate, reportTitle: reportTitle,
            reportOwner: owner, firstPublished: firstPublished, exemptParagraph: exemptParagraph,
            generalException: generalException, specialUrgency: specialUrgency)
    }
}

extension DerivableRequest<ForwardPlanEntryRecord> {
    /// Entries whose decision is taken by `board`.
    func filter(decisionMaker board: String) -> Self { filter(ForwardPlanEntryRecord.Columns.decisionMaker == board) }

    /// Entries expected at one meeting.
    func filter(meeting id: String) -> Self { filter(ForwardPlanEntryRecord.Columns.meetingId == id) }

    /// By the expected date (undated last), then reference: the order the published plan reads in.
    func orderedByDecisionDate() -> Self {
        order(ForwardPlanEntryRecord.Columns.meetingDate.ascNullsLast, ForwardPlanEntryRecord.Columns.reference)
    }
}

/// A row of `forwardPlanItem`: the agenda item that carries a key decision.
struct ForwardPlanItemRecord: Codable, Sendable {
    var meetingId: String
    /// `item:7` or `report:OSC/performance/2017-11`.
    var itemKey: String
    var reference: String
}

extension ForwardPlanItemRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "forwardPlanItem"

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let itemKey = Column(CodingKeys.itemKey)
        static let reference = Column(CodingKeys.reference)
    }
}

extension DerivableRequest<ForwardPlanItemRecord> {
    /// The items of one meeting that carry a key decision.
    func filter(meeting id: String) -> Self { filter(ForwardPlanItemRecord.Columns.meetingId == id) }

    /// The items that carry one key decision.
    func filter(reference: String) -> Self { filter(ForwardPlanItemRecord.Columns.reference == reference) }
}

extension PrivateMeetingNotices.Kind: DatabaseValueConvertible {}

/// A row of `privateMeetingNotice`: a notice of intention to meet in private, as given.
struct PrivateMeetingNoticeRecord: Codable, Sendable {
    var meetingId: String
    var notice: PrivateMeetingNotices.Kind
    var givenOn: LocalDate
    var reasons: String
    /// Stored as JSON: the representations received (second notice).
    var representations: [String]
    var response: String?
    var recordedBy: String
    var recordedAt: Date
}

extension PrivateMeetingNoticeRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "privateMeetingNotice"

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let notice = Column(CodingKeys.notice)
    }

    var value: PrivateMeetingNotices.Notice {
        PrivateMeetingNotices.Notice(givenOn: givenOn, reasons: reasons, representations: representations, response: response)
    }
}

/// A row of `privateMeetingUrgency`: the reg 5(6) agreement that a private meeting is urgent.
struct PrivateMeetingUrgencyRecord: Codable, Sendable {
    var meetingId: String
    var agreedBy: String
    var agreedOn: LocalDate
    var reasonsPublishedOn: LocalDate?
    var recordedBy: String
    var recordedAt: Date
}

extension DerivableRequest<PrivateMeetingNoticeRecord> {
    /// One meeting's notices.
    func filter(meeting id: String) -> Self { filter(PrivateMeetingNoticeRecord.Columns.meetingId == id) }
}

extension PrivateMeetingUrgencyRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "privateMeetingUrgency"

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
    }
}

/// A row of `reportClearance`: one report's way through clearance.
struct ReportClearanceRecord: Codable, Sendable {
    var meetingId: String
    var itemKey: String
    var title: String
    /// The record's stage, also inside `record`, for queries (the sweep reads reports not in a pack).
    var stage: ClearanceStage
    /// Stored as JSON: the whole state machine, with every step taken.
    var record: ReportClearance
    var updatedAt: Date
}

extension ClearanceStage: DatabaseValueConvertible {}

extension ReportClearanceRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reportClearance"

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let itemKey = Column(CodingKeys.itemKey)
        static let stage = Column(CodingKeys.stage)
    }
}

extension DerivableRequest<ReportClearanceRecord> {
    func filter(meeting id: String) -> Self { filter(ReportClearanceRecord.Columns.meetingId == id) }

    /// Reports still on their way (not yet in a pack): those a sweep may chase.
    func notInPack() -> Self { filter(ReportClearanceRecord.Columns.stage != ClearanceStage.inPack) }
}
