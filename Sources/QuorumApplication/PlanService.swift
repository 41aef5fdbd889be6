import Foundation
import QuorumDomain
import QuorumImport
import QuorumStorage
import QuorumWire

/// The improvement plan and the scorecard: imports, actions, measures, values.
public struct PlanService: Sendable {
    let database: AppDatabase
    let clock: WallClock
    let authorizer: Authorizer
    /// The read models of the plan, kept until a write changes their tables.
    let models: PlanModels

    public init(database: AppDatabase, clock: WallClock) {
        self.init(database: database, clock: clock, models: PlanModels(database))
    }

    init(database: AppDatabase, clock: WallClock, models: PlanModels) {
        self.database = database
        self.clock = clock
        self.authorizer = Authorizer(database: database)
        self.models = models
    }

    /// Imports a CSV file of `kind` (`recommendations`, `actions`, `measures`, `values`): every
    /// row checked, all stored or none.
    public func importCSV(_ kindName: String, csv: String, as user: User?) async throws -> ImportSummaryDocument {
        try await authorizer.authorize(.planImport, user)
        guard let kind = ImportKind(rawValue: kindName.lowercased()) else {
            let kinds = ImportKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ApplicationError(.badArgument, "'\(kindName)' is not one of \(kinds)")
        }
        do {
            let summary = try await audited(.planImport, by: user, target: kind.rawValue, ["csv_bytes": String(csv.utf8.count)]) {
                try await database.importPlan(actor: user?.name ?? "", now: clock.now()) {
                    try PlanImportRows(kind, csv: csv, against: $0)
                }
            }
            return ImportSummaryDocument(
                kind: summary.kind, rows: summary.rows, created: summary.created, updated: summary.updated,
                unchanged: summary.unchanged, updatesAdded: summary.updatesAdded, recommendationsCreated: summary.recommendationsCreated)
        } catch let error as ImportError {
            throw ApplicationError(.badInput, error.description)
        }
    }

    /// The filters of an action list; nil means any.
    public struct ActionFilter: Sendable {
        public var state: String?
        public var leadEmail: String?
        public var recommendation: String?
        public var asOf: LocalDate?

        public init(state: String? = nil, leadEmail: String? = nil, recommendation: String? = nil, asOf: LocalDate? = nil) {
            self.state = state
            self.leadEmail = leadEmail
            self.recommendation = recommendation
            self.asOf = asOf
        }
    }

    public func actions(_ filter: ActionFilter, as user: User?) async throws -> [ActionDocument] {
        try await authorizer.authorize(.actionList, user)
        let asOf = filter.asOf ?? clock.today
        var state: ActionState?
        if let text = filter.state {
            guard let parsed = ActionState(rawValue: text.lowercased()) else {
                throw ApplicationError(.badArgument, "status '\(text)' is not complete, overdue, due or open")
            }
            state = parsed
        }
        // The resolutions that created actions, in one query for the whole list.
        let origins = try await database.resolutionsOfActions()
        return try await models.actions.value()
            .filter { action in
                (state.map { action.state(on: asOf) == $0 } ?? true)
                    && (filter.leadEmail.map { EmailAddressRule.same(action.lead.email, $0) } ?? true)
                    && (filter.recommendation.map { action.recommendationID == $0 } ?? true)
            }
            .map { action in
                var document = ActionDocument(action, asOf: asOf)
                document.resolution = origins[action.ref]?.created
                return document
            }
    }

    public func action(_ ref: String, asOf: LocalDate?, as user: User?) async throws -> ActionDocument {
        try await authorizer.authorize(.actionGet, user)
        let action = try await planAction(ref)
        let history = try await database.history(subject: "action", key: ref).map(HistoryDocument.init)
        return try await withResolutions(ActionDocument(action, asOf: asOf ?? clock.today, detailed: true, history: history))
    }

    /// Posts an update to an action, optionally with a new review date (`2018-01-31`, `2018-01`,
    /// `Jan 2018`) or completing it.
    public func updateAction(
        _ ref: String, text: String, reviewDate: String?, completes: Bool, as user: User?
    ) async throws -> ActionDocument {
        let action = try await planAction(ref)
        try await authorizer.authorize(.actionUpdate, user, scope: AccessScope(actionLead: action.lead.email))
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ApplicationError(.badArgument, "the update text is empty") }
        var review: LocalDate?
        if let written = reviewDate {
            guard case .date(let date) = try? ReviewDate(parsing: written) else {
                throw ApplicationError(.badArgument, "review '\(written)' is not a date (2018-01-31, 2018-01 or Jan 2018)")
            }
            review = date
        }
        let author = user?.name ?? ""
        let update = ActionUpdate(date: clock.today, text: text, author: author, newReviewDate: review, completes: completes)
        let details = ["text": text, "review": review?.description, "status": completes ? "complete" : nil]
        let updated = try await audited(.actionUpdate, by: user, target: ref, details) {
            try await database.addUpdate(update, toAction: ref, actor: author, now: clock.now())
        }
        return ActionDocument(updated, asOf: clock.today, detailed: true)
    }

    public func measures(as user: User?) async throws -> [MeasureDocument] {
        try await authorizer.authorize(.measureList, user)
        let measures = try await models.measures.value()
        let values = Dictionary(grouping: try await models.values.value(), by: \.measureID)
        return measures.map { measure in
            let own = values[measure.id] ?? []
            let latest = Scorecard.latestPeriod(in: own).flatMap { period in
                Scorecard.rows(measures: [measure], values: own, period: period).first
            }
            return MeasureDocument(measure, latest: latest)
        }
    }

    /// Records a measure's value (`76.4`, `85%`) for a period (`2017/18`, `2017/18 Q2`, `2017-10`).
    public func setValue(measure id: String, period periodText: String, value valueText: String, as user: User?) async throws
        -> ScorecardRowDocument
    {
        try await authorizer.authorize(.measureSet, user)
        let period = try Self.period(periodText)
        var digits = valueText
        if digits.hasSuffix("%") { digits.removeLast() }
        guard let value = Double(digits), value.isFinite else {
            throw ApplicationError(.badArgument, "value '\(valueText)' is not a number")
        }
        do {
            try await audited(.measureSet, by: user, target: id, ["period": period.description, "value": valueText]) {
                try await database.setValue(MeasureValue(measureID: id, period: period, value: value), actor: user?.name ?? "", now: clock.now())
            }
        } catch PlanStoreError.unknownMeasure(let id) {
            throw ApplicationError(.notFound, "no measure '\(id)'")
        }
        let measures = try await models.measures.value().filter { $0.id == id }
        let values = try await models.values.value().filter { $0.measureID == id }
        guard let row = Scorecard.rows(measures: measures, values: values, period: period).first else {
            throw ApplicationError(.unavailable, "the value was stored but cannot be read back")
        }
        return ScorecardRowDocument(row)
    }

    /// Every measure judged for `period` (nil: the latest with values).
    public func scorecard(period text: String?, as user: User?) async throws -> [ScorecardRowDocument] {
        try await authorizer.authorize(.scorecard, user)
        let period = try text.map(Self.period)
        return Scorecard.rows(measures: try await models.measures.value(), values: try await models.values.value(), period: period)
            .map(ScorecardRowDocument.init)
    }

    private func planAction(_ ref: String) async throws -> PlanAction {
        guard let action = try await database.planAction(ref: ref) else {
            throw ApplicationError(.notFound, "no action '\(ref)'")
        }
        return action
    }

    private static func period(_ text: String) throws -> Period {
        do {
            return try Period(parsing: text)
        } catch {
            throw ApplicationError(.badArgument, "\(error) (periods look like 2017/18, 2017/18 Q2 or 2017-10)")
        }
    }
}

/// The plan's read models: the measures with their thresholds parsed, the values, and the
/// actions with their updates in plan order. Each is read again only after a committed write to
/// its tables (an import, `MEASURE SET`, `ACTION UPDATE`, or any other write path).
struct PlanModels: Sendable {
    let measures: ReadModel<[Measure]>
    let values: ReadModel<[MeasureValue]>
    let actions: ReadModel<[PlanAction]>

    init(_ database: AppDatabase) {
        measures = ReadModel(database, tables: ["measure", "measureTarget", "measureComparator"]) { try await database.measures() }
        values = ReadModel(database, tables: ["measureValue"]) { try await database.measureValues() }
        actions = ReadModel(database, tables: ["action", "actionUpdate", "actionTracking"]) { try await database.planActions() }
    }
}

extension HistoryDocument {
    init(_ entry: AuditEntry) {
        self.init(at: entry.at.utcISOText, by: entry.actor, change: entry.change, via: entry.via, details: entry.details)
    }
}
