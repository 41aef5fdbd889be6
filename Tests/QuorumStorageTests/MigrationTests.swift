import Foundation
import GRDB
import Testing

@testable import QuorumStorage

@Suite("Migrations")
struct MigrationTests {
    @Test func anEmptyFileIsMigratedInWALModeAndReopens() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("quorum.sqlite").path
        let database = try AppDatabase.openFile(atPath: path)
        let journal = try await database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let tables = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY name")
        }
        #expect(tables == [
            "action", "actionListing", "actionTracking", "actionUpdate", "agendaItem", "attendance", "auditEntry", "auditLog", "board", "boardMember", "declaration", "executiveDecision", "forwardPlanEntry", "forwardPlanItem", "measure", "measureComparator", "measureTarget", "measureValue", "meeting", "minute", "minutesApproval", "outbox", "pack", "packPart", "packSearch", "packSearch_config", "packSearch_content", "packSearch_data", "packSearch_docsize", "packSearch_idx", "portalSession", "privateMeetingNotice", "privateMeetingUrgency", "recommendation", "report", "reportClearance", "resolution", "resolutionEffect", "schedulerState", "signInLink", "sweep", "user", "webhookEndpoint",
        ])
        let reopened = try AppDatabase.openFile(atPath: path)
        let applied = try await reopened.writer.read { db in try AppDatabase.migrator.appliedMigrations(db) }
        #expect(applied == AppDatabase.migrator.migrations)
    }

    @Test("audit entries and action updates keep their rows and ids when their tables lose AUTOINCREMENT")
    func autoincrementDropped() throws {
        let queue = try DatabaseQueue()
        let before = "packs: the reason for publishing with reports not yet approved, apart from lateness"
        try AppDatabase.migrator.migrate(queue, upTo: before)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO recommendation (id, priority, priorityTitle, title, ambition) VALUES ('1.1', 1, 'P1', 'R', '')")
            try db.execute(sql: "INSERT INTO action (ref, recommendationId, text, reviewDate, leadRole, leadEmail, status) VALUES ('1.1.1', '1.1', 'A', 'Ongoing', 'Lead', 'lead@example.org', 'open')")
            for id in [3, 7] {
                try db.execute(
                    sql: "INSERT INTO auditEntry (id, at, actor, subject, subjectKey, change, details, via) VALUES (?, 't', 'admin', 'action', '1.1.1', 'created', '{}', 'import')",
                    arguments: [id])
                try db.execute(
                    sql: "INSERT INTO actionUpdate (id, actionRef, date, text, author, newReviewDate, completes, recordedAt) VALUES (?, '1.1.1', '2017-10-01', 'Note \(id)', 'admin', NULL, 0, 't')",
                    arguments: [id])
            }
        }
        try AppDatabase.migrator.migrate(queue)
        try queue.write { db in
            for table in ["auditEntry", "actionUpdate"] {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) ?? ""
                #expect(!sql.contains("AUTOINCREMENT"), "\(table): \(sql)")
                #expect(try Int.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY id") == [3, 7])
            }
            #expect(try String.fetchAll(db, sql: "SELECT text FROM actionUpdate ORDER BY id") == ["Note 3", "Note 7"])
            // A new row comes after the largest, as it did with AUTOINCREMENT.
            try db.execute(sql: "INSERT INTO auditEntry (at, actor, subject, subjectKey, change, details, via) VALUES ('t', 'admin', 'action', '1.1.1', 'updated', '{}', 'command')")
            #expect(db.lastInsertedRowID == 8)
            // The foreign key and the indexes came along.
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('auditEntry', 'actionUpdate') ORDER BY name")
            #expect(indexes == ["actionUpdate_on_actionRef", "auditEntry_subject"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(actionUpdate)").count == 1)
        }
    }
}
