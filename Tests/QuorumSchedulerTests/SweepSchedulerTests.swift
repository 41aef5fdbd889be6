import Foundation
import Logging
import QuorumDomain
import QuorumStorage
import Testing

@testable import QuorumScheduler

@Suite("The daily sweep and its catch-up, on a clock the test drives")
struct SweepSchedulerTests {
    static func instant(_ text: String) -> Date { InstantText.parse(text)! }

    static func makeScheduler(now: Date) async throws -> (SweepScheduler, AppDatabase) {
        let database = try AppDatabase.makeInMemory()
        let schedule = ReportingSchedule(workingDays: WorkingDayCalendar())
        let reminders = ReminderService(
            database: database, schedule: schedule, configuration: ReminderConfiguration(), horizon: LocalDate(iso: "2019-12-31")!)
        let scheduler = SweepScheduler(reminders: reminders, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) { now }
        return (scheduler, database)
    }

    @Test func aFirstStartRecordsTheLatestSweepTimeAndSweepsNothing() async throws {
        let now = Self.instant("2017-11-01T10:00")
        let (scheduler, database) = try await Self.makeScheduler(now: now)
        try await scheduler.catchUp(SweepSchedule(time: LocalTime(hour: 8, minute: 0)!))
        #expect(try await database.lastScheduledSweep() == Self.instant("2017-11-01T08:00").unixSeconds)
        #expect(try await database.sweepCounts()["catch-up"] == nil)
    }

    @Test func daysMissedWhileDownAreSweptOnceAtStart() async throws {
        let now = Self.instant("2017-11-04T09:30")
        let (scheduler, database) = try await Self.makeScheduler(now: now)
        try await database.setLastScheduledSweep(Self.instant("2017-11-01T08:00").unixSeconds)
        try await scheduler.catchUp(SweepSchedule(time: LocalTime(hour: 8, minute: 0)!))
        #expect(try await database.sweepCounts()["catch-up"] == 1)
        // As of the latest missed instant: this morning's 08:00.
        #expect(try await database.lastScheduledSweep() == Self.instant("2017-11-04T08:00").unixSeconds)
        // A second start the same day finds nothing missed.
        try await scheduler.catchUp(SweepSchedule(time: LocalTime(hour: 8, minute: 0)!))
        #expect(try await database.sweepCounts()["catch-up"] == 1)
    }

    @Test func beforeTheSweepTimeTheMorningIsNotYetMissed() async throws {
        let now = Self.instant("2017-11-02T07:59")
        let (scheduler, database) = try await Self.makeScheduler(now: now)
        try await database.setLastScheduledSweep(Self.instant("2017-11-01T08:00").unixSeconds)
        try await scheduler.catchUp(SweepSchedule(time: LocalTime(hour: 8, minute: 0)!))
        #expect(try await database.sweepCounts()["catch-up"] == nil)
    }
}
