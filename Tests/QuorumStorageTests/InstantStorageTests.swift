import Foundation
import GRDB
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("Instants are Dates in records and ISO 8601 UTC text in the file")
struct InstantStorageTests {
    /// 1 November 2017, 08:00:00.75 GMT: the fraction is not stored.
    static let now = Date(timeIntervalSince1970: 1_509_523_200.75)

    @Test func aRecordWritesItsDateAsTheStorageTextAndReadsTheSameInstantBack() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.addUser(email: "lead@example.org", role: .lead, boardCode: nil, now: Self.now)
        let (text, record) = try await database.writer.read { db in
            (
                try String.fetchOne(db, sql: "SELECT createdAt FROM user WHERE email = 'lead@example.org'"),
                try UserRecord.filter(UserRecord.Columns.email == "lead@example.org").fetchOne(db)
            )
        }
        #expect(text == "2017-11-01T08:00:00Z")
        #expect(record?.createdAt == Date(timeIntervalSince1970: 1_509_523_200))
    }

    @Test func anOptionalInstantIsNullUntilSetAndThenTheStorageText() async throws {
        let database = try AppDatabase.makeInMemory()
        let hook = WebhookSubscription(url: "http://127.0.0.1:9000/hook", events: ["action.overdue"])
        _ = try await database.runSweep(asOf: Self.now, trigger: .manual, webhooks: [hook], now: Self.now) { _ in
            [OutboxStoreTests.digest("2017-11-01", items: ["1.1.1"])]
        }
        let id = try #require(try await database.outbox().first { $0.channel == .webhook }?.id)
        #expect(try await database.outbox().first { $0.id == id }?.sentAt == nil)
        try await database.markSent(id: id, now: Self.now.addingTimeInterval(60))
        let texts = try await database.writer.read { db -> [String?] in
            let row = try Row.fetchOne(db, sql: "SELECT nextAttemptAt, createdAt, sentAt FROM outbox WHERE id = ?", arguments: [id])
            return [row?["nextAttemptAt"], row?["createdAt"], row?["sentAt"]]
        }
        #expect(texts == ["2017-11-01T08:00:00Z", "2017-11-01T08:00:00Z", "2017-11-01T08:01:00Z"])
        let entry = try #require(try await database.outbox().first { $0.id == id })
        #expect(entry.createdAt == Date(timeIntervalSince1970: 1_509_523_200))
        #expect(entry.sentAt == Date(timeIntervalSince1970: 1_509_523_260))
        let sweep = try await database.writer.read { db in try SweepRecord.fetchOne(db) }
        #expect(sweep?.asOf == Date(timeIntervalSince1970: 1_509_523_200))
    }

    /// Text that no version wrote, but a hand edit or GRDB's own `Date` format might: the same
    /// instant is read from each.
    @Test(arguments: [
        "2017-11-01T08:00:00Z", "2017-11-01T09:00:00+01:00", "2017-11-01T08:00:00.750Z", "2017-11-01 08:00:00.000",
        "2017-11-01 08:00:00",
    ])
    func otherFormsOfTheSameInstantReadBack(_ text: String) async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.addUser(email: "lead@example.org", role: .lead, boardCode: nil, now: Self.now)
        let record = try await database.writer.write { db in
            try db.execute(sql: "UPDATE user SET createdAt = ? WHERE email = 'lead@example.org'", arguments: [text])
            return try UserRecord.filter(UserRecord.Columns.email == "lead@example.org").fetchOne(db)
        }
        #expect(record?.createdAt == Date(timeIntervalSince1970: 1_509_523_200))
    }

    @Test func textWithoutAnOffsetIsNotReadAsAnInstant() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.addUser(email: "lead@example.org", role: .lead, boardCode: nil, now: Self.now)
        await #expect(throws: (any Error).self) {
            try await database.writer.write { db in
                try db.execute(sql: "UPDATE user SET createdAt = '2017-11-01T08:00:00' WHERE email = 'lead@example.org'")
                return try UserRecord.fetchAll(db)
            }
        }
    }
}

@Suite("Every instant column is written as storage text")
struct InstantColumnTests {
    /// Every record of the module, by its table.
    static let records: [any TableRecord.Type] = [
        SweepRecord.self, OutboxRecord.self, AttendanceRecord.self, DeclarationRecord.self, MinuteRecord.self,
        ResolutionRecord.self, MinutesApprovalRecord.self, ResolutionEffectRecord.self, ExecutiveDecisionRecord.self,
        ActionTrackingRecord.self, MeasureTargetRecord.self, MeasureComparatorRecord.self, AgendaItemRecord.self,
        ReportRecord.self, PackRecord.self, PackPartRecord.self, BoardRecord.self, BoardMemberRecord.self, MeetingRecord.self,
        UserRecord.self, AuditLogRecord.self, RecommendationRecord.self, ActionRecord.self, ActionUpdateRecord.self,
        MeasureRecord.self, MeasureValueRecord.self, AuditEntryRecord.self, ForwardPlanEntryRecord.self,
        ForwardPlanItemRecord.self, PrivateMeetingNoticeRecord.self, PrivateMeetingUrgencyRecord.self,
        ReportClearanceRecord.self,
    ]
    /// Tables written only by SQL of the module's own, which passes `storageText`.
    static let withoutRecord: Set<String> = ["actionListing", "webhookEndpoint", "portalSession", "signInLink"]

    /// A new table with an instant column needs a record that stores its Dates as text (or a
    /// place in `withoutRecord`): GRDB's default would write `yyyy-MM-dd HH:mm:ss.SSS`.
    @Test func everyTableWithAnInstantColumnHasARecordThatStoresItsDatesAsText() async throws {
        let database = try AppDatabase.makeInMemory()
        let instantColumns = try await database.writer.read { db in
            var found: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for column in try db.columns(in: table).map(\.name) where column == "at" || column == "asOf" || column.hasSuffix("At") {
                    found[table, default: []].append(column)
                }
            }
            return found
        }
        let byTable = Dictionary(uniqueKeysWithValues: Self.records.map { ($0.databaseTableName, $0) })
        #expect(instantColumns.count > 20)
        for table in instantColumns.keys.sorted() where !Self.withoutRecord.contains(table) {
            let record = try #require(byTable[table], "no record for \(table)")
            #expect(record is any StoresInstantsAsText.Type, "\(record) stores \(instantColumns[table]!) with GRDB's default date format")
        }
    }
}
