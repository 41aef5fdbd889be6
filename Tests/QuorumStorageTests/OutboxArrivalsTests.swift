import Foundation
import QuorumDomain
import Testing

@testable import QuorumStorage

/// The deliverer's wake-up: a commit that adds outbox rows ends a wait at once; nothing else does.
@Suite("Outbox arrivals wake the deliverer")
struct OutboxArrivalsTests {
    static func elapsed(_ body: () async throws -> Void) async rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return clock.now - start
    }

    @Test func aCommitThatAddsRowsEndsAWaitAtOnce() async throws {
        let database = try AppDatabase.makeInMemory()
        let waited = try await Self.elapsed {
            async let waiting: Void = database.outboxArrivals.wait(upTo: .seconds(30))
            try await Task.sleep(for: .milliseconds(100))
            try await database.enqueue([OutboxStoreTests.digest("2017-11-01", items: ["1.1.4"])], webhooks: [], now: testNow)
            await waiting
        }
        #expect(waited < .seconds(10), "the wait ended on the commit, not at its 30 s timeout")
    }

    @Test func rowsAddedBeforeTheWaitEndItAtOnceAndOnlyOnce() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.enqueue([OutboxStoreTests.digest("2017-11-01", items: ["1.1.4"])], webhooks: [], now: testNow)
        let first = await Self.elapsed { await database.outboxArrivals.wait(upTo: .seconds(30)) }
        #expect(first < .seconds(10))
        let second = await Self.elapsed { await database.outboxArrivals.wait(upTo: .milliseconds(300)) }
        #expect(second >= .milliseconds(250), "one arrival ends one wait")
    }

    @Test func claimingMarkingSentAndARepeatedKeyDoNotWake() async throws {
        let database = try AppDatabase.makeInMemory()
        let digest = OutboxStoreTests.digest("2017-11-01", items: ["1.1.4"])
        try await database.enqueue([digest], webhooks: [], now: testNow)
        await database.outboxArrivals.wait(upTo: .seconds(30))
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
            let waiting = Task { await database.outboxArrivals.wait(upTo: .seconds(30)) }
            try? await Task.sleep(for: .milliseconds(100))
            waiting.cancel()
            await waiting.value
        }
        #expect(waited < .seconds(10))
    }
}
