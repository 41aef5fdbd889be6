import Foundation
import Logging
import QuorumDomain
import QuorumStorage
import ServiceLifecycle

/// Runs the reminder sweep every day at the configured local time, and once at start-up for a
/// sweep missed while the daemon was down.
public struct SweepScheduler: Service {
    let reminders: ReminderService
    let logger: Logger
    let now: @Sendable () -> Date

    public init(reminders: ReminderService, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.reminders = reminders
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        guard let time = reminders.configuration.sweepAt else {
            logger.info("automatic reminder sweep is off")
            try? await gracefulShutdown()
            return
        }
        let schedule = SweepSchedule(time: time)
        try await catchUp(schedule)
        while !Task.isShuttingDownGracefully {
            let current = seconds(now())
            let next = schedule.next(after: current)
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(next - current)) }
            } catch {
                return
            }
            guard !Task.isShuttingDownGracefully else { return }
            await sweep(asOf: next, trigger: .daily)
        }
    }

    /// At start-up: one sweep as of the latest missed instant, however many days were missed.
    func catchUp(_ schedule: SweepSchedule) async throws {
        let current = seconds(now())
        guard let last = try await reminders.database.lastScheduledSweep() else {
            // First start: nothing was due before now.
            try await reminders.database.setLastScheduledSweep(schedule.latest(atOrBefore: current))
            return
        }
        if let missed = schedule.catchUp(lastSweep: last, now: current) {
            logger.info("running a missed reminder sweep", metadata: ["as_of": "\(Date(timeIntervalSince1970: TimeInterval(missed)))"])
            await sweep(asOf: missed, trigger: .catchUp)
        }
    }

    private func sweep(asOf instant: Int64, trigger: SweepTrigger) async {
        do {
            let outcome = try await reminders.run(asOf: Date(timeIntervalSince1970: TimeInterval(instant)), trigger: trigger, now: now())
            try await reminders.database.setLastScheduledSweep(instant)
            logger.info(
                "reminder sweep", metadata: ["trigger": "\(trigger.rawValue)", "notices": "\(outcome.notices.count)", "enqueued": "\(outcome.enqueuedRows)"])
        } catch {
            // The next day's sweep (or a restart's catch-up) tries again; the outbox keys keep it exact.
            logger.error("reminder sweep failed", metadata: ["error": "\(error)"])
        }
    }

    private func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
