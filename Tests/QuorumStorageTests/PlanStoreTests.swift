import Foundation
import GRDB
import QuorumDomain
import Synchronization
import Testing

@testable import QuorumStorage

@Suite("The plan comes back in reference order")
struct PlanStoreTests {
    static func action(_ ref: String) -> PlanAction {
        PlanAction(
            ref: ref, recommendationID: PlanAction.recommendationID(ofRef: ref)!, text: "Action \(ref)",
            reviewDate: .date(LocalDate(year: 2017, month: 10, day: 31)!), lead: Person(role: "Lead", email: "lead@example.org"),
            status: .open, updates: [])
    }

    @Test func actionsAreListedNumberByNumberWhateverTheOrderOfTheRows() async throws {
        let database = try AppDatabase.makeInMemory()
        let refs = ["1.1.10", "2.3", "1.2.1", "1.1.2", "2.10", "1.1.1", "2.1"]
        let summary = try await database.importPlan(actor: "admin", now: testNow) { _ in
            .actions(refs.map { PlanImportRows.ActionRow(action: Self.action($0), update: nil) })
        }
        #expect(summary.created == 7)
        #expect(summary.recommendationsCreated == 3)
        let listed = try await database.planActions().map(\.ref)
        #expect(listed == ["1.1.1", "1.1.2", "1.1.10", "1.2.1", "2.1", "2.3", "2.10"])
    }

    @Test func aRowRefusedByTheCheckStoresNothing() async throws {
        struct Refused: Error {}
        let database = try AppDatabase.makeInMemory()
        await #expect(throws: Refused.self) {
            _ = try await database.importPlan(actor: "admin", now: testNow) { stored in
                #expect(stored.measureIDs.isEmpty)
                throw Refused()
            }
        }
        #expect(try await database.planActions().isEmpty)
    }

    @Test("an import raises the page cache only while it runs, whether it stores its rows or is refused")
    func theImportCacheIsPutBack() async throws {
        struct Refused: Error {}
        let database = try AppDatabase.makeInMemory()
        let cacheSize = { try await database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } }
        let usual = try await cacheSize()
        let during = Mutex<Int?>(nil)
        _ = try await database.importPlan(actor: "admin", now: testNow) { _ in
            .actions([PlanImportRows.ActionRow(action: Self.action("1.1.1"), update: nil)])
        }
        #expect(try await cacheSize() == usual)
        await #expect(throws: Refused.self) {
            _ = try await database.importPlan(actor: "admin", now: testNow) { _ in throw Refused() }
        }
        #expect(try await cacheSize() == usual)
        // And raised while the rows are checked and written (a negative size is in KiB).
        _ = try await database.importPlan(actor: "admin", now: testNow) { _ in
            let size = try database.writer.unsafeReentrantRead { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
            during.withLock { $0 = size }
            return .actions([])
        }
        #expect(during.withLock { $0 } == -65_536)
        #expect(usual != -65_536)
    }

    @Test func theCheckSeesTheStoredMeasures() async throws {
        let database = try AppDatabase.makeInMemory()
        let measure = try Measure(
            id: "M1", recommendationID: "1.1", name: "Assessments on time", shows: "timeliness", polarity: .higher,
            requiresImprovement: "65-74", good: "75-84", outstanding: "85+", isAudit: false)
        _ = try await database.importPlan(actor: "analyst", now: testNow) { _ in .measures([measure]) }
        let seen = try await database.importPlan(actor: "analyst", now: testNow) { stored in
            #expect(stored.measureIDs == ["M1"])
            return .values([MeasureValue(measureID: "M1", period: try Period(parsing: "2017/18"), value: 82)])
        }
        #expect(seen.created == 1)
    }

    @Test func anImportWritesEachActionItsUpdateAndTheirHistoryAndAgainChangesNothing() async throws {
        let database = try AppDatabase.makeInMemory()
        let date = LocalDate(year: 2017, month: 9, day: 1)!
        let rows = [
            PlanImportRows.ActionRow(action: Self.action("1.1.1"), update: (text: "Audit done / \"on time\"", date: date)),
            PlanImportRows.ActionRow(action: Self.action("1.1.2"), update: nil),
        ]
        let first = try await database.importPlan(actor: "admin", now: testNow) { _ in .actions(rows) }
        #expect((first.created, first.updated, first.unchanged, first.updatesAdded) == (2, 0, 0, 1))
        let stored = try await database.planAction(ref: "1.1.1")
        #expect(stored?.text == "Action 1.1.1")
        #expect(stored?.updates.map(\.text) == ["Audit done / \"on time\""])
        #expect(stored?.updates.map(\.date) == [date])
        #expect(stored?.updates.map(\.author) == ["admin"])
        #expect(stored?.updates.map(\.completes) == [false])
        let history = try await database.history(subject: "action", key: "1.1.1")
        #expect(history.map(\.change) == ["created", "update added"])
        #expect(history.last?.details == ["date": "2017-09-01", "text": "Audit done / \"on time\""])
        #expect(history.map(\.via) == ["import", "import"])

        let again = try await database.importPlan(actor: "admin", now: testNow) { _ in .actions(rows) }
        #expect((again.created, again.updated, again.unchanged, again.updatesAdded) == (0, 0, 2, 0))

        var reworded = Self.action("1.1.2")
        reworded.text = "Action 1.1.2, reworded"
        let changed = reworded
        let third = try await database.importPlan(actor: "admin", now: testNow) { _ in
            .actions([PlanImportRows.ActionRow(action: changed, update: nil)])
        }
        #expect((third.created, third.updated, third.unchanged) == (0, 1, 0))
        #expect(try await database.planAction(ref: "1.1.2")?.text == "Action 1.1.2, reworded")
        let changes = try await database.history(subject: "action", key: "1.1.2")
        #expect(changes.map(\.change) == ["created", "updated"])
        #expect(changes.last?.details == ["text": "Action 1.1.2 → Action 1.1.2, reworded"])
    }

    @Test func aFileOfManyRowsStoresEveryActionUpdateAndEntryInTheOrderOfItsRows() async throws {
        let database = try AppDatabase.makeInMemory()
        let date = LocalDate(year: 2017, month: 9, day: 1)!
        let refs = (1...150).map { "1.1.\($0)" }
        let rows = refs.enumerated().map { index, ref in
            PlanImportRows.ActionRow(action: Self.action(ref), update: index == 0 ? nil : (text: "Update of \(ref)", date: date))
        }
        let summary = try await database.importPlan(actor: "admin", now: testNow) { _ in .actions(rows) }
        #expect((summary.created, summary.updatesAdded) == (150, 149))
        let stored = try await database.planActions()
        #expect(stored.map(\.ref) == refs)
        #expect(stored.map(\.text) == refs.map { "Action \($0)" })
        #expect(stored.dropFirst().map { $0.updates.map(\.text) } == refs.dropFirst().map { ["Update of \($0)"] })
        #expect(stored.first?.updates.isEmpty == true)
        let audit = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT subjectKey || ' ' || change FROM auditEntry WHERE via = 'import' ORDER BY id")
        }
        let expected = refs.enumerated().flatMap { index, ref in index == 0 ? ["\(ref) created"] : ["\(ref) created", "\(ref) update added"] }
        #expect(audit.filter { $0.hasPrefix("1.1.") } == expected, "every entry, in the order of the rows")
    }

    @Test func auditDetailsAreTheTextJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let texts = [
            "", "plain", "a/b \"quoted\" back\\slash", "tab\there\nnew line\r\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}",
            "Children’s Services – café ✓ 👩‍👧", "\u{2028}\u{2029}",
        ]
        for text in texts {
            for details in [["text": text], ["date": "2017-09-01", "text": text], ["text": text, "from": "x", "b": "y"]] {
                let expected = String(decoding: try encoder.encode(details), as: UTF8.self)
                #expect(AuditDetails.json(details) == expected)
            }
        }
        #expect(AuditDetails.json([:]) == "{}")
        let mixed = ["previous_value": "1", "value": "2", "reviewDate": "x", "Text": "y"]
        #expect(AuditDetails.json(mixed) == String(decoding: try encoder.encode(mixed), as: UTF8.self))
    }
}
