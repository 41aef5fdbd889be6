import QuorumStorage
import Synchronization

/// A value derived from some tables, kept until a committed write changes one of them.
///
/// Boards, measures with their parsed thresholds, the scorecard's values: read on almost every
/// request, changed by a few writes (a start-up sync, an import, `MEASURE SET`). The store
/// counts the commits that touch each table (``TableChanges``); the model keeps the count it was
/// read at and reads again only when the count has moved, so no write path has to remember to
/// invalidate it.
///
/// ```swift
/// let boards = ReadModel(database, tables: ["board"]) { try await database.boards() }
/// let current = try await boards.value()
/// ```
final class ReadModel<Value: Sendable>: Sendable {
    private let changes: TableChanges
    private let tables: [String]
    private let load: @Sendable () async throws -> Value
    private let cached = Mutex<(version: UInt64, value: Value)?>(nil)

    init(_ database: AppDatabase, tables: [String], load: @escaping @Sendable () async throws -> Value) {
        precondition(Set(tables).isSubset(of: database.changes.tables), "\(tables) are not all counted by the store")
        self.changes = database.changes
        self.tables = tables
        self.load = load
    }

    /// The current value: the kept one while its tables are unchanged, else read again.
    func value() async throws -> Value {
        // Read the count before the tables (see TableChanges): a racing commit can only make the
        // kept value look older than it is.
        let version = changes.version(of: tables)
        if let kept = cached.withLock({ $0 }), kept.version == version { return kept.value }
        let value = try await load()
        cached.withLock { $0 = (version, value) }
        return value
    }
}
