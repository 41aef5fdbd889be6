import Foundation
import GRDB
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("The audit log: an operation's entry commits or rolls back with its change")
struct AuditLogTests {
    static func entry(_ operation: String = "user.add", target: String = "lead@example.org") -> PendingAuditEntry {
        PendingAuditEntry(at: testNow, actor: "admin", operation: operation, target: target, details: ["role": "lead"])
    }

    static func count(_ database: AppDatabase) async throws -> Int {
        try await database.writer.read { db in try AuditLogRecord.fetchCount(db) }
    }

    @Test func theEntryIsWrittenByTheOperationsTransaction() async throws {
        let database = try AppDatabase.makeInMemory()
        let entry = Self.entry()
        _ = try await AuditLog.recording(entry) {
            try await database.addUser(email: "lead@example.org", role: .lead, boardCode: nil, now: testNow)
        }
        #expect(entry.isWritten)
        let entries = try await database.auditLog(since: nil, actor: nil, kind: nil, limit: 10)
        #expect(entries.map(\.operation) == ["user.add"])
        #expect(entries.first?.details == ["role": "lead"])
        #expect(entries.first?.at == testNow)
    }

    @Test func aChangeThatFailsLeavesNoEntry() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.addUser(email: "lead@example.org", role: .lead, boardCode: nil, now: testNow)
        let entry = Self.entry()
        await #expect(throws: UserStoreError.alreadyExists("lead@example.org")) {
            try await AuditLog.recording(entry) {
                try await database.addUser(email: "lead@example.org", role: .lead, boardCode: nil, now: testNow)
            }
        }
        #expect(!entry.isWritten)
        #expect(try await Self.count(database) == 0)
    }

    @Test func anEntryThatCannotBeWrittenUndoesTheChange() async throws {
        let database = try AppDatabase.makeInMemory()
        // An audit log that refuses rows: the change made in the same transaction must go too.
        try await database.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON auditLog BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        await #expect(throws: DatabaseError.self) {
            try await AuditLog.recording(Self.entry()) {
                try await database.addUser(email: "lead@example.org", role: .lead, boardCode: nil, now: testNow)
            }
        }
        #expect(try await database.authenticate(name: "lead@example.org", token: "x") == nil)
        #expect(try await database.writer.read { db in try UserRecord.filter(UserRecord.Columns.email == "lead@example.org").fetchCount(db) } == 0)
    }

    @Test func twoTransactionsOfOneOperationWriteOneEntryAndWritesOutsideOneWriteNone() async throws {
        let database = try AppDatabase.makeInMemory()
        let entry = Self.entry()
        try await AuditLog.recording(entry) {
            _ = try await database.addUser(email: "a@example.org", role: .lead, boardCode: nil, now: testNow)
            _ = try await database.addUser(email: "b@example.org", role: .lead, boardCode: nil, now: testNow)
        }
        _ = try await database.addUser(email: "c@example.org", role: .lead, boardCode: nil, now: testNow)
        try await database.recordAudit(entry)
        #expect(try await Self.count(database) == 1)
    }

    @Test func filtersNarrowByActorKindAreaAndInstant() async throws {
        let database = try AppDatabase.makeInMemory()
        for (operation, actor, offset) in [("user.add", "admin", 0.0), ("user.rotate", "admin", 60), ("meeting.add", "clerk@example.org", 120)] {
            try await database.recordAudit(
                PendingAuditEntry(at: testNow.addingTimeInterval(offset), actor: actor, operation: operation, target: "t", details: [:]))
        }
        func kinds(since: Date? = nil, actor: String? = nil, kind: String? = nil, limit: Int = 10) async throws -> [String] {
            try await database.auditLog(since: since, actor: actor, kind: kind, limit: limit).map(\.operation)
        }
        #expect(try await kinds() == ["meeting.add", "user.rotate", "user.add"])
        #expect(try await kinds(actor: "CLERK@example.org") == ["meeting.add"])
        #expect(try await kinds(kind: "user") == ["user.rotate", "user.add"])
        #expect(try await kinds(kind: "user.add") == ["user.add"])
        #expect(try await kinds(kind: "use") == [])
        #expect(try await kinds(since: testNow.addingTimeInterval(60)) == ["meeting.add", "user.rotate"])
        #expect(try await kinds(limit: 1) == ["meeting.add"])
    }
}
