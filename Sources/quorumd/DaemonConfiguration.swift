import Foundation
import QuorumDelivery
import QuorumDomain
import QuorumFiles
import QuorumOutbox
import QuorumPacks
import QuorumPortal
import QuorumProtocol
import QuorumScheduler
import QuorumServer
import QuorumStorage

/// The daemon's settings after defaults, the configuration file and flags, in that order.
struct DaemonConfiguration {
    var server: ServerConfiguration
    var dataDirectory: String
    var boardsDirectory: String
    /// Plan CSVs to load into an empty plan, for demonstrations.
    var demoDataDirectory: String?
    var horizonMonths: Int
    var draftWorkingDays: Int
    var bankHolidayAdjustments: [BankHolidayAdjustment]
    var reminders: ReminderConfiguration
    var templatesDirectory: String
    var delivery: DeliveryConfiguration
    /// Nil when `http.listen` is `off`.
    var portal: PortalConfiguration?
    /// `decisions:`: publication and call-in periods of executive decisions.
    var decisions = DecisionPolicy()
    /// Debian's WeasyPrint making PDF/UA-1 (tagged) PDFs, unless `pdf:` says otherwise.
    var pdf = PDFRenderer.Configuration(extraArguments: ["--pdf-variant", "pdf/ua-1"])

    static let defaultConfigPath = "Config/quorum.yaml"

    private static func deliveryConfiguration(_ settings: DaemonSettings) throws -> DeliveryConfiguration {
        var smtp: SMTPConfiguration?
        var from = EmailAddress(address: "quorum@example.org", displayName: "Quorum")
        if let mail = settings.smtp {
            do {
                from = try EmailAddress(parsing: mail.from)
            } catch {
                throw StartupError(message: "smtp.from: \(error)")
            }
            let tls: SMTPConfiguration.TLS = mail.startTLS.map { $0 ? .required : .none } ?? .optional
            smtp = SMTPConfiguration(
                url: mail.url, envelopeFrom: from.address, heloName: mail.helo, username: mail.username, password: mail.password,
                tls: tls)
        }
        var secrets: [String: [WebhookSecret]] = [:]
        for hook in settings.webhooks ?? [] {
            do {
                // Several secrets, space-separated, sign with each during a rotation.
                secrets[hook.url, default: []] += try hook.secret.split(separator: " ").map { try WebhookSecret(String($0)) }
            } catch {
                throw StartupError(message: "webhooks: \(hook.url): \(error)")
            }
        }
        let delivery = settings.delivery
        var retry = RetryPolicy()
        if let delays = delivery.retryDelaysSeconds { retry = RetryPolicy(delays: delays.map(TimeInterval.init)) }
        return DeliveryConfiguration(
            smtp: smtp, from: from, webhookSecrets: secrets, retry: retry,
            pollInterval: .seconds(delivery.pollSeconds ?? 1), hostName: delivery.hostName ?? "quorum.example.org",
            webhookTimeout: .seconds(delivery.webhookTimeoutSeconds ?? 15))
    }

    private static func reminderConfiguration(_ settings: DaemonSettings) -> ReminderConfiguration {
        let reminders = settings.reminders
        var sweepAt: LocalTime? = LocalTime(hour: 8, minute: 0)
        switch reminders.sweepAt {
        case .daily(let time): sweepAt = time
        case .off: sweepAt = nil
        case nil: break
        }
        return ReminderConfiguration(
            policy: ReminderPolicy(repeatDays: reminders.repeatDays ?? 7, escalateDays: reminders.escalateDays ?? 14),
            sweepAt: sweepAt, planBoard: reminders.planBoard,
            webhooks: (settings.webhooks ?? []).map { WebhookSubscription(url: $0.url, events: $0.events) },
            clearance: settings.clearance ?? ClearanceSchedule())
    }

    /// The protocol server's configuration: its own defaults, with what `limits:` and `tls:` set.
    private static func serverConfiguration(_ settings: DaemonSettings, address: ListenAddress) throws -> ServerConfiguration {
        var server = ServerConfiguration(host: address.host, port: address.port)
        let limits = settings.limits
        if let value = limits.maxConnections { server.maxConnections = value }
        if let value = limits.idleTimeoutSeconds { server.idleTimeoutSeconds = Int64(value) }
        if let value = limits.requestTimeoutSeconds { server.requestTimeoutSeconds = Int64(value) }
        if let value = limits.maxPipelinedRequests { server.maxPipelinedRequests = value }
        if let value = limits.maxPendingReplyBytes { server.maxPendingReplyBytes = value }
        if let value = limits.eventLoopThreads { server.eventLoopThreads = value }
        if let value = limits.maxLineBytes { server.decoder.maxInlineBytes = value }
        if let value = limits.maxBulkBytes { server.decoder.maxBulkBytes = value }
        if let value = limits.maxArrayCount { server.decoder.maxArrayCount = value }
        if let value = limits.maxRequestBytes { server.decoder.maxRequestBytes = value }
        if let tls = settings.tls {
            var host: String?
            var port: Int?
            if let listen = tls.listen {
                guard let tlsAddress = ListenAddress(parsing: listen) else {
                    throw StartupError(message: "tls.listen: '\(listen)' is not HOST:PORT")
                }
                host = tlsAddress.host
                port = tlsAddress.port
            }
            server.tls = ServerConfiguration.TLS(certificatePath: tls.certificatePath, keyPath: tls.keyPath, host: host, port: port)
        }
        return server
    }

    /// - Throws: `StartupError` naming the file and line, or the flag, at fault.
    static func resolve(
        configPath: String, dataDir: String?, listen: String?, httpListen: String? = nil, boardsDir: String?, demoData: String?
    ) throws -> DaemonConfiguration {
        var settings = DaemonSettings.defaults
        if FileManager.default.fileExists(atPath: configPath) {
            settings = settings.overriding(with: try ConfigurationFile.load(path: configPath))
        } else if configPath != defaultConfigPath {
            throw StartupError(message: "\(configPath): no such configuration file")
        }
        var flags = DaemonSettings(listen: listen, dataDirectory: dataDir, boardsDirectory: boardsDir, demoData: demoData)
        if let httpListen {
            if httpListen.lowercased() == "off" {
                flags.http.listen = .off
            } else if let address = ListenAddress(parsing: httpListen) {
                flags.http.listen = .address(address)
            } else {
                throw StartupError(message: "--http-listen: '\(httpListen)' is not HOST:PORT or off")
            }
        }
        settings = settings.overriding(with: flags)

        guard let address = settings.listenAddress else {
            throw StartupError(message: "--listen/listen: '\(settings.listen ?? "")' is not HOST:PORT")
        }
        let server = try serverConfiguration(settings, address: address)
        let dataDirectory = settings.dataDirectory ?? "var"
        var portal: PortalConfiguration?
        if case .address(let address)? = settings.http.listen {
            portal = PortalConfiguration(
                host: address.host, port: address.port, publicURL: settings.http.publicURL,
                directory: settings.http.portalDirectory ?? "Portal", keyFile: dataDirectory + "/portal.key")
        }
        var configuration = DaemonConfiguration(
            server: server,
            dataDirectory: settings.dataDirectory ?? "var",
            boardsDirectory: settings.boardsDirectory ?? "Boards",
            demoDataDirectory: settings.demoData,
            horizonMonths: settings.horizonMonths ?? 24,
            draftWorkingDays: settings.reminders.draftDaysBefore ?? 5,
            bankHolidayAdjustments: settings.bankHolidays ?? [],
            reminders: reminderConfiguration(settings),
            templatesDirectory: settings.templatesDirectory ?? "Notifications",
            delivery: try deliveryConfiguration(settings),
            portal: portal)
        configuration.decisions = settings.decisions ?? DecisionPolicy()
        if let pdf = settings.pdf {
            configuration.pdf = PDFRenderer.Configuration(
                executable: pdf.executable ?? configuration.pdf.executable,
                timeout: pdf.timeoutSeconds.map { .seconds($0) } ?? configuration.pdf.timeout,
                extraArguments: pdf.arguments ?? configuration.pdf.extraArguments)
        }
        return configuration
    }
}
