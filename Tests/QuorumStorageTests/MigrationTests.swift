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
}
