import Foundation
import QuorumApplication
import QuorumDomain
import QuorumFiles
import QuorumScheduler
import QuorumStorage

/// An application over an in-memory store with the repository's boards, on a fixed clock.
struct ApplicationFixture {
    let application: Application
    let database: AppDatabase
    let admin = User(name: "admin", role: .admin)

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    init(now: String = "2017-11-01T09:00:00Z") async throws {
        database = try AppDatabase.makeInMemory()
        let governance = try BoardFileLoader.loadGovernance(from: Self.repositoryRoot.appendingPathComponent("Boards"))
        let horizon = LocalDate(iso: "2019-12-31")!
        let instant = InstantText.parse(now)!
        try await database.synchronise(governance, through: horizon, now: instant)
        let schedule = ReportingSchedule(workingDays: WorkingDayCalendar())
        let reminders = ReminderService(database: database, schedule: schedule, configuration: ReminderConfiguration(), horizon: horizon)
        let files = try PackFileStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("quorum-app-\(UUID())").path)
        application = Application(
            database: database, schedule: schedule, horizon: horizon, reminders: reminders, deliverer: nil, packFiles: files,
            clock: .fixed(instant))
    }

    static func demo(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Demo/\(name)"), encoding: .utf8)
    }
}
