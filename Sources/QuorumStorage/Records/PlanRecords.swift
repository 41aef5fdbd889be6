import Foundation
import GRDB
import QuorumDomain

/// A row of `recommendation`.
struct RecommendationRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "recommendation"
    var id: String
    var priority: Int
    var priorityTitle: String
    var title: String
    var ambition: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let priority = Column(CodingKeys.priority)
        static let priorityTitle = Column(CodingKeys.priorityTitle)
        static let title = Column(CodingKeys.title)
        static let ambition = Column(CodingKeys.ambition)
    }

    var recommendation: Recommendation {
        Recommendation(id: id, priority: priority, title: title, ambition: ambition)
    }
}

/// A row of `action` (the improvement-plan action, not a verb).
struct ActionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "action"
    var ref: String
    var recommendationId: String
    var text: String
    var reviewDate: String
    var leadRole: String
    var leadEmail: String
    var status: ActionStatus

    enum Columns {
        static let ref = Column(CodingKeys.ref)
        static let recommendationId = Column(CodingKeys.recommendationId)
        static let text = Column(CodingKeys.text)
        static let reviewDate = Column(CodingKeys.reviewDate)
        static let leadRole = Column(CodingKeys.leadRole)
        static let leadEmail = Column(CodingKeys.leadEmail)
        static let status = Column(CodingKeys.status)
    }

    init(_ action: PlanAction) {
        ref = action.ref
        recommendationId = action.recommendationID
        text = action.text
        reviewDate = action.reviewDate.description
        leadRole = action.lead.role
        leadEmail = action.lead.email
        status = action.status
    }

    /// Inserts a row; with ``insertArguments``, for writing many rows through one prepared statement.
    static let insertSQL =
        "INSERT INTO action (ref, recommendationId, text, reviewDate, leadRole, leadEmail, status) VALUES (?, ?, ?, ?, ?, ?, ?)"
    /// Rewrites a row by its ref; with ``updateArguments``.
    static let updateSQL =
        "UPDATE action SET recommendationId = ?, text = ?, reviewDate = ?, leadRole = ?, leadEmail = ?, status = ? WHERE ref = ?"

    var insertArguments: StatementArguments { [ref, recommendationId, text, reviewDate, leadRole, leadEmail, status] }
    var updateArguments: StatementArguments { [recommendationId, text, reviewDate, leadRole, leadEmail, status, ref] }

    /// The action with `updates`. A stored review date that no longer parses is a bug in an
    /// earlier version, not the client's fault: it fails loudly rather than guessing.
    func planAction(updates: [ActionUpdate]) throws -> PlanAction {
        PlanAction(
            ref: ref, recommendationID: recommendationId, text: text, reviewDate: try ReviewDate(parsing: reviewDate),
            lead: Person(role: leadRole, email: leadEmail), status: status,
            updates: updates)
    }
}

/// A row of `actionUpdate`: one dated update of an action, in the order it was recorded.
struct ActionUpdateRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "actionUpdate"
    var id: Int64?
    var actionRef: String
    var date: LocalDate
    var text: String
    var author: String
    var newReviewDate: LocalDate?
    var completes: Bool
    var recordedAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let actionRef = Column(CodingKeys.actionRef)
        static let date = Column(CodingKeys.date)
        static let text = Column(CodingKeys.text)
        static let author = Column(CodingKeys.author)
        static let newReviewDate = Column(CodingKeys.newReviewDate)
        static let completes = Column(CodingKeys.completes)
        static let recordedAt = Column(CodingKeys.recordedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var update: ActionUpdate {
        ActionUpdate(date: date, text: text, author: author, newReviewDate: newReviewDate, completes: completes)
    }
}

/// A row of `measure`: the thresholds as written, so the scorecard shows the seed's own text.
struct MeasureRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "measure"
    var id: String
    var recommendationId: String
    var name: String
    var shows: String
    var polarity: Polarity
    var requiresImprovement: String?
    var good: String?
    var outstanding: String?
    var isAudit: Bool
    var position: Int

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let recommendationId = Column(CodingKeys.recommendationId)
        static let name = Column(CodingKeys.name)
        static let shows = Column(CodingKeys.shows)
        static let polarity = Column(CodingKeys.polarity)
        static let requiresImprovement = Column(CodingKeys.requiresImprovement)
        static let good = Column(CodingKeys.good)
        static let outstanding = Column(CodingKeys.outstanding)
        static let isAudit = Column(CodingKeys.isAudit)
        static let position = Column(CodingKeys.position)
    }

    init(_ measure: Measure, position: Int) {
        id = measure.id
        recommendationId = measure.recommendationID
        name = measure.name
        shows = measure.shows
        polarity = measure.polarity
        requiresImprovement = measure.thresholds?.requiresImprovement.text
        good = measure.thresholds?.good.text
        outstanding = measure.thresholds?.outstanding.text
        isAudit = measure.isAudit
        self.position = position
    }

    func measure() throws -> Measure {
        try Measure(
            id: id, recommendationID: recommendationId, name: name, shows: shows, polarity: polarity,
            requiresImprovement: requiresImprovement, good: good, outstanding: outstanding, isAudit: isAudit)
    }
}

/// A row of `measureValue`.
struct MeasureValueRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "measureValue"
    var measureId: String
    var period: String
    var value: Double
    var recordedBy: String
    var recordedAt: Date

    enum Columns {
        static let measureId = Column(CodingKeys.measureId)
        static let period = Column(CodingKeys.period)
        static let value = Column(CodingKeys.value)
        static let recordedBy = Column(CodingKeys.recordedBy)
        static let recordedAt = Column(CodingKeys.recordedAt)
    }

    func measureValue() throws -> MeasureValue {
        MeasureValue(measureID: measureId, period: try Period(parsing: period), value: value)
    }
}

/// A row of `auditEntry`.
struct AuditEntryRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "auditEntry"
    var id: Int64?
    var at: Date
    var actor: String
    var subject: String
    var subjectKey: String
    var change: String
    var details: String
    var via: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
        static let actor = Column(CodingKeys.actor)
        static let subject = Column(CodingKeys.subject)
        static let subjectKey = Column(CodingKeys.subjectKey)
        static let change = Column(CodingKeys.change)
        static let details = Column(CodingKeys.details)
        static let via = Column(CodingKeys.via)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Data in the database that this version cannot read back: never the client's fault.
struct StoredDataError: Error, CustomStringConvertible {
    let table: String
    let key: String
    let problem: String
    var description: String { "\(table) \(key): unreadable \(problem)" }
}
