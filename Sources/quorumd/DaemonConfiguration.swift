import Foundation
import QuorumDomain
import QuorumFiles
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

    static let defaultConfigPath = "Config/quorum.yaml"

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
            webhooks: (settings.webhooks ?? []).map { WebhookSubscription(url: $0.url, events: $0.events) })
    }

    /// - Throws: `StartupError` naming the file and line, or the flag, at fault.
    static func resolve(configPath: String, dataDir: String?, listen: String?, boardsDir: String?, demoData: String?) throws -> DaemonConfiguration {
        var settings = DaemonSettings.defaults
        if FileManager.default.fileExists(atPath: configPath) {
            settings = settings.overriding(with: try ConfigurationFile.load(path: configPath))
        } else if configPath != defaultConfigPath {
            throw StartupError(message: "\(configPath): no such configuration file")
        }
        settings = settings.overriding(with: DaemonSettings(listen: listen, dataDirectory: dataDir, boardsDirectory: boardsDir, demoData: demoData))

        guard let address = settings.listenAddress else {
            throw StartupError(message: "--listen/listen: '\(settings.listen ?? "")' is not HOST:PORT")
        }
        let limits = settings.limits
        let defaults = DaemonSettings.defaults.limits
        var decoder = RESPDecoderConfiguration()
        decoder.maxInlineBytes = limits.maxLineBytes ?? defaults.maxLineBytes ?? decoder.maxInlineBytes
        decoder.maxBulkBytes = limits.maxBulkBytes ?? defaults.maxBulkBytes ?? decoder.maxBulkBytes
        let server = ServerConfiguration(
            host: address.host, port: address.port,
            maxConnections: limits.maxConnections ?? defaults.maxConnections ?? 256,
            idleTimeoutSeconds: Int64(limits.idleTimeoutSeconds ?? defaults.idleTimeoutSeconds ?? 300),
            decoder: decoder)
        return DaemonConfiguration(
            server: server,
            dataDirectory: settings.dataDirectory ?? "var",
            boardsDirectory: settings.boardsDirectory ?? "Boards",
            demoDataDirectory: settings.demoData,
            horizonMonths: settings.horizonMonths ?? 24,
            draftWorkingDays: settings.reminders.draftDaysBefore ?? 5,
            bankHolidayAdjustments: settings.bankHolidays ?? [],
            reminders: reminderConfiguration(settings))
    }
}
