import Foundation
import GRDB
import QuorumDomain

/// Why a plan change could not be stored.
public enum PlanStoreError: Error, Hashable, Sendable {
    case unknownAction(String)
    case unknownMeasure(String)
}

extension AppDatabase {
    /// The plan's recommendations with their priority titles, in plan order.
    public func recommendations() async throws -> [(recommendation: Recommendation, priorityTitle: String)] {
        try await writer.read { db in
            try RecommendationRecord.order(RecommendationRecord.Columns.priority, RecommendationRecord.Columns.id).fetchAll(db)
        }.map { ($0.recommendation, $0.priorityTitle) }
    }

    /// Every action with its updates, in reference order (1.1.2 before 1.1.10).
    public func planActions() async throws -> [PlanAction] {
        let (records, updates, tracking) = try await writer.read { db in
            (
                try ActionRecord.fetchAll(db),
                try ActionUpdateRecord.order(ActionUpdateRecord.Columns.id).fetchAll(db),
                try AppDatabase.tracking(db)
            )
        }
        return try AppDatabase.planActions(records, updates, tracking)
    }

    // Synchronous, as the measure conversions below are, to keep the async function small for the
    // release optimiser.
    private static func planActions(
        _ records: [ActionRecord], _ updates: [ActionUpdateRecord], _ tracking: [String: ActionTrackingRecord] = [:]
    ) throws -> [PlanAction] {
        let byRef = Dictionary(grouping: updates, by: \.actionRef)
        // Each ref's numbers once, not in every comparison: over 100,000 actions the comparisons
        // splitting strings were most of REMIND PREVIEW's time.
        return try records.map { (order: PlanAction.refOrder($0.ref), action: try AppDatabase.tracked($0, updates: byRef[$0.ref] ?? [], tracking[$0.ref])) }
            .sorted { $0.order.lexicographicallyPrecedes($1.order) }
            .map(\.action)
    }

    public func planAction(ref: String) async throws -> PlanAction? {
        try await writer.read { db in try AppDatabase.trackedAction(ref: ref, db) }
    }

    private static func tracked(_ record: ActionRecord, updates: [ActionUpdateRecord], _ tracking: ActionTrackingRecord?) throws -> PlanAction {
        var action = try record.planAction(updates: updates.map(\.update))
        tracking?.apply(to: &action)
        return action
    }

    /// Who changed the action and when, oldest first.
    public func history(subject: String, key: String) async throws -> [AuditEntry] {
        try await writer.read { db in
            try AuditEntryRecord.filter(AuditEntryRecord.Columns.subject == subject && AuditEntryRecord.Columns.subjectKey == key)
                .order(AuditEntryRecord.Columns.id).fetchAll(db)
        }.map(\.entry)
    }

    /// Records an update of an action; a completing update marks it complete. Audited.
    /// - Throws: `PlanStoreError.unknownAction`.
    public func addUpdate(_ update: ActionUpdate, toAction ref: String, actor: String, now: Date) async throws -> PlanAction {
        let stamp = now.storedInstant
        return try await write { db in
            guard var action = try ActionRecord.fetchOne(db, key: ref) else { throw PlanStoreError.unknownAction(ref) }
            var record = ActionUpdateRecord(
                id: nil, actionRef: ref, date: update.date, text: update.text, author: update.author,
                newReviewDate: update.newReviewDate, completes: update.completes, recordedAt: stamp)
            try record.insert(db)
            var details = ["date": update.date.description, "text": update.text]
            if let review = update.newReviewDate { details["review_date"] = review.description }
            if update.completes {
                details["status"] = "complete"
                action.status = .complete
                try action.update(db)
            }
            try Auditor(db: db, at: stamp, actor: actor, via: "command").record("action", ref, "update added", details)
            return try AppDatabase.trackedAction(ref: ref, db)!
        }
    }

    /// Every measure, in the order the plan lists them.
    public func measures() async throws -> [Measure] {
        try await writer.read(AppDatabase.measures)
    }

    public func measureValues() async throws -> [MeasureValue] {
        try await writer.read(AppDatabase.measureValues)
    }

    // The conversions run in plain synchronous functions: a throwing `map` chained after the
    // `await` in the async functions above crashed the release compiler ("While splitting
    // coroutine", Swift 6.3).
    private static func measures(_ db: Database) throws -> [Measure] {
        try withTargets(try MeasureRecord.order(MeasureRecord.Columns.position).fetchAll(db).map { try $0.measure() }, db)
    }

    private static func measureValues(_ db: Database) throws -> [MeasureValue] {
        try MeasureValueRecord.fetchAll(db).map { try $0.measureValue() }
    }

    /// Records a value for a period (replacing an earlier one). Audited.
    /// - Throws: `PlanStoreError.unknownMeasure`.
    public func setValue(_ value: MeasureValue, actor: String, now: Date) async throws {
        let stamp = now.storedInstant
        try await write { db in
            guard try MeasureRecord.fetchOne(db, key: value.measureID) != nil else {
                throw PlanStoreError.unknownMeasure(value.measureID)
            }
            _ = try self.storeValue(value, actor: actor, stamp: stamp, db, Auditor(db: db, at: stamp, actor: actor, via: "command"))
        }
    }

    /// Whether the plan tables are empty (demo data loads only into an empty plan).
    public func planIsEmpty() async throws -> Bool {
        try await writer.read { db in
            try RecommendationRecord.fetchCount(db) == 0 && ActionRecord.fetchCount(db) == 0 && MeasureRecord.fetchCount(db) == 0
        }
    }
}
