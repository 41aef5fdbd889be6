import QuorumDomain

/// What `Config/quorum.yaml` says, every field optional: `nil` means "not set here", so that
/// command-line flags can override a file and built-in defaults fill in what neither sets:
///
/// ```swift
/// let file = try ConfigurationFile.load(path: "Config/quorum.yaml")
/// let settings = DaemonSettings.defaults.overriding(with: file).overriding(with: flags)
/// ```
///
/// Paths are kept as written; relative ones are relative to the daemon's working directory.
public struct DaemonSettings: Hashable, Sendable {
    /// `HOST:PORT` (already checked to parse as a `ListenAddress`).
    public var listen: String?
    /// The SQLite database, the packs and `admin.token`.
    public var dataDirectory: String?
    /// The board files (`*.yaml`).
    public var boardsDirectory: String?
    /// The notification templates.
    public var templatesDirectory: String?
    /// Always `Europe/London` when set: the only zone the daemon supports.
    public var timezone: String?
    /// Outgoing mail; nil sends no email (notices stay in the outbox).
    public var smtp: SMTP?
    public var webhooks: [Webhook]?
    public var reminders: Reminders
    public var limits: Limits
    /// TLS for the protocol; nil serves plain TCP.
    public var tls: TLS?
    /// How many months ahead of today an open-ended meeting rule is expanded.
    public var horizonMonths: Int?
    /// A folder of demo CSVs (`actions.csv`, `measures.csv`, `values.csv`) to import on start.
    public var demoData: String?
    /// One-off and moved bank holidays beyond the shipped list.
    public var bankHolidays: [BankHolidayAdjustment]?
    public var delivery: Delivery = Delivery()
    public var http: HTTP = HTTP()
    /// `pdf:`: the PDF engine; nil for Debian's WeasyPrint with the PDF/UA-1 variant.
    public var pdf: PDF? = nil
    /// `clearance:`: when report clearance steps are due; nil for the defaults.
    public var clearance: ClearanceSchedule? = nil
    /// `decisions:`: publication and call-in of executive decisions; nil for the defaults.
    public var decisions: DecisionPolicy? = nil

    public init(
        listen: String? = nil, dataDirectory: String? = nil, boardsDirectory: String? = nil,
        templatesDirectory: String? = nil, timezone: String? = nil, smtp: SMTP? = nil,
        webhooks: [Webhook]? = nil, reminders: Reminders = Reminders(), limits: Limits = Limits(),
        horizonMonths: Int? = nil, demoData: String? = nil, bankHolidays: [BankHolidayAdjustment]? = nil
    ) {
        self.listen = listen
        self.dataDirectory = dataDirectory
        self.boardsDirectory = boardsDirectory
        self.templatesDirectory = templatesDirectory
        self.timezone = timezone
        self.smtp = smtp
        self.webhooks = webhooks
        self.reminders = reminders
        self.limits = limits
        self.horizonMonths = horizonMonths
        self.demoData = demoData
        self.bankHolidays = bankHolidays
    }

    /// The listen address, parsed.
    public var listenAddress: ListenAddress? { listen.flatMap(ListenAddress.init(parsing:)) }

    /// The built-in defaults: every field set except `smtp`, `tls`, `demoData` and `limits`
    /// (whose defaults are the protocol server's own).
    public static let defaults = DaemonSettings(
        listen: "127.0.0.1:7878", dataDirectory: "var", boardsDirectory: "Boards",
        templatesDirectory: "Notifications", timezone: ConfigurationFile.supportedTimezone, smtp: nil,
        webhooks: [],
        reminders: Reminders(
            sweepAt: .daily(LocalTime(hour: 8, minute: 0)!), repeatDays: 7, escalateDays: 14, draftDaysBefore: 5, planBoard: "CYPCIB"),
        // The protocol server's limits default in its own configuration, not here.
        limits: Limits(),
        horizonMonths: 24, demoData: nil, bankHolidays: []
    ).with(
        delivery: Delivery(),
        http: HTTP(listen: .address(ListenAddress(host: "127.0.0.1", port: 7879)), publicURL: nil, portalDirectory: "Portal"))
    .with(clearance: ClearanceSchedule(), decisions: DecisionPolicy(), pdf: nil)

    /// These settings with every field that `other` sets replaced by `other`'s value.
    /// Sections (`smtp`, `webhooks`, `bank_holidays`) are replaced whole; `reminders` and
    /// `limits` field by field.
    func with(delivery: Delivery, http: HTTP, tls: TLS? = nil) -> DaemonSettings {
        var copy = self
        copy.delivery = delivery
        copy.http = http
        copy.tls = tls
        return copy
    }

    public func overriding(with other: DaemonSettings) -> DaemonSettings {
        DaemonSettings(
            listen: other.listen ?? listen,
            dataDirectory: other.dataDirectory ?? dataDirectory,
            boardsDirectory: other.boardsDirectory ?? boardsDirectory,
            templatesDirectory: other.templatesDirectory ?? templatesDirectory,
            timezone: other.timezone ?? timezone,
            smtp: other.smtp ?? smtp,
            webhooks: other.webhooks ?? webhooks,
            reminders: reminders.overriding(with: other.reminders),
            limits: limits.overriding(with: other.limits),
            horizonMonths: other.horizonMonths ?? horizonMonths,
            demoData: other.demoData ?? demoData,
            bankHolidays: other.bankHolidays ?? bankHolidays)
            .with(delivery: delivery.overriding(with: other.delivery), http: http.overriding(with: other.http), tls: other.tls ?? tls)
            .with(clearance: other.clearance ?? clearance, decisions: other.decisions ?? decisions, pdf: other.pdf ?? pdf)
    }

    /// These settings with the meeting and PDF sections replaced (each is replaced whole).
    func with(clearance: ClearanceSchedule?, decisions: DecisionPolicy?, pdf: PDF?) -> DaemonSettings {
        var copy = self
        copy.clearance = clearance
        copy.decisions = decisions
        copy.pdf = pdf
        return copy
    }
}
