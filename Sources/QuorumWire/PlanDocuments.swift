import QuorumDomain

// The JSON shapes of plan and scorecard replies.

/// What an import did, row by row.
public struct ImportSummaryDocument: Codable, Sendable, Hashable {
    public var kind: String
    public var rows: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    /// Action updates appended from the `update` column.
    public var updatesAdded: Int
    /// Recommendations created from the ids that rows named (no recommendations file needed).
    public var recommendationsCreated: Int

    public init(kind: String, rows: Int, created: Int, updated: Int, unchanged: Int, updatesAdded: Int, recommendationsCreated: Int) {
        self.kind = kind
        self.rows = rows
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.updatesAdded = updatesAdded
        self.recommendationsCreated = recommendationsCreated
    }
}

public struct ActionUpdateDocument: Codable, Sendable, Hashable {
    public let date: String
    public let text: String
    public let author: String
    @EncodedAsNull public var reviewDate: String?
    public let completes: Bool

    public init(_ update: ActionUpdate) {
        date = update.date.description
        text = update.text
        author = update.author
        reviewDate = update.newReviewDate?.description
        completes = update.completes
    }
}

public struct ActionDocument: Codable, Sendable, Hashable {
    public let ref: String
    public let recommendation: String
    public let action: String
    public let lead: PersonDocument
    /// The review date as the plan writes it (a date, Ongoing or Completed).
    public let reviewDate: String
    /// The date the action is judged against as of `asOf`: a later update may have moved it.
    @EncodedAsNull public var effectiveReviewDate: String?
    /// The state as of `asOf`: complete, overdue, due or open.
    public let status: String
    public let asOf: String
    @EncodedAsNull public var daysOverdue: Int?
    @EncodedAsNull public var latestUpdate: ActionUpdateDocument?
    public let updates: [ActionUpdateDocument]?
    public let history: [HistoryDocument]?
    /// The lead's red/amber/green rating, or null.
    @EncodedAsNull public var rag: String? = nil
    /// How often the lead must post an update (`monthly`), or null.
    @EncodedAsNull public var updateFrequency: String? = nil
    /// When the next update is due under the frequency, or null.
    @EncodedAsNull public var nextUpdateDue: String? = nil
    /// Whether the lead is chased for an update as of `asOf`.
    public var updateChased: Bool = false
    /// The resolution that created the action (`OSC-2017-11-14/5.1`), or null.
    @EncodedAsNull public var resolution: String? = nil
    /// Resolutions that posted updates to it.
    public var updatedByResolutions: [String]? = nil

    public init(_ action: PlanAction, asOf: LocalDate, detailed: Bool = false, history: [HistoryDocument]? = nil) {
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
        self.history = history
        rag = action.rag?.rawValue
        updateFrequency = action.updateFrequency?.description
        nextUpdateDue = action.nextUpdateDue(on: asOf, since: action.frequencySetOn)?.description
        updateChased = action.needsUpdateChase(on: asOf, since: action.frequencySetOn)
    }
}

public struct HistoryDocument: Codable, Sendable, Hashable {
    public let at: String
    public let by: String
    public let change: String
    public let via: String
    public let details: [String: String]

    public init(at: String, by: String, change: String, via: String, details: [String: String]) {
        self.at = at
        self.by = by
        self.change = change
        self.via = via
        self.details = details
    }
}

public struct ThresholdsDocument: Codable, Sendable, Hashable {
    public let requiresImprovement: String
    public let good: String
    public let outstanding: String

    public init?(_ thresholds: Thresholds?) {
        guard let thresholds else { return nil }
        requiresImprovement = thresholds.requiresImprovement.text
        good = thresholds.good.text
        outstanding = thresholds.outstanding.text
    }
}

public struct MeasureDocument: Codable, Sendable, Hashable {
    public let id: String
    public let recommendation: String
    public let name: String
    public let shows: String
    public let polarity: String
    @EncodedAsNull public var thresholds: ThresholdsDocument?
    public let audit: Bool
    @EncodedAsNull public var latest: ScorecardRowDocument?
    @EncodedAsNull public var target: Double? = nil
    @EncodedAsNull public var unit: String? = nil
    public var comparators: [ComparatorDocument] = []

    public init(_ measure: Measure, latest: ScorecardRow?) {
        id = measure.id
        recommendation = measure.recommendationID
        name = measure.name
        shows = measure.shows
        polarity = measure.polarity.rawValue
        thresholds = ThresholdsDocument(measure.thresholds)
        audit = measure.isAudit
        self.latest = latest.map(ScorecardRowDocument.init)
        target = measure.target
        unit = measure.unit?.rawValue
        comparators = measure.comparators.map { ComparatorDocument($0, measure: measure, value: latest?.value) }
    }
}

public struct ScorecardRowDocument: Codable, Sendable, Hashable {
    public let id: String
    public let recommendation: String
    public let name: String
    public let polarity: String
    @EncodedAsNull public var thresholds: ThresholdsDocument?
    public let period: String
    @EncodedAsNull public var value: Double?
    @EncodedAsNull public var previous: Double?
    @EncodedAsNull public var previousPeriod: String?
    public let band: String
    public let direction: String
    @EncodedAsNull public var yearAgo: Double? = nil
    @EncodedAsNull public var yearAgoPeriod: String? = nil
    /// The direction of travel against the same period a year before.
    public var directionSinceYearAgo: String = Direction.new.rawValue
    @EncodedAsNull public var target: Double? = nil
    /// Whether the value reaches the target, in the measure's polarity; null without either.
    @EncodedAsNull public var meetsTarget: Bool? = nil
    @EncodedAsNull public var unit: String? = nil
    /// The value as the unit writes it (`76.4%`), or null.
    @EncodedAsNull public var formatted: String? = nil
    public var comparators: [ComparatorDocument] = []

    // Unoptimised: Swift 6.3.1's optimiser crashes on this initialiser in a release build
    // (CopyPropagation, "Found outside of lifetime use" on the row's optional values). It runs
    // once per measure per scorecard; the kept replies make its cost immaterial.
    @_optimize(none)
    public init(_ row: ScorecardRow) {
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
        yearAgo = row.yearAgo?.value
        yearAgoPeriod = row.yearAgo?.period.description
        directionSinceYearAgo = row.directionSinceYearAgo.rawValue
        target = row.measure.target
        meetsTarget = row.meetsTarget
        unit = row.measure.unit?.rawValue
        formatted = row.value.flatMap { value in row.measure.unit.map { $0.format(value) } }
        comparators = row.measure.comparators.map { ComparatorDocument($0, measure: row.measure, value: row.value) }
    }
}

/// A figure a measure is compared with, and how the value stands against it.
public struct ComparatorDocument: Codable, Sendable, Hashable {
    /// `national`, `statistical_neighbours` or `regional`.
    public let kind: String
    public let value: Double
    public let period: String
    public let source: String
    /// `better`, `level` or `worse`, in the measure's polarity; null without a value.
    @EncodedAsNull public var standing: String?

    public init(_ comparator: Comparator, measure: Measure, value: Double?) {
        kind = comparator.kind.rawValue
        self.value = comparator.value
        period = comparator.period.description
        source = comparator.source
        standing = value.map { measure.standing(of: $0, against: comparator).rawValue }
    }
}
