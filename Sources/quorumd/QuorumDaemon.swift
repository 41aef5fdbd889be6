import ArgumentParser
import Foundation
import Logging
import Metrics
import NIOCore
import Prometheus
import QuorumApplication
import QuorumDelivery
import QuorumDomain
import QuorumFiles
import QuorumOutbox
import QuorumPacks
import QuorumPortal
import QuorumScheduler
import QuorumServer
import QuorumStorage
import ServiceLifecycle

/// `quorumd`: loads the configuration and the boards, opens the store, and serves the protocol
/// until SIGINT or SIGTERM.
@main
struct QuorumDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorumd",
        abstract: "The Quorum governance server.",
        discussion: "Flags override the configuration file, which overrides the built-in defaults.")

    @Option(name: .long, help: "The configuration file.")
    var config: String = "Config/quorum.yaml"

    @Option(name: .customLong("data-dir"), help: "Where the database and admin.token live.")
    var dataDir: String?

    @Option(name: .long, help: "HOST:PORT to listen on (port 0: any free port).")
    var listen: String?

    @Option(name: .customLong("http-listen"), help: "HOST:PORT of the web portal (port 0: any free port), or off.")
    var httpListen: String?

    @Option(name: .customLong("boards-dir"), help: "The folder of board files.")
    var boardsDir: String?

    @Option(name: .customLong("demo-data"), help: "A folder of plan CSVs to load when the plan is empty (make run: Demo).")
    var demoData: String?

    @Flag(
        name: .customLong("demo-reports"),
        help: "With --demo-data, on the start that loads it: submit and clear the seed cover reports in its reports folder (make run).")
    var demoReports = false

    @Flag(
        name: .customLong("demo-publish"),
        help: "With --demo-reports, on the start that loads them: build and publish the seed meetings' packs (make run).")
    var demoPublish = false

    func run() async throws {
        MemoryReclaimer.configureAllocator()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["QUORUM_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            return handler
        }
        let logger = Logger(label: "quorumd")
        do {
            try await serve(logger: logger)
        } catch let error as StartupError {
            FileHandle.standardError.write(Data("quorumd: \(error.message)\n".utf8))
            throw ExitCode(1)
        } catch let failure as StorageFailure {
            // The store refused a write it must make to start (or to go on): one line, not a trace.
            FileHandle.standardError.write(Data("quorumd: the database cannot be written: \(failure)\n".utf8))
            throw ExitCode(1)
        } catch let error as ProtocolServer.ListenError {
            FileHandle.standardError.write(Data("quorumd: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as PortalService.ListenError {
            FileHandle.standardError.write(Data("quorumd: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func serve(logger: Logger) async throws {
        let settings = try StartupError.wrap { try DaemonConfiguration.resolve(
                configPath: config, dataDir: dataDir, listen: listen, httpListen: httpListen, boardsDir: boardsDir, demoData: demoData) }
        // Before anything takes a loop from NIO's shared group, which is then made this size.
        NIOSingletons.groupLoopCountSuggestion = settings.server.eventLoopThreads
        let governance = try StartupError.wrap { try BoardFileLoader.loadGovernance(from: settings.boardsDirectory) }
        // A template that does not render stops start-up, not a send a week later.
        let templates = try StartupError.wrap { try NotificationTemplates(directory: settings.templatesDirectory) }

        try DataDirectoryLock.create(directory: settings.dataDirectory)
        // Held until the process ends: a second quorumd on this directory stops here.
        let lock = try DataDirectoryLock.acquire(directory: settings.dataDirectory)
        defer { withExtendedLifetime(lock) {} }
        if let tls = settings.server.tls {
            // A certificate that cannot be used stops start-up, not the first connection.
            _ = try StartupError.wrap { try TLSServerContext(tls) }
        }
        var serverConfiguration = settings.server
        let fitted = OpenFileLimit.fit(connections: serverConfiguration.maxConnections)
        if fitted.lowered {
            logger.warning(
                "connection limit lowered to fit the open-file limit",
                metadata: [
                    "max_connections": "\(fitted.connections)", "asked": "\(serverConfiguration.maxConnections)",
                    "open_files": "\(fitted.openFiles)", "reserved": "\(OpenFileLimit.reserve)",
                ])
        }
        serverConfiguration.maxConnections = fitted.connections
        let databasePath = settings.dataDirectory + "/quorum.sqlite"
        let database = try StartupError.wrap("cannot open the database \(databasePath)") {
            try AppDatabase.openFile(atPath: databasePath)
        }
        let now = Date()
        let horizon = now.londonDate.adding(months: settings.horizonMonths)
        let summary = try await database.synchronise(governance, through: horizon, now: now)
        logger.info(
            "boards synchronised",
            metadata: [
                "boards": "\(summary.boards)", "meetings_added": "\(summary.meetingsAdded)",
                "meetings_removed": "\(summary.meetingsRemoved)", "retired": "\(summary.retiredBoards)",
            ])
        let tokenPath = settings.dataDirectory + "/admin.token"
        if let token = try await database.createAdminIfNeeded(now: now) {
            try StartupError.wrap { try AdminTokenFile.write(token, to: tokenPath) }
            logger.info("admin user created", metadata: ["token_file": "\(tokenPath)"])
        }

        var demoLoaded = false
        if let demo = settings.demoDataDirectory, try await database.planIsEmpty() {
            demoLoaded = true
            try await DemoData.load(from: demo, into: database, now: now, logger: logger)
        }

        let holidays = BankHolidays(additionalAdjustments: settings.bankHolidayAdjustments)
        let schedule = ReportingSchedule(
            workingDays: WorkingDayCalendar(bankHolidays: holidays), draftWorkingDays: settings.draftWorkingDays)
        let reminders = ReminderService(
            database: database, schedule: schedule, configuration: settings.reminders, horizon: horizon)
        let scheduler = SweepScheduler(reminders: reminders, logger: logger) { Date() }
        let deliverer = OutboxDeliverer(
            database: database, transport: CurlTransport(), templates: templates, configuration: settings.delivery, logger: logger,
            clock: { Date() })
        let packFiles = try StartupError.wrap("cannot use the pack folder \(settings.dataDirectory)/packs") {
            try PackFileStore(directory: settings.dataDirectory + "/packs")
        }
        packFiles.removeLeftovers()
        PDFRenderer.removeLeftovers()
        // Everything recorded through swift-metrics lands here; the portal serves it at /metrics.
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let connections = ConnectionRegistry(maxConnections: serverConfiguration.maxConnections)
        let application = Application(
            database: database, schedule: schedule, horizon: horizon, reminders: reminders, deliverer: deliverer,
            packFiles: packFiles, pdf: PDFRenderer(configuration: settings.pdf), clock: .system,
            // Sign-in links go by email: offered only when there is a mail server to send them.
            sessions: SessionService.Configuration(emailLinks: settings.delivery.smtp != nil),
            decisions: settings.decisions, portalURL: settings.portal?.publicURL)
        // Versions published by an earlier release, before publication wrote the search index.
        try await application.packs.indexEarlierPublications()
        var demoMeetings: [String] = []
        if demoLoaded, demoReports, let demo = settings.demoDataDirectory {
            demoMeetings = try await DemoReports.load(from: demo, into: application, logger: logger)
        }
        var context = ServerContext(application: application, connections: connections, logger: logger)
        let commandMetrics = CommandMetrics(names: CommandDispatcher.commandNames)
        context.onCommand = { name, duration, failed in commandMetrics.record(name, duration, failed: failed) }
        context.onUntimed = { name, count in commandMetrics.recordUntimed(name, count: count) }
        let tlsHasOwnAddress = serverConfiguration.tls?.hasOwnAddress ?? false
        let tlsHost = serverConfiguration.tls?.host ?? settings.server.host
        let server = ProtocolServer(configuration: serverConfiguration, context: context) { address, listener in
            // Lines on stdout that scripts and tests wait for: the TLS one (on its own address)
            // first, then the main one.
            let port = address.port.map(String.init) ?? "?"
            let host = listener == .tls && tlsHasOwnAddress ? tlsHost : settings.server.host
            let line: String
            switch (listener, tlsHasOwnAddress) {
            case (.tls, true): line = "quorumd: TLS listening on \(host):\(port)\n"
            case (.tls, false): line = "quorumd: listening on \(host):\(port) (TLS); admin token in \(tokenPath)\n"
            case (.plain, _): line = "quorumd: listening on \(host):\(port); admin token in \(tokenPath)\n"
            }
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        // The PDF maker stops after the server: a publication in hand may be waiting on a PDF.
        var services: [any Service] = [
            deliverer, scheduler, PackPDFService(maker: application.packs.pdfMaker, logger: logger), server, MemoryReclaimer(logger: logger),
        ]
        if let portalConfiguration = settings.portal {
            let metrics = PortalMetrics(registry: registry) {
                var levels = [
                    PortalMetrics.Level(
                        subsystem: "protocol", name: "open", unit: "connections", help: "Open protocol connections",
                        value: Double(connections.count))
                ]
                let depth = try await database.outboxDepth()
                for status in ["pending", "sending", "sent", "dead"] {
                    levels.append(
                        .init(
                            subsystem: "outbox", name: "depth", unit: "notices", help: "Notices in the outbox, by state",
                            labels: [("status", status)], value: Double(depth[status] ?? 0)))
                }
                return levels
            }
            // A template that does not render stops start-up here, like the notification templates.
            let portal = try StartupError.wrap {
                try PortalService(
                    configuration: portalConfiguration, application: application, metrics: metrics, logger: logger
                ) { address in
                    FileHandle.standardOutput.write(Data("quorumd: portal on \(address)/\n".utf8))
                }
            }
            services.append(portal)
        }
        // Named by their type: the default name is the service described in full, every value it
        // holds written out, which took four tenths of start-up and kept its text for good.
        var configurations = services.map {
            ServiceGroupConfiguration.ServiceConfiguration(service: $0, serviceName: String(describing: type(of: $0)))
        }
        if demoPublish, !demoMeetings.isEmpty {
            configurations.append(
                .init(
                    service: DemoPublication(meetings: demoMeetings, application: application, logger: logger),
                    successTerminationBehavior: .ignore, serviceName: "DemoPublication"))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: configurations, gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger))
        try await group.run()
        logger.info("stopped")
    }
}

/// A start-up failure to print as one line (file and line where there is one), not a trace.
struct StartupError: Error {
    let message: String

    /// Runs `body`; an error becomes one line saying what start-up was `doing` and why it failed.
    static func wrap<T>(_ doing: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StartupError {
            throw error
        } catch {
            throw StartupError(message: [doing, describe(error)].compactMap { $0 }.joined(separator: ": "))
        }
    }

    /// The file system's errors in its own words (`Permission denied`, `Not a directory`) with
    /// the path, instead of Foundation's error domains and codes.
    static func describe(_ error: any Error) -> String {
        guard (error as NSError).domain == NSCocoaErrorDomain else { return "\(error)" }
        let error = error as NSError
        let path = (error.userInfo[NSFilePathErrorKey] as? String).map { "\($0): " } ?? ""
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return path + String(cString: strerror(Int32(underlying.code)))
        }
        return path + error.localizedDescription
    }
}

/// Writes the admin token readable by its owner only.
enum AdminTokenFile {
    static func write(_ token: String, to path: String) throws {
        let created = FileManager.default.createFile(
            atPath: path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw StartupError(message: "cannot write the admin token to \(path)") }
        // createFile keeps an existing file's mode; make sure it is 0600 either way.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
