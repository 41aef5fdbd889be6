import Foundation
import Logging
import QuorumDomain
import QuorumOutbox
import QuorumScheduler
import QuorumStorage

/// What every command handler may use: the database, the calendar rules, the clock.
public struct ServerContext: Sendable {
    public var database: AppDatabase
    public var schedule: ReportingSchedule
    /// The last date to which open-ended meeting rules were expanded.
    public var horizon: LocalDate
    public var clock: WallClock
    public var startedAt: Date
    public var connections: ConnectionRegistry
    public var logger: Logger
    public var version: String
    /// The reminder sweep, for REMIND.
    public var reminders: ReminderService?
    /// Meeting packs, for PACK.
    public var packs: PackBuilder?
    /// The deliverer, for NOTIFY TEST.
    public var deliverer: OutboxDeliverer?

    public init(
        database: AppDatabase, schedule: ReportingSchedule, horizon: LocalDate, reminders: ReminderService? = nil,
        packs: PackBuilder? = nil, deliverer: OutboxDeliverer? = nil,
        clock: WallClock = .system,
        connections: ConnectionRegistry = ConnectionRegistry(maxConnections: 256), logger: Logger,
        version: String = QuorumVersion.current
    ) {
        self.database = database
        self.schedule = schedule
        self.horizon = horizon
        self.reminders = reminders
        self.packs = packs
        self.deliverer = deliverer
        self.clock = clock
        self.startedAt = clock.now()
        self.connections = connections
        self.logger = logger
        self.version = version
    }

    var workingDays: WorkingDayCalendar { schedule.workingDays }

    /// Today's date in Europe/London.
    var today: LocalDate {
        EuropeLondon.localDateTime(at: Int64(clock.now().timeIntervalSince1970.rounded(.down))).date
    }
}

/// The source of "now": the system clock in production, a fixed or stepped one in tests.
public struct WallClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = WallClock { Date() }
}

public enum QuorumVersion {
    public static let current = "0.1.0"
}
