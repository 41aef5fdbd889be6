import Foundation
import GRDB
import QuorumDomain

/// What an import did, row by row.
public struct ImportSummary: Sendable, Hashable {
    public var kind: String
    public var rows = 0
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Action updates appended from the `update` column.
    public var updatesAdded = 0
    /// Recommendations created from the ids rows named; `IMPORT recommendations` adds their
    /// titles and ambitions, before or after.
    public var recommendationsCreated = 0
}

/// The rows of one import file, already read and checked by the caller: storage never reads
/// CSV. Each kind of file is one case.
public enum PlanImportRows: Sendable {
    case recommendations([RecommendationRow])
    case actions([ActionRow])
    case measures([Measure])
    case values([MeasureValue])

    public struct RecommendationRow: Sendable {
        public let recommendation: Recommendation
        public let priorityTitle: String

        public init(recommendation: Recommendation, priorityTitle: String) {
            self.recommendation = recommendation
            self.priorityTitle = priorityTitle
        }
    }

    public struct ActionRow: Sendable {
        public let action: PlanAction
        /// The row's update text and its date; a nil date means the day of import.
        public let update: (text: String, date: LocalDate?)?

        public init(action: PlanAction, update: (text: String, date: LocalDate?)?) {
            self.action = action
            self.update = update
        }
    }

    /// The kind's name, as the summary reports it.
    public var kind: String {
        switch self {
        case .recommendations: "recommendations"
        case .actions: "actions"
        case .measures: "measures"
        case .values: "values"
        }
    }
}

/// What the stored plan holds that a file's rows are checked against, read inside the import's
/// own transaction so that nothing changes between the check and the write.
public struct PlanImportContext: Sendable {
    /// The ids of the stored measures: a value row must name one.
    public let measureIDs: Set<String>
}

extension AppDatabase {
    /// Imports one file's rows. `rows` reads and checks the file against the stored plan inside
    /// the write transaction (as a sweep's planner does), so a bad row stores nothing and no
    /// concurrent change slips between the check and the write.
    /// - Throws: whatever `rows` throws for the first bad row (the store is unchanged).
    public func importPlan(
        actor: String, now: Date, rows: @Sendable (PlanImportContext) throws -> PlanImportRows
    ) async throws -> ImportSummary {
        let stamp = now.storedInstant
        let today = now.londonDate
        return try await write { db in
            try AppDatabase.withImportCache(db) { try importRows(actor: actor, stamp: stamp, today: today, rows: rows, db) }
        }
    }

    /// The page cache an import may fill: a file of 100,000 actions dirties about 40 MB of
    /// pages. With the default 2 MB cache SQLite writes pages out to the WAL as the cache
    /// fills and writes them again when they change, so the import's time goes to the disk.
    private static let importCacheKiB = 65_536

    /// Runs `body` with the writer's page cache raised to ``importCacheKiB`` and puts it back
    /// before the transaction commits: once committed, the pages above the usual size are freed
    /// (SQLite frees unpinned pages over the limit), so the memory is held only while importing.
    private static func withImportCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let usual = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = \(-importCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(usual)") }
        return try body()
    }

    private func importRows(
        actor: String, stamp: Date, today: LocalDate, rows: (PlanImportContext) throws -> PlanImportRows, _ db: Database
    ) throws -> ImportSummary {
        let context = PlanImportContext(measureIDs: Set(try String.fetchAll(db, sql: "SELECT id FROM measure")))
        let batch = try rows(context)
        var summary = ImportSummary(kind: batch.kind)
        let audit = try Auditor(db: db, at: stamp, actor: actor, via: "import").prepared()
        let stampText = stamp.storageText
        switch batch {
        case .recommendations(let rows):
            for row in rows {
                let record = RecommendationRecord(
                    id: row.recommendation.id, priority: row.recommendation.priority, priorityTitle: row.priorityTitle,
                    title: row.recommendation.title, ambition: row.recommendation.ambition)
                try upsert(record, key: record.id, subject: "recommendation", db, audit, &summary)
            }
        case .actions(let rows):
            summary.recommendationsCreated = try createRecommendations(rows.map(\.action.recommendationID), db, audit)
            // Two queries for the whole file, not two or three per row: every stored action by
            // its ref, and every stored update by what makes it the same update.
            let stored = try AppDatabase.storedActions(db)
            var updates = try AppDatabase.storedUpdateKeys(db)
            // Each row's writes reuse the same prepared statements: no persistence container
            // and no SQL built per row.
            let insertAction = try db.cachedStatement(sql: ActionRecord.insertSQL)
            let updateAction = try db.cachedStatement(sql: ActionRecord.updateSQL)
            let insertUpdate = try db.cachedStatement(
                sql: "INSERT INTO actionUpdate (actionRef, date, text, author, newReviewDate, completes, recordedAt) VALUES (?, ?, ?, ?, NULL, 0, ?)")
            for row in rows {
                let record = ActionRecord(row.action)
                try upsert(
                    record, existing: stored[record.ref], key: record.ref, subject: "action", audit, &summary,
                    insert: { try insertAction.execute(arguments: record.insertArguments) },
                    update: { try updateAction.execute(arguments: record.updateArguments) })
                if let update = row.update {
                    let date = update.date ?? today
                    let dateText = date.description
                    if updates.insert(UpdateKey(ref: record.ref, date: dateText, text: update.text)).inserted {
                        try insertUpdate.execute(arguments: [record.ref, dateText, update.text, actor, stampText])
                        try audit.record("action", record.ref, "update added", ["date": dateText, "text": update.text])
                        summary.updatesAdded += 1
                    }
                }
            }
        case .measures(let measures):
            summary.recommendationsCreated = try createRecommendations(measures.map(\.recommendationID), db, audit)
            var next = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM measure") ?? 0) + 1
            for measure in measures {
                let position = try Int.fetchOne(db, sql: "SELECT position FROM measure WHERE id = ?", arguments: [measure.id])
                try upsert(MeasureRecord(measure, position: position ?? next), key: measure.id, subject: "measure", db, audit, &summary)
                if position == nil { next += 1 }
            }
        case .values(let values):
            for value in values {
                switch try storeValue(value, actor: actor, stamp: stamp, db, audit) {
                case .created: summary.created += 1
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                }
            }
        }
        summary.rows = summary.created + summary.updated + summary.unchanged
        return summary
    }

    /// Creates the recommendations named by `ids` that are not yet stored, titled by their id
    /// until a recommendations file gives their words.
    private func createRecommendations(_ ids: [String], _ db: Database, _ audit: Auditor) throws -> Int {
        var created = 0
        let known = Set(try String.fetchAll(db, sql: "SELECT id FROM recommendation"))
        for id in Set(ids).subtracting(known).sorted() {
            let priority = Int(id.split(separator: ".").first ?? "") ?? 0
            try RecommendationRecord(id: id, priority: priority, priorityTitle: "Priority \(priority)", title: "Recommendation \(id)", ambition: "")
                .insert(db)
            try audit.record("recommendation", id, "created", ["from": "a row naming it"])
            created += 1
        }
        return created
    }

    /// Inserts or updates a row by key, recording what changed.
    private func upsert<Record: PersistableRecord & FetchableRecord & Encodable & Equatable>(
        _ record: Record, key: String, subject: String, _ db: Database, _ audit: Auditor, _ summary: inout ImportSummary
    ) throws {
        try upsert(
            record, existing: try Record.fetchOne(db, key: key), key: key, subject: subject, audit, &summary,
            insert: { try record.insert(db) }, update: { try record.update(db) })
    }

    /// Inserts or updates a row whose stored version (nil: none) the caller has already read,
    /// through the caller's `insert` or `update`.
    private func upsert<Record: Encodable & Equatable>(
        _ record: Record, existing: Record?, key: String, subject: String, _ audit: Auditor, _ summary: inout ImportSummary,
        insert: () throws -> Void, update: () throws -> Void
    ) throws {
        if let existing {
            guard existing != record else {
                summary.unchanged += 1
                return
            }
            try update()
            try audit.record(subject, key, "updated", Auditor.differences(from: existing, to: record))
            summary.updated += 1
        } else {
            try insert()
            try audit.record(subject, key, "created", [:])
            summary.created += 1
        }
    }

    /// Every stored action, by ref.
    private static func storedActions(_ db: Database) throws -> [String: ActionRecord] {
        var stored: [String: ActionRecord] = [:]
        let cursor = try ActionRecord.fetchCursor(db)
        while let record = try cursor.next() { stored[record.ref] = record }
        return stored
    }

    /// What makes an action update the same one when a file is imported again.
    struct UpdateKey: Hashable {
        var ref: String
        var date: String
        var text: String
    }

    private static func storedUpdateKeys(_ db: Database) throws -> Set<UpdateKey> {
        var keys = Set<UpdateKey>()
        let rows = try Row.fetchCursor(db, sql: "SELECT actionRef, date, text FROM actionUpdate")
        while let row = try rows.next() { keys.insert(UpdateKey(ref: row[0], date: row[1], text: row[2])) }
        return keys
    }

    enum StoreOutcome { case created, updated, unchanged }

    func storeValue(_ value: MeasureValue, actor: String, stamp: Date, _ db: Database, _ audit: Auditor) throws -> StoreOutcome {
        let key = "\(value.measureID) \(value.period)"
        let existing = try MeasureValueRecord.fetchOne(db, key: ["measureId": value.measureID, "period": value.period.description])
        if let existing, existing.value == value.value { return .unchanged }
        try MeasureValueRecord(
            measureId: value.measureID, period: value.period.description, value: value.value, recordedBy: actor,
            recordedAt: stamp
        ).save(db)
        var details = ["value": formatNumber(value.value)]
        if let existing { details["previous_value"] = formatNumber(existing.value) }
        try audit.record("value", key, existing == nil ? "value set" : "value changed", details)
        return existing == nil ? .created : .updated
    }
}

/// Writes audit entries for one transaction.
struct Auditor {
    let db: Database
    let actor: String
    let via: String
    /// The entries' instant, written once for all of an import's entries.
    private let atText: String
    /// The insert, when ``prepared()`` has looked it up.
    private var insert: Statement?
    private static let insertSQL =
        "INSERT INTO auditEntry (at, actor, subject, subjectKey, change, details, via) VALUES (?, ?, ?, ?, ?, ?, ?)"

    init(db: Database, at: Date, actor: String, via: String) {
        self.db = db
        self.actor = actor
        self.via = via
        self.atText = at.storageText
    }

    /// The same auditor holding its insert statement, for a transaction that records an entry
    /// per row of a file: the connection's statement cache is a dictionary by SQL text, and
    /// hashing the text for every entry was a visible part of an import.
    func prepared() throws -> Auditor {
        var auditor = self
        auditor.insert = try db.cachedStatement(sql: Self.insertSQL)
        return auditor
    }

    /// Writes one entry through a prepared statement the connection keeps, so a file of many
    /// rows prepares it once.
    func record(_ subject: String, _ key: String, _ change: String, _ details: [String: String]) throws {
        let statement = try insert ?? db.cachedStatement(sql: Self.insertSQL)
        try statement.execute(arguments: [atText, actor, subject, key, change, AuditDetails.json(details), via])
    }

    /// Field-by-field changes between two versions of a record, as "old → new".
    static func differences(from old: some Encodable, to new: some Encodable) -> [String: String] {
        let before = fields(of: old)
        let after = fields(of: new)
        var changes: [String: String] = [:]
        for (key, value) in after where before[key] != value {
            changes[key] = "\(before[key] ?? "") → \(value)"
        }
        return changes
    }

    private static func fields(of value: some Encodable) -> [String: String] {
        guard let data = try? JSONEncoder().encode(value),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.mapValues { "\($0)" }
    }
}

/// A value as people write it: 76.4, 17, not 76.40000000001 or 17.0.
func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
