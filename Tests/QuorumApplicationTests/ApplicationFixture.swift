import Foundation
import QuorumApplication
import QuorumDomain
import QuorumFiles
import QuorumPacks
import QuorumScheduler
import QuorumStorage

/// An application over an in-memory store with the repository's boards, on a fixed clock.
struct ApplicationFixture {
    let application: Application
    let database: AppDatabase
    let admin = User(name: "admin", role: .admin)
    let packFiles: PackFileStore
    private let makeApplication: @Sendable (PDFRenderer) -> Application

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// - Parameter boards: edits to the repository's board files, by file name (`OSC.yaml`).
    init(
        now: String = "2017-11-01T09:00:00Z", pdf: PDFRenderer = PDFRenderer(), webhooks: [WebhookSubscription] = [],
        boards edits: [String: @Sendable (String) -> String] = [:]
    ) async throws {
        database = try AppDatabase.makeInMemory()
        let folder = Self.repositoryRoot.appendingPathComponent("Boards")
        let governance: Governance
        if edits.isEmpty {
            governance = try BoardFileLoader.loadGovernance(from: folder)
        } else {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            governance = try BoardFileLoader.loadGovernance(
                texts: try names.map { name in
                    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    return ("Boards/\(name)", edits[name].map { $0(text) } ?? text)
                })
        }
        let horizon = LocalDate(iso: "2019-12-31")!
        let instant = InstantText.parse(now)!
        try await database.synchronise(governance, through: horizon, now: instant)
        let schedule = ReportingSchedule(workingDays: WorkingDayCalendar())
        let reminders = ReminderService(database: database, schedule: schedule, configuration: ReminderConfiguration(webhooks: webhooks), horizon: horizon)
        let files = try PackFileStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("quorum-app-\(UUID())").path)
        packFiles = files
        let store = database
        makeApplication = { pdf in
            Application(
                database: store, schedule: schedule, horizon: horizon, reminders: reminders, deliverer: nil, packFiles: files,
                pdf: pdf, clock: .fixed(instant))
        }
        application = makeApplication(pdf)
    }

    /// Another application over the same store and pack files, as after a restart.
    func restarted(pdf: PDFRenderer = PDFRenderer()) -> Application {
        makeApplication(pdf)
    }

    static func demo(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Demo/\(name)"), encoding: .utf8)
    }
}
