import Foundation
import QuorumDomain
import Testing

@testable import QuorumStorage

/// The deliverer's wake-up: a commit that adds outbox rows ends a wait at once; nothing else does.
/// The waits are long and the bounds loose: the whole suite shares two cores, and a wait that
/// was not ended runs out its 300 s, far past the bound.
@Suite("Outbox arrivals wake the deliverer")
struct OutboxArrivalsTests {
    static func elapsed(_ body: () async throws -> Void) async rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return clock.now - start
    }

    /// Returns once `count` waits have begun (the commit must come after them), or after 60 s.
    static func untilWaiting(_ count: Int, _ database: AppDatabase) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while database.outboxArrivals.waiterCount < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func aCommitThatAddsRowsEndsAWaitAtOnce() async throws {
        let database = try AppDatabase.makeInMemory()
        let waited = try await Self.elapsed {
            async let waiting: Void = database.outboxArrivals.wait(upTo: .seconds(300))
            try await Self.untilWaiting(1, database)
            try await database.enqueue([OutboxStoreTests.digest("2017-11-01", items: ["1.1.4"])], webhooks: [], now: testNow)
            await waiting
        }
        #expect(waited < .seconds(150), "the wait ended on the commit, not at its 300 s timeout")
    }

    @Test func aCommitEndsEveryWaitInHand() async throws {
        let database = try AppDatabase.makeInMemory()
        let waited = try await Self.elapsed {
            async let first: Void = database.outboxArrivals.wait(upTo: .seconds(300))
            async let second: Void = database.outboxArrivals.wait(upTo: .seconds(300))
            try await Self.untilWaiting(2, database)
            try await database.enqueue([OutboxStoreTests.digest("2017-11-01", items: ["1.1.4"])], webhooks: [], now: testNow)
            _ = await (first, second)
        }
        #expect(waited < .seconds(150), "both waits ended on the one commit")
    }

    @Test func rowsAddedBeforeTheWaitEndItAtOnceAndOnlyOnce() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.enqueue([OutboxStoreTests.digest("2017-11-01", items: ["1.1.4"])], webhooks: [], now: testNow)
        let first = await Self.elapsed { await database.outboxArrivals.wait(upTo: .seconds(300)) }
        #expect(first < .seconds(150))
        let second = await Self.elapsed { await database.outboxArrivals.wait(upTo: .milliseconds(300)) }
        #expect(second >= .milliseconds(250), "one arrival ends one wait")
    }

    @Test func claimingMarkingSentAndARepeatedKeyDoNotWake() async throws {
        let database = try AppDatabase.makeInMemory()
        let digest = OutboxStoreTests.digest("2017-11-01", items: ["1.1.4"])
        try await database.enqueue([digest], webhooks: [], now: testNow)
        await database.outboxArrivals.wait(upTo: .seconds(300))
        let rows = try await database.claimDueOutbox(channels: [.email], now: testNow.addingTimeInterval(60))
        #expect(rows.count == 1)
        try await database.markSent(id: rows[0].id, now: testNow)
        #expect(try await database.enqueue([digest], webhooks: [], now: testNow) == 0, "the same key is not enqueued twice")
        let waited = await Self.elapsed { await database.outboxArrivals.wait(upTo: .milliseconds(300)) }
        #expect(waited >= .milliseconds(250))
    }

    @Test func cancellingTheWaitingTaskEndsTheWait() async throws {
        let database = try AppDatabase.makeInMemory()
        let waited = await Self.elapsed {
            let waiting = Task { await database.outboxArrivals.wait(upTo: .seconds(300)) }
            try? await Task.sleep(for: .milliseconds(100))
            waiting.cancel()
            await waiting.value
        }
        #expect(waited < .seconds(150))
    }
}
