import Foundation
import QuorumDomain

/// Reads the daemon's configuration file (`Config/quorum.yaml`) into `DaemonSettings`.
///
/// Every key is optional; an unknown key, a value of the wrong type or out of range is an
/// error with the file, line and column, so a typo never passes silently:
///
/// ```swift
/// let fromFile = try ConfigurationFile.load(path: "Config/quorum.yaml")
/// let settings = DaemonSettings.defaults.overriding(with: fromFile)
/// ```
public enum ConfigurationFile {
    /// The only time zone Quorum works in: meetings, deadlines and sweeps are London dates and times.
    public static let supportedTimezone = "Europe/London"

    /// The events a webhook may subscribe to: those the reminder sweep and a publication raise
    /// with their notices, and the meeting's events that go by webhook alone (``GovernanceEvent``).
    public static let webhookEvents =
        ["action.due", "action.overdue", "report.due", "report.late", "pack.published", "clearance.late"]
        + GovernanceEvent.Kind.allCases.map(\.rawValue)

    static let topLevelKeys = [
        "listen", "data_dir", "boards_dir", "templates_dir", "timezone", "smtp", "webhooks", "reminders",
        "limits", "horizon_months", "demo_data", "bank_holidays", "delivery", "http", "tls", "clearance", "decisions",
        "pdf",
    ]
    static let httpKeys = ["listen", "public_url", "portal_dir"]
    static let deliveryKeys = ["retry_delays_seconds", "poll_seconds", "host_name", "webhook_timeout_seconds"]
    static let smtpKeys = ["url", "from", "helo", "username", "password", "starttls"]
    static let webhookKeys = ["url", "secret", "events"]
    static let reminderKeys = ["sweep_at", "repeat_days", "escalate_days", "draft_days_before", "plan_board"]
    static let limitKeys = [
        "max_connections", "idle_timeout_seconds", "max_line_bytes", "max_bulk_bytes", "max_array_count",
        "max_request_bytes", "request_timeout_seconds", "max_pipelined_requests", "max_pending_reply_bytes",
        "event_loop_threads",
    ]
    static let tlsKeys = ["cert", "key", "listen"]
    static let pdfKeys = ["executable", "arguments", "timeout_seconds"]
    static let clearanceKeys = ["draft_due", "clearance_due", "approval_due"]
    static let decisionKeys = ["publication_days", "call_in_days"]
    static let bankHolidayKeys = ["date", "moved_from", "to", "name"]

    /// Reads and checks the file at `path`.
    ///
    /// - Throws: `ConfigurationFileError` when the file is missing or unreadable (line 0), or at
    ///   the line of its first problem.
    public static func load(path: String) throws(ConfigurationFileError) -> DaemonSettings {
        do {
            return try settings(from: YAMLDocument.readText(atPath: path, displayName: path), file: path)
        } catch {
            throw ConfigurationFileError(error)
        }
    }

    /// Reads configuration text; `file` names it in errors. An empty text sets nothing.
    ///
    /// - Throws: `ConfigurationFileError` at the line of the first problem.
    public static func parse(text: String, file: String) throws(ConfigurationFileError) -> DaemonSettings {
        do {
            return try settings(from: text, file: file)
        } catch {
            throw ConfigurationFileError(error)
        }
    }

    static func settings(from text: String, file: String) throws(FileProblem) -> DaemonSettings {
        guard let root = try YAMLDocument.parse(text, file: file) else { return DaemonSettings() }
        let top = try root.mapping(keys: topLevelKeys)
        var settings = DaemonSettings()

        if let value = top.optional("listen") {
            let text = try value.text()
            guard ListenAddress(parsing: text) != nil else {
                throw value.problem("'\(text)' is not HOST:PORT (e.g. 127.0.0.1:7878, [::1]:7878; port 0 to 65535)")
            }
            settings.listen = text
        }
        settings.dataDirectory = try top.optional("data_dir")?.text()
        settings.boardsDirectory = try top.optional("boards_dir")?.text()
        settings.templatesDirectory = try top.optional("templates_dir")?.text()
        if let value = top.optional("timezone") {
            let zone = try value.text()
            guard zone == supportedTimezone else {
                throw value.problem("'\(zone)' is not supported: Quorum works in \(supportedTimezone) only")
            }
            settings.timezone = zone
        }
        settings.smtp = try top.optional("smtp").map { (value) throws(FileProblem) in try smtp(value) }
        if let value = top.optional("webhooks") {
            settings.webhooks = try value.list().map { (item) throws(FileProblem) in try webhook(item) }
        }
        if let value = top.optional("reminders") { settings.reminders = try reminders(value) }
        if let value = top.optional("clearance") { settings.clearance = try clearance(value) }
        if let value = top.optional("decisions") { settings.decisions = try decisions(value) }
        if let value = top.optional("limits") { settings.limits = try limits(value) }
        if let value = top.optional("delivery") { settings.delivery = try delivery(value) }
        if let value = top.optional("http") { settings.http = try http(value) }
        if let value = top.optional("tls") { settings.tls = try tls(value) }
        if let value = top.optional("pdf") { settings.pdf = try pdf(value) }
        settings.horizonMonths = try top.optional("horizon_months")?.int(in: 1...120)
        settings.demoData = try top.optional("demo_data")?.text()
        if let value = top.optional("bank_holidays") {
            settings.bankHolidays = try value.list().map { (item) throws(FileProblem) in try bankHoliday(item) }
        }
        return settings
    }

    static func smtp(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.SMTP {
        let fields = try value.mapping(keys: smtpKeys)
        let urlValue = try fields.required("url")
        let url = try urlValue.text()
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty
        else {
            throw urlValue.problem("'\(url)' is not an SMTP URL: write smtp://HOST:PORT or smtps://HOST:PORT")
        }
        let fromValue = try fields.required("from")
        let from = try fromValue.text()
        guard let address = EmailAddress.address(inMailbox: from), EmailAddress.isPlausible(address) else {
            throw fromValue.problem("'\(from)' is not a mailbox: write Name <address@example.org> or an address")
        }
        return DaemonSettings.SMTP(
            url: url, from: from, helo: try fields.optional("helo")?.text(),
            username: try fields.optional("username")?.text(), password: try fields.optional("password")?.text(),
            startTLS: try fields.optional("starttls")?.bool())
    }

    static func webhook(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.Webhook {
        let fields = try value.mapping(keys: webhookKeys)
        let urlValue = try fields.required("url")
        let url = try urlValue.text()
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw urlValue.problem("'\(url)' is not an http:// or https:// URL")
        }
        let secretValue = try fields.required("secret")
        let secret = try secretValue.text()
        guard secret.hasPrefix("whsec_"), let key = Data(base64Encoded: String(secret.dropFirst(6))), !key.isEmpty else {
            throw secretValue.problem("expected whsec_ followed by a base64 key (the Standard Webhooks form)")
        }
        let eventsValue = try fields.required("events")
        var events: [String] = []
        for item in try eventsValue.list() {
            let event = try item.text()
            guard webhookEvents.contains(event) else {
                throw item.problem("'\(event)' is not an event (known: \(webhookEvents.joined(separator: ", ")))")
            }
            guard !events.contains(event) else { throw item.problem("\(event) is listed twice") }
            events.append(event)
        }
        guard !events.isEmpty else { throw eventsValue.problem("list at least one event") }
        return DaemonSettings.Webhook(url: url, secret: secret, events: events)
    }

    static func reminders(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.Reminders {
        let fields = try value.mapping(keys: reminderKeys)
        var reminders = DaemonSettings.Reminders()
        if let sweepValue = fields.optional("sweep_at") {
            let text = try sweepValue.scalarText(expecting: "a time HH:MM or off")
            if text.lowercased() == "off" {
                reminders.sweepAt = .off
            } else if let time = LocalTime(iso: text) {
                reminders.sweepAt = .daily(time)
            } else {
                throw sweepValue.problem("'\(text)' is not a time of the form HH:MM (24-hour clock) or off")
            }
        }
        reminders.repeatDays = try fields.optional("repeat_days")?.int(in: 1...365)
        reminders.escalateDays = try fields.optional("escalate_days")?.int(in: 1...365)
        reminders.draftDaysBefore = try fields.optional("draft_days_before")?.int(in: 0...60)
        if let board = fields.optional("plan_board") {
            let code = try board.scalarText(expecting: "a board code")
            guard Board.isValidCode(code) else { throw board.problem("'\(code)' is not a board code (capital letters and digits)") }
            reminders.planBoard = code
        }
        return reminders
    }

    /// `clearance:`: working days before publication that each clearance step is due.
    static func clearance(_ value: YAMLValue) throws(FileProblem) -> ClearanceSchedule {
        let fields = try value.mapping(keys: clearanceKeys)
        let defaults = ClearanceSchedule()
        let schedule = ClearanceSchedule(
            draftDueWorkingDays: try fields.optional("draft_due")?.int(in: 0...60) ?? defaults.draftDueWorkingDays,
            clearanceDueWorkingDays: try fields.optional("clearance_due")?.int(in: 0...60) ?? defaults.clearanceDueWorkingDays,
            approvalDueWorkingDays: try fields.optional("approval_due")?.int(in: 0...60) ?? defaults.approvalDueWorkingDays)
        if let problem = schedule.problem { throw value.problem(problem) }
        return schedule
    }

    /// `decisions:`: working days to publish an executive decision, and of its call-in period.
    static func decisions(_ value: YAMLValue) throws(FileProblem) -> DecisionPolicy {
        let fields = try value.mapping(keys: decisionKeys)
        let defaults = DecisionPolicy()
        return DecisionPolicy(
            publicationWorkingDays: try fields.optional("publication_days")?.int(in: 0...30) ?? defaults.publicationWorkingDays,
            callInWorkingDays: try fields.optional("call_in_days")?.int(in: 0...30) ?? defaults.callInWorkingDays)
    }

    static func delivery(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.Delivery {
        let fields = try value.mapping(keys: deliveryKeys)
        var delivery = DaemonSettings.Delivery()
        if let delays = fields.optional("retry_delays_seconds") {
            delivery.retryDelaysSeconds = try delays.list().map { (item) throws(FileProblem) in try item.int(in: 0...86_400) }
        }
        delivery.pollSeconds = try fields.optional("poll_seconds")?.int(in: 1...3_600)
        delivery.hostName = try fields.optional("host_name")?.text()
        delivery.webhookTimeoutSeconds = try fields.optional("webhook_timeout_seconds")?.int(in: 1...300)
        return delivery
    }

    static func http(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.HTTP {
        let fields = try value.mapping(keys: httpKeys)
        var http = DaemonSettings.HTTP()
        if let listen = fields.optional("listen") {
            let text = try listen.scalarText(expecting: "HOST:PORT or off")
            if text.lowercased() == "off" {
                http.listen = .off
            } else if let address = ListenAddress(parsing: text) {
                http.listen = .address(address)
            } else {
                throw listen.problem("'\(text)' is not HOST:PORT (e.g. 127.0.0.1:7879; port 0 to 65535) or off")
            }
        }
        if let value = fields.optional("public_url") {
            let url = try value.text()
            guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
                components.query == nil, components.fragment == nil
            else {
                throw value.problem("'\(url)' is not an http:// or https:// address (e.g. https://quorum.example.org)")
            }
            http.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        http.portalDirectory = try fields.optional("portal_dir")?.text()
        return http
    }

    static func limits(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.Limits {
        let fields = try value.mapping(keys: limitKeys)
        return DaemonSettings.Limits(
            maxConnections: try fields.optional("max_connections")?.int(in: 1...100_000),
            idleTimeoutSeconds: try fields.optional("idle_timeout_seconds")?.int(in: 1...86_400),
            maxLineBytes: try fields.optional("max_line_bytes")?.int(in: 64...16_777_216),
            maxBulkBytes: try fields.optional("max_bulk_bytes")?.int(in: 1_024...1_073_741_824),
            maxArrayCount: try fields.optional("max_array_count")?.int(in: 1...16_777_216),
            maxRequestBytes: try fields.optional("max_request_bytes")?.int(in: 1_024...4_294_967_296),
            requestTimeoutSeconds: try fields.optional("request_timeout_seconds")?.int(in: 1...86_400),
            maxPipelinedRequests: try fields.optional("max_pipelined_requests")?.int(in: 1...1_000_000),
            maxPendingReplyBytes: try fields.optional("max_pending_reply_bytes")?.int(in: 1_024...1_073_741_824),
            eventLoopThreads: try fields.optional("event_loop_threads")?.int(in: 1...256))
    }

    static func pdf(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.PDF {
        let fields = try value.mapping(keys: pdfKeys)
        var pdf = DaemonSettings.PDF()
        if let executable = fields.optional("executable") {
            let text = try executable.text()
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw executable.problem("the PDF engine's executable is empty") }
            pdf.executable = text
        }
        if let arguments = fields.optional("arguments") {
            pdf.arguments = try arguments.list().map { (item) throws(FileProblem) in try item.text() }
        }
        pdf.timeoutSeconds = try fields.optional("timeout_seconds")?.int(in: 10...86_400)
        return pdf
    }

    static func tls(_ value: YAMLValue) throws(FileProblem) -> DaemonSettings.TLS {
        let fields = try value.mapping(keys: tlsKeys)
        var listen: String?
        if let listenValue = fields.optional("listen") {
            let text = try listenValue.text()
            guard ListenAddress(parsing: text) != nil else {
                throw listenValue.problem("'\(text)' is not HOST:PORT (e.g. 127.0.0.1:7443; port 0 to 65535)")
            }
            listen = text
        }
        return DaemonSettings.TLS(
            certificatePath: try fields.required("cert").text(), keyPath: try fields.required("key").text(), listen: listen)
    }

    static func bankHoliday(_ value: YAMLValue) throws(FileProblem) -> BankHolidayAdjustment {
        let fields = try value.mapping(keys: bankHolidayKeys)
        let name = try fields.required("name").text()
        switch (fields.optional("date"), fields.optional("moved_from"), fields.optional("to")) {
        case (let date?, nil, nil):
            return .added(try date.date(), name: name)
        case (nil, let movedFrom?, let to?):
            let from = try movedFrom.date()
            let target = try to.date()
            guard from != target else { throw to.problem("the holiday is moved to the date it is moved from") }
            return .moved(from: from, to: target, name: name)
        case (nil, let movedFrom?, nil):
            throw movedFrom.problem("a moved holiday needs 'to:', its new date")
        case (nil, nil, let to?):
            throw to.problem("a moved holiday needs 'moved_from:', its usual date")
        case (let date?, _, _):
            throw date.problem("give either date (an added holiday) or moved_from and to (a moved one), not both")
        case (nil, nil, nil):
            throw value.problem("give date (an added holiday) or moved_from and to (a moved one)")
        }
    }
}
