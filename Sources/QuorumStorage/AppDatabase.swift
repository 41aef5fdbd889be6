import GRDB

/// Quorum's database: one SQLite file (WAL) under the data directory, migrated before use.
///
/// The one `DatabaseWriter` of the process lives here (GRDB's `AppDatabase` pattern); every
/// other part reads and writes through the methods of this type's extensions.
public final class AppDatabase: Sendable {
    /// The writer: a `DatabasePool` for a file, a `DatabaseQueue` in memory (tests). Only this
    /// module's methods reach it, so every query and every transaction is written here.
    let writer: any DatabaseWriter
    /// Commits counted per table, for the application's cached read models.
    public let changes = TableChanges(tables: AppDatabase.countedTables)
    /// Wakes the deliverer when a commit adds outbox rows.
    public let outboxArrivals = OutboxArrivals()

    /// The tables whose changes ``changes`` counts.
    static let countedTables: Set<String> = [
        "board", "boardMember", "meeting", "recommendation", "action", "actionUpdate", "measure", "measureValue",
        // A lead's rating and update frequency, a measure's target and comparators: part of the plan's read models.
        "actionTracking", "measureTarget", "measureComparator",
    ]

    /// Wraps `writer` and runs the migrations.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try AppDatabase.migrator.migrate(writer)
        writer.add(transactionObserver: changes, extent: .observerLifetime)
        writer.add(transactionObserver: outboxArrivals, extent: .observerLifetime)
    }

    /// Opens (creating if needed) the database file at `path`, in WAL mode.
    public static func openFile(atPath path: String) throws -> AppDatabase {
        try StorageFailure.translating {
            let pool = try DatabasePool(path: path, configuration: makeConfiguration())
            return try AppDatabase(pool)
        }
    }

    /// An empty database in memory, migrated, for tests.
    public static func makeInMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    private static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Concurrent readers wait for a writer's checkpoint instead of failing at once.
        configuration.busyMode = .timeout(5)
        return configuration
    }
}
