import GRDB

extension AppDatabase {
    /// Append-only: a shipped migration is never edited, a change is a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: governance and users") { db in
            try db.create(table: "board") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("meetsInPublic", .boolean).notNull()
                t.column("isActive", .boolean).notNull().defaults(to: true)
                // The board as its file describes it, as JSON: BOARD GET serves it whole.
                t.column("document", .jsonText).notNull()
                t.column("syncedAt", .text).notNull()
            }
            try db.create(table: "boardMember") { t in
                t.column("boardCode", .text).notNull().references("board", onDelete: .cascade)
                t.column("email", .text).notNull().collate(.nocase)
                t.column("role", .text).notNull()
                // chair, secretary or member
                t.column("position", .text).notNull()
                t.primaryKey(["boardCode", "email", "position"])
            }
            try db.create(table: "meeting") { t in
                t.primaryKey("id", .text)
                t.column("boardCode", .text).notNull().references("board", onDelete: .restrict)
                t.column("date", .text).notNull()
                t.column("time", .text).notNull()
                t.column("venue", .text).notNull()
                // calendar: from the board file; added: over the wire (kept across syncs)
                t.column("origin", .text).notNull()
                t.column("addedBy", .text)
                t.column("createdAt", .text).notNull()
                t.uniqueKey(["boardCode", "date"])
            }
            try db.create(table: "user") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique().collate(.nocase)
                t.column("role", .text).notNull()
                t.column("boardCode", .text)
                t.column("tokenHash", .blob).notNull()
                t.column("createdAt", .text).notNull()
            }
        }
        return migrator
    }
}
