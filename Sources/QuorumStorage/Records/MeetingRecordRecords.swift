import Foundation
import GRDB
import QuorumDomain

/// A row of `attendance`: a member's attendance, or a substitute who sat for one.
struct AttendanceRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "attendance"
    var meetingId: String
    var email: String
    var role: String
    var status: String
    var substituteFor: String?
    var recordedBy: String
    var recordedAt: String

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let email = Column(CodingKeys.email)
    }
}

/// A row of `declaration`.
struct DeclarationRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "declaration"
    var id: Int64?
    var meetingId: String
    var itemNumber: Int
    var memberEmail: String
    var kind: DeclarationOfInterest.Kind
    var nature: String
    var leftRoom: Bool
    var dispensation: Bool
    var recordedBy: String
    var recordedAt: String

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

extension DeclarationOfInterest.Kind: DatabaseValueConvertible {}

/// A row of `minute`: one agenda item's minute.
struct MinuteRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "minute"
    var meetingId: String
    var itemNumber: Int
    var itemKey: String
    var title: String
    var text: String
    var exemptParagraph: Int?
    var recordedBy: String
    var recordedAt: String

    enum Columns {
        static let meetingId = Column(CodingKeys.meetingId)
        static let itemNumber = Column(CodingKeys.itemNumber)
    }
}

/// A row of `resolution`.
struct ResolutionRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resolution"
    var id: Int64?
    var meetingId: String
    var itemNumber: Int
    var number: Int
    var wording: String
    var inFavour: Int?
    var against: Int?
    var abstentions: Int?
    /// `for` or `against`, the chair's casting vote on a tie.
    var castingVote: String?
    var recordedBy: String
    var recordedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingId = Column(CodingKeys.meetingId)
        static let itemNumber = Column(CodingKeys.itemNumber)
        static let number = Column(CodingKeys.number)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var resolution: Resolution {
        var vote: Resolution.Vote?
        if let inFavour, let against {
            vote = Resolution.Vote(
                inFavour: inFavour, against: against, abstentions: abstentions ?? 0,
                castingVoteInFavour: castingVote.map { $0 == "for" })
        }
        return Resolution(number: number, wording: wording, vote: vote)
    }
}

/// A row of `minutesApproval`.
struct MinutesApprovalRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "minutesApproval"
    var meetingId: String
    var approvedAtMeetingId: String
    var approvedBy: String
    var approvedAt: String
}

/// A row of `resolutionEffect`: what one resolution set in motion.
struct ResolutionEffectRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resolutionEffect"
    var id: Int64?
    var resolutionId: Int64
    var kind: ResolutionEffect.Kind
    var actionRef: String?
    var agendaItemId: Int64?
    var boardCode: String?
    var month: String?
    var title: String?
    var ownerEmail: String?
    var ownerRole: String?
    var createdBy: String
    var createdAt: String

    enum Columns {
        static let resolutionId = Column(CodingKeys.resolutionId)
        static let kind = Column(CodingKeys.kind)
        static let actionRef = Column(CodingKeys.actionRef)
        static let agendaItemId = Column(CodingKeys.agendaItemId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ResolutionEffect.Kind: DatabaseValueConvertible {}

/// A row of `executiveDecision`, its call-in inline.
struct ExecutiveDecisionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "executiveDecision"
    var reference: String
    var title: String
    var decisionMaker: String
    var decidedOn: LocalDate
    var publishedOn: LocalDate?
    var urgencyReason: String?
    var callInRequestedOn: LocalDate?
    var callInBy: [String]?
    var callInReason: String?
    var hearingDate: LocalDate?
    var callInOutcome: ExecutiveDecision.CallIn.Outcome?
    var recordedBy: String
    var recordedAt: String

    enum Columns {
        static let decisionMaker = Column(CodingKeys.decisionMaker)
        static let decidedOn = Column(CodingKeys.decidedOn)
    }

    init(_ decision: ExecutiveDecision, recordedBy: String, recordedAt: String) {
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

extension ExecutiveDecision.CallIn.Outcome: DatabaseValueConvertible {}

/// A row of `actionTracking`: an action's RAG rating and update frequency.
struct ActionTrackingRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "actionTracking"
    var actionRef: String
    var rag: RAGRating?
    var updateFrequency: String?
    var frequencySince: LocalDate?
    var setBy: String
    var setAt: String

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

extension RAGRating: DatabaseValueConvertible {}

/// A row of `measureTarget`.
struct MeasureTargetRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "measureTarget"
    var measureId: String
    var target: Double?
    var unit: MeasureUnit?
}

extension MeasureUnit: DatabaseValueConvertible {}

/// A row of `measureComparator`.
struct MeasureComparatorRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "measureComparator"
    var measureId: String
    var kind: QuorumDomain.Comparator.Kind
    var value: Double
    var period: String
    var source: String

    enum Columns {
        static let measureId = Column(CodingKeys.measureId)
        static let kind = Column(CodingKeys.kind)
    }

    var comparator: QuorumDomain.Comparator? {
        guard let period = try? Period(parsing: period) else { return nil }
        return QuorumDomain.Comparator(kind: kind, value: value, period: period, source: source)
    }
}

extension QuorumDomain.Comparator.Kind: DatabaseValueConvertible {}
