import Foundation
import GRDB

/// What a backup copied: the database file and the pack files it names.
public struct DatabaseBackup: Sendable, Hashable {
    /// The pack files that the copied database names, as (content address, extension).
    public var packFiles: [PackFileName]
    /// `PRAGMA integrity_check` of the copy: `ok` when it is sound.
    public var integrity: String

    public struct PackFileName: Sendable, Hashable {
        public var sha256: String
        public var format: String
    }
}

extension AppDatabase {
    /// Copies the database into a new SQLite file at `path` with SQLite's online backup API,
    /// as one consistent snapshot: the copy is made inside one read transaction, in one step, so
    /// writes that commit meanwhile carry on and are simply not in it.
    /// - Throws: GRDB's `DatabaseError` (a full disk, an unwritable folder) with the SQL result code.
    public func backup(toFile path: String) async throws -> DatabaseBackup {
        let destination = try DatabaseQueue(path: path)
        try await writer.read { db in
            try destination.writeWithoutTransaction { copy in try db.backup(to: copy) }
        }
        return try await destination.read(AppDatabase.describeBackup)
    }

    private static func describeBackup(_ db: Database) throws -> DatabaseBackup {
        let files = try Row.fetchAll(db, sql: "SELECT DISTINCT sha256, format FROM packPart ORDER BY sha256, format").map {
            DatabaseBackup.PackFileName(sha256: $0[0], format: $0[1])
        }
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        return DatabaseBackup(packFiles: files, integrity: integrity)
    }
}
