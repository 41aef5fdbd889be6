import Foundation
import GRDB
import QuorumDomain

/// A row of `attendance`: a member's attendance, or a substitute who sat for one.
struct AttendanceRecord: Codable, Sendable {
    var meetingId: String
    var email: String
    var role: String
    var status: AttendanceRow.Status
    var substituteFor: String?
    var recordedBy: String
    var recordedAt: Date
}

extension AttendanceRow.Status: Codable, DatabaseValueConvertible {}

extension AttendanceRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "attendance"

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let email = Column(CodingKeys.email)
        static let status = Column(CodingKeys.status)
    }

    var row: AttendanceRow {
        AttendanceRow(person: Person(role: role, email: email), status: status, substituteFor: substituteFor)
    }
}

extension DerivableRequest<AttendanceRecord> {
    /// One meeting's attendance.
    func filter(meeting id: String) -> Self { filter(AttendanceRecord.Columns.meetingId == id) }
}

/// A row of `declaration`.
struct DeclarationRecord: Codable, Sendable {
    var id: Int64?
    var meetingId: String
    var itemNumber: Int
    var memberEmail: String
    var kind: DeclarationOfInterest.Kind
    var nature: String
    var leftRoom: Bool
    var dispensation: Bool
    var recordedBy: String
    var recordedAt: Date
}

extension DeclarationOfInterest.Kind: DatabaseValueConvertible {}

extension DeclarationRecord: StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "declaration"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingId = Column(CodingKeys.meetingId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var declaration: DeclarationOfInterest {
        DeclarationOfInterest(
            member: memberEmail, item: itemNumber, kind: kind, nature: nature, leftRoom: leftRoom, dispensation: dispensation)
    }
}

extension DerivableRequest<DeclarationRecord> {
    /// One meeting's declarations.
    func filter(meeting id: String) -> Self { filter(DeclarationRecord.Columns.meetingId == id) }
}

/// A row of `minute`: one agenda item's minute.
struct MinuteRecord: Codable, Sendable {
    var meetingId: String
    var itemNumber: Int
    var itemKey: String
    var title: String
    var text: String
    var exemptParagraph: Int?
    var recordedBy: String
    var recordedAt: Date
}

extension MinuteRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "minute"

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let itemNumber = Column(CodingKeys.itemNumber)
    }
}

extension DerivableRequest<MinuteRecord> {
    /// One meeting's minutes.
    func filter(meeting id: String) -> Self { filter(MinuteRecord.Columns.meetingId == id) }
}

/// A row of `resolution`.
struct ResolutionRecord: Codable, Sendable {
    /// The chair's casting vote on a tie, stored as `for` or `against`.
    enum CastingVote: String, Codable, Sendable, DatabaseValueConvertible {
        case inFavour = "for"
        case against
    }

    var id: Int64?
    var meetingId: String
    var itemNumber: Int
    var number: Int
    var wording: String
    var inFavour: Int?
    var against: Int?
    var abstentions: Int?
    var castingVote: CastingVote?
    var recordedBy: String
    var recordedAt: Date
}

extension ResolutionRecord: StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resolution"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingId = Column(CodingKeys.meetingId)
        static let itemNumber = Column(CodingKeys.itemNumber)
        static let number = Column(CodingKeys.number)
    }

    /// A new resolution of an item, with its vote if one was taken; its id is given on insert.
    init(
        meetingId: String, itemNumber: Int, number: Int, wording: String, vote: Resolution.Vote?, recordedBy: String,
        recordedAt: Date
    ) {
        self.init(
            id: nil, meetingId: meetingId, itemNumber: itemNumber, number: number, wording: wording, inFavour: vote?.inFavour,
            against: vote?.against, abstentions: vote?.abstentions,
            castingVote: vote?.castingVoteInFavour.map { $0 ? .inFavour : .against }, recordedBy: recordedBy,
            recordedAt: recordedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var resolution: Resolution {
        var vote: Resolution.Vote?
        if let inFavour, let against {
            vote = Resolution.Vote(
                inFavour: inFavour, against: against, abstentions: abstentions ?? 0,
                castingVoteInFavour: castingVote.map { $0 == .inFavour })
        }
        return Resolution(number: number, wording: wording, vote: vote)
    }
}

extension DerivableRequest<ResolutionRecord> {
    /// One meeting's resolutions.
    func filter(meeting id: String) -> Self { filter(ResolutionRecord.Columns.meetingId == id) }

    /// The resolutions of one item's minute.
    func filter(item number: Int) -> Self { filter(ResolutionRecord.Columns.itemNumber == number) }

    /// By item, then in the order taken.
    func orderedByItem() -> Self { order(ResolutionRecord.Columns.itemNumber, ResolutionRecord.Columns.number) }
}

/// A row of `minutesApproval`.
struct MinutesApprovalRecord: Codable, Sendable {
    var meetingId: String
    var approvedAtMeetingId: String
    var approvedBy: String
    var approvedAt: Date
}

extension MinutesApprovalRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "minutesApproval"

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let approvedAtMeetingId = Column(CodingKeys.approvedAtMeetingId)
    }
}

/// A row of `resolutionEffect`: what one resolution set in motion.
struct ResolutionEffectRecord: Codable, Sendable {
    var id: Int64?
    var resolutionId: Int64
    var kind: ResolutionEffect.Kind
    var actionRef: String?
    var agendaItemId: Int64?
    var boardCode: String?
    /// `2018-01`: the month a requested report is for.
    var month: String?
    var title: String?
    var ownerEmail: String?
    var ownerRole: String?
    var createdBy: String
    var createdAt: Date
}

extension ResolutionEffect.Kind: DatabaseValueConvertible {}

extension ResolutionEffectRecord: StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resolutionEffect"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let resolutionId = Column(CodingKeys.resolutionId)
        static let kind = Column(CodingKeys.kind)
        static let actionRef = Column(CodingKeys.actionRef)
        static let agendaItemId = Column(CodingKeys.agendaItemId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<ResolutionEffectRecord> {
    /// What these resolutions set in motion.
    func filter(resolutions ids: [Int64]) -> Self { filter(ids.contains(ResolutionEffectRecord.Columns.resolutionId)) }
}

/// A row of `executiveDecision`, its call-in inline.
struct ExecutiveDecisionRecord: Codable, Sendable {
    var reference: String
    var title: String
    var decisionMaker: String
    var decidedOn: LocalDate
    var publishedOn: LocalDate?
    var urgencyReason: String?
    var callInRequestedOn: LocalDate?
    /// Stored as JSON: the members who called it in.
    var callInBy: [String]?
    var callInReason: String?
    var hearingDate: LocalDate?
    var callInOutcome: ExecutiveDecision.CallIn.Outcome?
    var recordedBy: String
    var recordedAt: Date
}

extension ExecutiveDecision.CallIn.Outcome: DatabaseValueConvertible {}

extension ExecutiveDecisionRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "executiveDecision"

    enum Columns {
        static let reference = Column(CodingKeys.reference)
        static let decisionMaker = Column(CodingKeys.decisionMaker)
        static let decidedOn = Column(CodingKeys.decidedOn)
    }

    init(_ decision: ExecutiveDecision, recordedBy: String, recordedAt: Date) {
        reference = decision.reference
        title = decision.title
        decisionMaker = decision.decisionMaker
        decidedOn = decision.decidedOn
        publishedOn = decision.publishedOn
        urgencyReason = decision.urgencyReason
        callInRequestedOn = decision.callIn?.requestedOn
        callInBy = decision.callIn?.by
        callInReason = decision.callIn?.reason
        hearingDate = decision.callIn?.hearingDate
        callInOutcome = decision.callIn?.outcome
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    func decision() throws -> ExecutiveDecision {
        var callIn: ExecutiveDecision.CallIn?
        if let callInRequestedOn {
            callIn = ExecutiveDecision.CallIn(
                requestedOn: callInRequestedOn, by: callInBy ?? [], reason: callInReason ?? "", hearingDate: hearingDate,
                outcome: callInOutcome ?? .pending)
        }
        do {
            return try ExecutiveDecision(
                reference: reference, title: title, decisionMaker: decisionMaker, decidedOn: decidedOn, publishedOn: publishedOn,
                urgencyReason: urgencyReason, callIn: callIn)
        } catch {
            throw StoredDataError(table: "executiveDecision", key: reference, problem: error.description)
        }
    }
}

extension DerivableRequest<ExecutiveDecisionRecord> {
    /// Decisions taken by `board`.
    func filter(decisionMaker board: String) -> Self { filter(ExecutiveDecisionRecord.Columns.decisionMaker == board) }

    /// By the day decided, then reference.
    func orderedByDecisionDate() -> Self {
        order(ExecutiveDecisionRecord.Columns.decidedOn, ExecutiveDecisionRecord.Columns.reference)
    }
}

/// A row of `actionTracking`: an action's RAG rating and update frequency.
struct ActionTrackingRecord: Codable, Sendable {
    var actionRef: String
    var rag: RAGRating?
    /// The frequency as written (`monthly`, `every 3 weeks`): a value with its own grammar rather
    /// than a code, read back through `UpdateFrequency(parsing:)`.
    var updateFrequency: String?
    var frequencySince: LocalDate?
    var setBy: String
    var setAt: Date
}

extension RAGRating: DatabaseValueConvertible {}

extension ActionTrackingRecord: StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "actionTracking"

    enum Columns {
        static let actionRef = Column(CodingKeys.actionRef)
    }

    /// Adds the rating and frequency to `action`. A stored frequency that no longer reads is
    /// dropped rather than failing the whole plan.
    func apply(to action: inout PlanAction) {
        action.rag = rag
        action.updateFrequency = updateFrequency.flatMap { try? UpdateFrequency(parsing: $0) }
        action.frequencySetOn = frequencySince
    }
}

/// A row of `measureTarget`.
struct MeasureTargetRecord: Codable, Sendable {
    var measureId: String
    var target: Double?
    var unit: MeasureUnit?
}

extension MeasureUnit: DatabaseValueConvertible {}

extension MeasureTargetRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "measureTarget"

    enum Columns {
        static let measureId = Column(CodingKeys.measureId)
    }
}

/// A row of `measureComparator`.
struct MeasureComparatorRecord: Codable, Sendable {
    var measureId: String
    var kind: QuorumDomain.Comparator.Kind
    var value: Double
    /// As `Period` writes it (`2016/17`), like `measureValue.period`.
    var period: String
    var source: String
}

extension QuorumDomain.Comparator.Kind: DatabaseValueConvertible {}

extension MeasureComparatorRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "measureComparator"

    enum Columns {
        static let measureId = Column(CodingKeys.measureId)
        static let kind = Column(CodingKeys.kind)
    }

    var comparator: QuorumDomain.Comparator? {
        guard let period = try? Period(parsing: period) else { return nil }
        return QuorumDomain.Comparator(kind: kind, value: value, period: period, source: source)
    }
}
