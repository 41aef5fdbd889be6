import Foundation

/// When to try a failed send again, and when to give up.
///
/// The default is the Standard Webhooks schedule: eight attempts, the first immediately and the
/// others 5 seconds, 5 minutes, 30 minutes, 2 hours, 5 hours, 10 hours and 10 hours after the
/// one before (about 28 hours in all), each delay moved by a random ±``jitter`` so that
/// receivers that come back up are not hit by every sender at once.
///
/// ```swift
/// let policy = RetryPolicy()
/// if let next = policy.nextAttempt(after: row.attempts, now: now, retryAfter: error.retryAfter) {
///     // reschedule the row for `next`
/// } else {
///     // dead
/// }
/// ```
public struct RetryPolicy: Sendable {
    /// The Standard Webhooks delays, in seconds: element `n` is the wait before attempt `n + 1`.
    public static let standardWebhooksDelays: [TimeInterval] = [0, 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600]

    /// The wait before each attempt; the count is the number of attempts in all.
    public var delays: [TimeInterval]
    /// The fraction by which a delay may be moved either way (0.1: ±10 %).
    public var jitter: Double
    /// The longest `Retry-After` honoured: a receiver cannot park a notice for longer.
    public var maximumRetryAfter: TimeInterval
    /// A random number in `0..<1`; tests inject a fixed one.
    public var random: @Sendable () -> Double

    /// - Parameters:
    ///   - delays: the wait before each attempt (the first is usually 0).
    ///   - jitter: the fraction by which each delay may move either way.
    ///   - maximumRetryAfter: the longest receiver-requested wait honoured.
    ///   - random: a source of numbers in `0..<1`.
    public init(
        delays: [TimeInterval] = RetryPolicy.standardWebhooksDelays, jitter: Double = 0.1,
        maximumRetryAfter: TimeInterval = 24 * 3600, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.delays = delays
        self.jitter = max(0, min(jitter, 1))
        self.maximumRetryAfter = maximumRetryAfter
        self.random = random
    }

    /// How many attempts a send gets before it is dead.
    public var maximumAttempts: Int { delays.count }

    /// When to make the next attempt after `attempt` attempts have failed, or nil when there
    /// are none left (the row is dead).
    ///
    /// The time is the schedule's delay for the next attempt, jittered, after `now`; when the
    /// receiver sent `Retry-After`, the later of that and the schedule (a receiver can slow
    /// retries down, never speed them up or add to their number).
    /// - Parameters:
    ///   - attempt: attempts made so far, the one that just failed included (1 after the first).
    ///   - now: when the failed attempt ended.
    ///   - retryAfter: seconds the receiver asked for, if any.
    public func nextAttempt(after attempt: Int, now: Date, retryAfter: TimeInterval?) -> Date? {
        let next = max(attempt, 0)
        guard next < delays.count else { return nil }
        let base = delays[next]
        let factor = 1 + jitter * (2 * min(max(random(), 0), 1) - 1)
        var delay = max(0, base * factor)
        if let retryAfter, retryAfter > 0 {
            delay = max(delay, min(retryAfter, maximumRetryAfter))
        }
        return now.addingTimeInterval(delay)
    }
}
