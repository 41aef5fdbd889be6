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
        migrator.registerMigration("v2: improvement plan and scorecard") { db in
            try db.create(table: "recommendation") { t in
                t.primaryKey("id", .text)
                t.column("priority", .integer).notNull()
                t.column("priorityTitle", .text).notNull()
                t.column("title", .text).notNull()
                t.column("ambition", .text).notNull()
            }
            try db.create(table: "action") { t in
                t.primaryKey("ref", .text)
                t.column("recommendationId", .text).notNull().references("recommendation", onDelete: .restrict)
                t.column("text", .text).notNull()
                // As written: 2017-10-31, Ongoing or Completed (month forms are stored as their last day).
                t.column("reviewDate", .text).notNull()
                t.column("leadRole", .text).notNull()
                t.column("leadEmail", .text).notNull().collate(.nocase).indexed()
                t.column("status", .text).notNull()
            }
            try db.create(table: "actionUpdate") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("actionRef", .text).notNull().references("action", onDelete: .cascade).indexed()
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
                t.column("author", .text).notNull()
                t.column("newReviewDate", .text)
                t.column("completes", .boolean).notNull()
                t.column("recordedAt", .text).notNull()
            }
            try db.create(table: "measure") { t in
                t.primaryKey("id", .text)
                t.column("recommendationId", .text).notNull().references("recommendation", onDelete: .restrict)
                t.column("name", .text).notNull()
                t.column("shows", .text).notNull()
                t.column("polarity", .text).notNull()
                t.column("requiresImprovement", .text)
                t.column("good", .text)
                t.column("outstanding", .text)
                t.column("isAudit", .boolean).notNull()
                // Import order, so the scorecard reads in the plan's order.
                t.column("position", .integer).notNull()
            }
            try db.create(table: "measureValue") { t in
                t.column("measureId", .text).notNull().references("measure", onDelete: .cascade)
                t.column("period", .text).notNull()
                t.column("value", .double).notNull()
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.primaryKey(["measureId", "period"])
            }
            // Who changed what and when: every change to an action or a value.
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                // action, value, measure, recommendation
                t.column("subject", .text).notNull()
                t.column("subjectKey", .text).notNull()
                t.column("change", .text).notNull()
                t.column("details", .jsonText).notNull()
                t.column("via", .text).notNull()
            }
            try db.create(index: "auditEntry_subject", on: "auditEntry", columns: ["subject", "subjectKey"])
        }
        return migrator
    }
}
