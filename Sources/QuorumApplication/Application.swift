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
    public let forwardPlan: ForwardPlanService
    public let privateMeetings: PrivateMeetingService
    public let clearance: ClearanceService
    public let meetingRecords: MeetingRecordService
    public let decisions: DecisionService
    public let clock: WallClock
    /// Web sessions (the portal's sign-in).
    public let sessions: SessionService
    public let backups: BackupService
    private let changes: TableChanges

    /// A number that changes whenever a write has committed, whoever made it: a reply of a
    /// ``Operation/cacheable`` operation kept at one version is still right at the same version.
    public var dataVersion: UInt64 { changes.commits }

    public init(
        database: AppDatabase, schedule: ReportingSchedule, horizon: LocalDate, reminders: ReminderService,
        deliverer: OutboxDeliverer?, packFiles: PackFileStore, pdf: PDFRenderer = PDFRenderer(), clock: WallClock,
        sessions: SessionService.Configuration = SessionService.Configuration(),
        decisions: DecisionPolicy = DecisionPolicy(), portalURL: String? = nil
    ) {
        let governance = GovernanceService(
            database: database, schedule: schedule, horizon: horizon, clock: clock, webhooks: reminders.configuration.webhooks)
        self.governance = governance
        let privateMeetings = PrivateMeetingService(database: database, governance: governance, clock: clock)
        let clearance = ClearanceService(
            database: database, governance: governance, privateMeetings: privateMeetings,
            schedule: reminders.configuration.clearance, clock: clock)
        self.forwardPlan = ForwardPlanService(
            database: database, governance: governance, pdf: pdf, clock: clock, portalURL: portalURL)
        self.privateMeetings = privateMeetings
        self.clearance = clearance
        let planModels = PlanModels(database)
        self.plan = PlanService(database: database, clock: clock, models: planModels)
        self.notifications = NotificationService(
            database: database, reminders: reminders, deliverer: deliverer, clock: clock, planActions: planModels.actions)
        self.packs = PackService(
            database: database, governance: governance, files: packFiles, pdf: pdf, webhooks: reminders.configuration.webhooks,
            clock: clock, clearance: clearance)
        self.users = UserService(database: database, clock: clock)
        self.audit = AuditService(database: database, clock: clock)
        self.meetingRecords = MeetingRecordService(database: database, governance: governance, pdf: pdf, clock: clock)
        self.decisions = DecisionService(database: database, governance: governance, policy: decisions, clock: clock)
        self.clock = clock
        self.sessions = SessionService(database: database, users: users, clock: clock, configuration: sessions)
        self.backups = BackupService(database: database, files: packFiles, clock: clock)
        self.changes = database.changes
    }
}
