import Foundation
import QuorumApplication
import QuorumDomain
import QuorumScheduler
import QuorumStorage

/// The application core over `database`, with no deliverer and packs in a fresh temporary folder.
func makeTestApplication(database: AppDatabase, clock: WallClock = .system) throws -> Application {
    let schedule = ReportingSchedule(workingDays: WorkingDayCalendar())
    let horizon = LocalDate(iso: "2030-01-01")!
    let reminders = ReminderService(database: database, schedule: schedule, configuration: ReminderConfiguration(), horizon: horizon)
    let files = try PackFileStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("quorum-\(UUID())").path)
    return Application(
        database: database, schedule: schedule, horizon: horizon, reminders: reminders, deliverer: nil, packFiles: files, clock: clock)
}
