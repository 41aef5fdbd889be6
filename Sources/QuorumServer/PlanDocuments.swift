import QuorumDomain
import QuorumStorage

// The JSON shapes of plan and scorecard replies.

struct ActionUpdateDocument: Encodable {
    let date: String
    let text: String
    let author: String
    @EncodedAsNull var reviewDate: String?
    let completes: Bool

    init(_ update: ActionUpdate) {
        date = update.date.description
        text = update.text
        author = update.author
        reviewDate = update.newReviewDate?.description
        completes = update.completes
    }
}

struct ActionDocument: Encodable {
    let ref: String
    let recommendation: String
    let action: String
    let lead: PersonDocument
    /// The review date as the plan writes it (a date, Ongoing or Completed).
    let reviewDate: String
    /// The date the action is judged against as of `asOf`: a later update may have moved it.
    @EncodedAsNull var effectiveReviewDate: String?
    /// The state as of `asOf`: complete, overdue, due or open.
    let status: String
    let asOf: String
    @EncodedAsNull var daysOverdue: Int?
    @EncodedAsNull var latestUpdate: ActionUpdateDocument?
    let updates: [ActionUpdateDocument]?
    let history: [HistoryDocument]?

    init(_ action: PlanAction, asOf: LocalDate, detailed: Bool = false, history: [AuditEntry]? = nil) {
        ref = action.ref
        recommendation = action.recommendationID
        self.action = action.text
        lead = PersonDocument(action.lead)
        reviewDate = action.reviewDate.description
        effectiveReviewDate = action.effectiveReviewDate(on: asOf)?.description
        let state = action.state(on: asOf)
        status = state.rawValue
        self.asOf = asOf.description
        daysOverdue = state == .overdue ? action.daysOverdue(on: asOf) : nil
        latestUpdate = action.latestUpdate(on: asOf).map(ActionUpdateDocument.init)
        updates = detailed ? action.updates.map(ActionUpdateDocument.init) : nil
        self.history = history?.map(HistoryDocument.init)
    }
}

struct HistoryDocument: Encodable {
    let at: String
    let by: String
    let change: String
    let via: String
    let details: [String: String]

    init(_ entry: AuditEntry) {
        at = entry.at
        by = entry.actor
        change = entry.change
        via = entry.via
        details = entry.details
    }
}

struct ThresholdsDocument: Encodable {
    let requiresImprovement: String
    let good: String
    let outstanding: String

    init?(_ thresholds: Thresholds?) {
        guard let thresholds else { return nil }
        requiresImprovement = thresholds.requiresImprovement.text
        good = thresholds.good.text
        outstanding = thresholds.outstanding.text
    }
}

struct MeasureDocument: Encodable {
    let id: String
    let recommendation: String
    let name: String
    let shows: String
    let polarity: String
    @EncodedAsNull var thresholds: ThresholdsDocument?
    let audit: Bool
    @EncodedAsNull var latest: ScorecardRowDocument?

    init(_ measure: Measure, latest: ScorecardRow?) {
        id = measure.id
        recommendation = measure.recommendationID
        name = measure.name
        shows = measure.shows
        polarity = measure.polarity.rawValue
        thresholds = ThresholdsDocument(measure.thresholds)
        audit = measure.isAudit
        self.latest = latest.map(ScorecardRowDocument.init)
    }
}

struct ScorecardRowDocument: Encodable {
    let id: String
    let recommendation: String
    let name: String
    let polarity: String
    @EncodedAsNull var thresholds: ThresholdsDocument?
    let period: String
    @EncodedAsNull var value: Double?
    @EncodedAsNull var previous: Double?
    @EncodedAsNull var previousPeriod: String?
    let band: String
    let direction: String

    init(_ row: ScorecardRow) {
        id = row.measure.id
        recommendation = row.measure.recommendationID
        name = row.measure.name
        polarity = row.measure.polarity.rawValue
        thresholds = ThresholdsDocument(row.measure.thresholds)
        period = row.period.description
        value = row.value
        previous = row.previous?.value
        previousPeriod = row.previous?.period.description
        band = row.band.rawValue
        direction = row.direction.rawValue
    }
}
