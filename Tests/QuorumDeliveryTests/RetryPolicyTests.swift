import Foundation
import Testing

@testable import QuorumDelivery

@Suite("Retry policy")
struct RetryPolicyTests {
    static let now = Date(timeIntervalSince1970: 1_509_523_200)

    /// A policy whose random source always returns `value` (0.5 is no jitter at all).
    static func policy(random value: Double) -> RetryPolicy {
        RetryPolicy(random: { value })
    }

    @Test("Without jitter the retries follow the Standard Webhooks schedule, then the row is dead")
    func standardSchedule() {
        let policy = Self.policy(random: 0.5)
        let delays = (0...8).map { policy.nextAttempt(after: $0, now: Self.now, retryAfter: nil)?.timeIntervalSince(Self.now).rounded() }
        #expect(delays == [0, 5, 300, 1800, 7200, 18000, 36000, 36000, nil])
        #expect(policy.maximumAttempts == 8)
        #expect(policy.nextAttempt(after: 20, now: Self.now, retryAfter: nil) == nil)
    }

    @Test("Jitter moves each delay by at most ±10 %", arguments: [0.0, 0.25, 0.999_999, 1.0])
    func jitterBounds(random: Double) {
        let policy = Self.policy(random: random)
        for (attempt, base) in RetryPolicy.standardWebhooksDelays.enumerated() {
            let delay = policy.nextAttempt(after: attempt, now: Self.now, retryAfter: nil)!.timeIntervalSince(Self.now)
            #expect(delay >= base * 0.9 - 1e-9 && delay <= base * 1.1 + 1e-9)
        }
        let lowest = Self.policy(random: 0).nextAttempt(after: 3, now: Self.now, retryAfter: nil)!.timeIntervalSince(Self.now)
        #expect(abs(lowest - 1620) < 1e-6)
    }

    @Test("With the real random source every delay stays within its band")
    func realJitter() {
        let policy = RetryPolicy()
        for _ in 0..<200 {
            let delay = policy.nextAttempt(after: 2, now: Self.now, retryAfter: nil)!.timeIntervalSince(Self.now)
            #expect((270...330).contains(delay))
        }
    }

    @Test("Retry-After later than the schedule wins; earlier does not; it is capped; it adds no attempts")
    func retryAfter() {
        let policy = Self.policy(random: 0.5)
        func delay(after attempt: Int, retryAfter: TimeInterval) -> TimeInterval? {
            // Rounded: Date keeps seconds since 2001, so a difference is not always exact.
            policy.nextAttempt(after: attempt, now: Self.now, retryAfter: retryAfter).map { $0.timeIntervalSince(Self.now).rounded() }
        }
        #expect(delay(after: 1, retryAfter: 120) == 120)
        #expect(delay(after: 2, retryAfter: 120) == 300)
        #expect(delay(after: 1, retryAfter: 30 * 24 * 3600) == 86_400.0)
        #expect(delay(after: 8, retryAfter: 60) == nil)
    }

    @Test("Retry-After is read as delta-seconds or as any of the three HTTP-date forms")
    func retryAfterValues() {
        let now = Date(timeIntervalSince1970: 784_111_717)  // Sun, 06 Nov 1994 08:48:37 GMT
        #expect(RetryAfter.seconds(from: "120", now: now) == 120)
        #expect(RetryAfter.seconds(from: " 0 ", now: now) == 0)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 60)
        #expect(RetryAfter.seconds(from: "Sunday, 06-Nov-94 08:49:37 GMT", now: now) == 60)
        #expect(RetryAfter.seconds(from: "Sun Nov  6 08:49:37 1994", now: now) == 60)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds(from: "soon", now: now) == nil)
        #expect(RetryAfter.seconds(from: "-5", now: now) == nil)
    }
}
