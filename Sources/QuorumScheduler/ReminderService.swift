import Foundation
import QuorumDomain
import QuorumStorage

/// How reminders are found and where they go.
public struct ReminderConfiguration: Sendable {
    public var policy: ReminderPolicy
    /// Local time of the daily sweep; nil turns the automatic sweep off.
    public var sweepAt: LocalTime?
    /// The board that owns the improvement plan: its secretary is copied on escalations.
    public var planBoard: String?
    public var webhooks: [WebhookSubscription]
    /// When report clearance steps are due (`clearance:`); late steps are chased by the sweep.
    public var clearance: ClearanceSchedule

    public init(
        policy: ReminderPolicy = ReminderPolicy(), sweepAt: LocalTime? = LocalTime(hour: 8, minute: 0),
        planBoard: String? = "CYPCIB", webhooks: [WebhookSubscription] = [], clearance: ClearanceSchedule = ClearanceSchedule()
    ) {
        self.policy = policy
        self.sweepAt = sweepAt
        self.planBoard = planBoard
        self.webhooks = webhooks
        self.clearance = clearance
    }
}

/// Gathers what the planner needs from the store and runs or previews a sweep.
public struct ReminderService: Sendable {
    public let database: AppDatabase
    public let schedule: ReportingSchedule
    public let configuration: ReminderConfiguration
    /// The last date open-ended calendars were expanded to.
    public let horizon: LocalDate

    public init(database: AppDatabase, schedule: ReportingSchedule, configuration: ReminderConfiguration, horizon: LocalDate) {
        self.database = database
        self.schedule = schedule
        self.configuration = configuration
        self.horizon = horizon
    }

    /// What a sweep as of `instant` would enqueue; changes nothing.
    /// - Parameter actions: the plan's actions when the caller holds them already (a cached
    ///   read model); nil reads them from the store.
    public func preview(asOf instant: Date, actions: [PlanAction]? = nil) async throws -> [Notice] {
        let plan = try await makePlan(asOf: instant, actions: actions)
        return try await database.previewSweep(plan: plan)
    }

    /// Runs a sweep as of `instant`, enqueuing what is new.
    public func run(asOf instant: Date, trigger: SweepTrigger, now: Date) async throws -> SweepOutcome {
        let plan = try await makePlan(asOf: instant)
        return try await database.runSweep(asOf: instant, trigger: trigger, webhooks: configuration.webhooks, now: now, plan: plan)
    }

    /// A requested report as a one-off reporting cycle of its month, so that it is reminded and
    /// warned of exactly as a cycle's report is.
    private static func cycle(of request: ReportRequest, effect id: Int64) -> ReportingCycle {
        ReportingCycle(
            key: "request-\(id)", title: request.title, reportOf: request.owner.role, owner: request.owner, cadenceMonths: 1,
            firstMonth: request.month, lastMonth: request.month, appendices: [])
    }

    /// Reads the plan's inputs and returns the planner call, to run inside the store's transaction.
    private func makePlan(asOf instant: Date, actions known: [PlanAction]? = nil) async throws
        -> @Sendable (Set<String>) throws -> [Notice]
    {
        let date = EuropeLondon.localDateTime(at: Int64(instant.timeIntervalSince1970.rounded(.down))).date
        let boards = try await database.boards()
        let meetings = try await database.allMeetingDates()
        let through = max(horizon, date.adding(months: 3)).yearMonth
        let reports = boards.flatMap { board in
            schedule.occurrences(of: board, meetingDates: meetings[board.code] ?? [], through: through).map {
                ReminderPlanner.Report(occurrence: $0.occurrence, cycle: $0.cycle, board: board)
            }
        }
        let actions: [PlanAction]
        if let known {
            actions = known
        } else {
            actions = try await database.planActions()
        }
        var submitted = try await database.submittedOccurrences()
        // Reports a resolution requested: their owners are reminded like any report owner's.
        var requested: [ReminderPlanner.Report] = []
        for request in try await database.requestedReports() {
            guard let board = boards.first(where: { $0.code == request.boardCode }) else { continue }
            let cycle = Self.cycle(
                of: ReportRequest(boardCode: request.boardCode, month: request.month, title: request.title, owner: request.owner),
                effect: request.effectID)
            for occurrence in schedule.occurrences(of: cycle, board: board.code, meetingDates: [request.meetingDate], through: request.month) {
                if request.submitted { submitted.insert(occurrence.id) }
                requested.append(ReminderPlanner.Report(occurrence: occurrence, cycle: cycle, board: board))
            }
        }
        // Requested for a month in which the board has no meeting yet: its secretary is warned
        // as of an occurrence no meeting takes, until a meeting of that month is added.
        for waiting in try await database.waitingReportRequests() {
            guard let board = boards.first(where: { $0.code == waiting.request.boardCode }) else { continue }
            let cycle = Self.cycle(of: waiting.request, effect: waiting.effectID)
            for occurrence in schedule.occurrences(of: cycle, board: board.code, meetingDates: [], through: waiting.request.month) {
                requested.append(ReminderPlanner.Report(occurrence: occurrence, cycle: cycle, board: board))
            }
        }
        let allReports = reports + requested
        let submittedIDs = submitted
        let planBoard = boards.first { $0.code == configuration.planBoard }
        let planner = ReminderPlanner(policy: configuration.policy, workingDays: schedule.workingDays)
        let chases = try await clearanceChases(on: date, boards: boards)
        return { listed in
            planner.notices(on: date, reports: allReports, submitted: submittedIDs, actions: actions, listed: listed, planBoard: planBoard)
                + chases
        }
    }
}
