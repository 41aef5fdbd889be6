import QuorumDomain
import QuorumOutbox
import QuorumPacks
import QuorumScheduler
import QuorumStorage

/// The application core: one service per area, every front door's way in.
///
/// ```swift
/// let app = Application(database: db, schedule: schedule, horizon: horizon, reminders: reminders,
///                       deliverer: deliverer, packFiles: files, clock: .system)
/// let boards = try await app.governance.boards(as: nil)
/// ```
public struct Application: Sendable {
    public let governance: GovernanceService
    public let plan: PlanService
    public let notifications: NotificationService
    public let packs: PackService
    public let users: UserService
    public let audit: AuditService
    public let clock: WallClock
    /// Web sessions (the portal's sign-in).
    public let sessions: SessionService
    public let backups: BackupService

    public init(
        database: AppDatabase, schedule: ReportingSchedule, horizon: LocalDate, reminders: ReminderService,
        deliverer: OutboxDeliverer?, packFiles: PackFileStore, pdf: PDFRenderer = PDFRenderer(), clock: WallClock,
        sessions: SessionService.Configuration = SessionService.Configuration()
    ) {
        let governance = GovernanceService(database: database, schedule: schedule, horizon: horizon, clock: clock)
        self.governance = governance
        let planModels = PlanModels(database)
        self.plan = PlanService(database: database, clock: clock, models: planModels)
        self.notifications = NotificationService(
            database: database, reminders: reminders, deliverer: deliverer, clock: clock, planActions: planModels.actions)
        self.packs = PackService(
            database: database, governance: governance, files: packFiles, pdf: pdf, webhooks: reminders.configuration.webhooks,
            clock: clock)
        self.users = UserService(database: database, clock: clock)
        self.audit = AuditService(database: database, clock: clock)
        self.clock = clock
        self.sessions = SessionService(database: database, users: users, clock: clock, configuration: sessions)
        self.backups = BackupService(database: database, files: packFiles, clock: clock)
    }
}
