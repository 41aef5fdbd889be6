import Foundation
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("Sweeps write the outbox exactly once")
struct OutboxStoreTests {
    static let lead = Person(role: "QA Manager", email: "qa@example.org")
    static let asOf = Date(timeIntervalSince1970: 1_509_523_200)  // 2017-11-01T08:00:00Z
    static let hooks = [WebhookSubscription(url: "http://127.0.0.1:9000/hook", events: ["action.overdue"])]

    static func digest(_ date: String, items: [String]) -> Notice {
        Notice(
            kind: .actionDigest, key: "action.digest|qa@example.org|\(date)", recipient: lead, dueDate: LocalDate(iso: date),
            actions: items.map {
                ActionReminder(
                    key: "action|\($0)|2017-10-31|overdue|0", ref: $0, text: "Action \($0)", reviewDate: LocalDate(iso: "2017-10-31")!,
                    state: .overdue, daysOverdue: 1, round: 0, latestUpdate: nil)
            }, webhookEvent: "action.overdue")
    }

    /// Plans like the real planner: items already listed are left out, and an empty digest is no digest.
    static func planner(_ date: String, _ items: [String]) -> @Sendable (Set<String>) throws -> [Notice] {
        { listed in
            let fresh = items.filter { !listed.contains("action|\($0)|2017-10-31|overdue|0") }
            return fresh.isEmpty ? [] : [digest(date, items: fresh)]
        }
    }

    @Test func theSameSweepTwiceEnqueuesOnce() async throws {
        let database = try AppDatabase.makeInMemory()
        let first = try await database.runSweep(asOf: Self.asOf, trigger: .manual, webhooks: Self.hooks, now: testNow, plan: Self.planner("2017-11-01", ["1.1.4", "2.1"]))
        #expect(first.enqueuedRows == 2, "one email and one webhook event")
        let second = try await database.runSweep(asOf: Self.asOf, trigger: .manual, webhooks: Self.hooks, now: testNow, plan: Self.planner("2017-11-01", ["1.1.4", "2.1"]))
        #expect(second.enqueuedRows == 0)
        let rows = try await database.outbox()
        #expect(rows.count == 2)
        #expect(Set(rows.map(\.channel)) == [.email, .webhook])
        #expect(rows.allSatisfy { $0.status == .pending && $0.notice?.actions.map(\.ref) == ["1.1.4", "2.1"] })
    }

    @Test func theSameNoticeFromADifferentPlanningIsStillEnqueuedOnce() async throws {
        // Two sweeps at different instants of the same day find the same digest key.
        let database = try AppDatabase.makeInMemory()
        let plan: @Sendable (Set<String>) throws -> [Notice] = { _ in [Self.digest("2017-11-01", items: ["1.1.4"])] }
        _ = try await database.runSweep(asOf: Self.asOf, trigger: .manual, webhooks: [], now: testNow, plan: plan)
        let later = try await database.runSweep(asOf: Self.asOf.addingTimeInterval(3600), trigger: .manual, webhooks: [], now: testNow, plan: plan)
        #expect(later.enqueuedRows == 0)
        #expect(later.notices.map(\.enqueued) == [false])
    }

    @Test func aSweepInterruptedMidWayLeavesNothingAndTheRerunEnqueuesAll() async throws {
        struct Crash: Error {}
        let database = try AppDatabase.makeInMemory()
        await #expect(throws: Crash.self) {
            _ = try await database.runSweep(asOf: Self.asOf, trigger: .daily, webhooks: Self.hooks, now: testNow) { _ in throw Crash() }
        }
        #expect(try await database.outbox().isEmpty)
        #expect(try await database.sweepCounts().isEmpty)
        let rerun = try await database.runSweep(asOf: Self.asOf, trigger: .catchUp, webhooks: Self.hooks, now: testNow, plan: Self.planner("2017-11-01", ["1.1.4"]))
        #expect(rerun.enqueuedRows == 2)
        #expect(try await database.sweepCounts() == ["catch-up": 1])
    }

    @Test func anActionListedYesterdayIsNotListedAgainToday() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.runSweep(asOf: Self.asOf, trigger: .daily, webhooks: [], now: testNow, plan: Self.planner("2017-11-01", ["1.1.4"]))
        let nextDay = try await database.runSweep(
            asOf: Self.asOf.addingTimeInterval(86_400), trigger: .daily, webhooks: [], now: testNow, plan: Self.planner("2017-11-02", ["1.1.4", "2.1"]))
        #expect(nextDay.notices.map { $0.notice.actions.map(\.ref) } == [["2.1"]])
        #expect(nextDay.enqueuedRows == 1)
    }

    @Test func previewChangesNothingAndLeavesOutWhatIsQueued() async throws {
        let database = try AppDatabase.makeInMemory()
        let preview = try await database.previewSweep(plan: Self.planner("2017-11-01", ["1.1.4"]))
        #expect(preview.count == 1)
        #expect(try await database.outbox().isEmpty)
        _ = try await database.runSweep(asOf: Self.asOf, trigger: .manual, webhooks: [], now: testNow, plan: Self.planner("2017-11-01", ["1.1.4"]))
        #expect(try await database.previewSweep(plan: Self.planner("2017-11-01", ["1.1.4"])).isEmpty)
    }

    @Test func aDeadRowCanBeRetriedButASentOneCannot() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.runSweep(asOf: Self.asOf, trigger: .manual, webhooks: [], now: testNow, plan: Self.planner("2017-11-01", ["1.1.4"]))
        let id = try await database.outbox()[0].id
        try await database.writer.write { db in try db.execute(sql: "UPDATE outbox SET status = 'dead'") }
        #expect(try await database.retryOutbox(id: id, now: testNow))
        #expect(try await database.outbox(status: .pending).count == 1)
        try await database.writer.write { db in try db.execute(sql: "UPDATE outbox SET status = 'sent'") }
        #expect(try await database.retryOutbox(id: id, now: testNow) == false)
        #expect(try await database.retryOutbox(id: 999, now: testNow) == false)
    }

    @Test func theSchedulerRemembersItsLastSweep() async throws {
        let database = try AppDatabase.makeInMemory()
        #expect(try await database.lastScheduledSweep() == nil)
        try await database.setLastScheduledSweep(1_509_523_200)
        try await database.setLastScheduledSweep(1_509_609_600)
        #expect(try await database.lastScheduledSweep() == 1_509_609_600)
    }
}
