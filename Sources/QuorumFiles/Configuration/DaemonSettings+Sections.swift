import QuorumDomain

extension DaemonSettings {
    /// `smtp:`: how to send email.
    public struct SMTP: Hashable, Sendable {
        /// `smtp://host:port` or `smtps://host:port`.
        public var url: String
        /// The `From:` mailbox, `Quorum <quorum@example.org>` or a bare address.
        public var from: String
        /// The name to greet the server with; the host name when nil.
        public var helo: String?
        public var username: String?
        public var password: String?
        /// Upgrade a plain `smtp://` connection with STARTTLS.
        public var startTLS: Bool?

        public init(
            url: String, from: String, helo: String? = nil, username: String? = nil, password: String? = nil,
            startTLS: Bool? = nil
        ) {
            self.url = url
            self.from = from
            self.helo = helo
            self.username = username
            self.password = password
            self.startTLS = startTLS
        }
    }

    /// One entry of `webhooks:`: a receiver of signed event posts.
    public struct Webhook: Hashable, Sendable {
        public var url: String
        /// `whsec_` and the base64 key, as Standard Webhooks writes secrets.
        public var secret: String
        /// Event names, from `ConfigurationFile.webhookEvents`.
        public var events: [String]

        public init(url: String, secret: String, events: [String]) {
            self.url = url
            self.secret = secret
            self.events = events
        }
    }

    /// `reminders:`: when the scheduler sweeps and how it repeats and escalates.
    public struct Reminders: Hashable, Sendable {
        public var sweepAt: SweepTime?
        /// A still-overdue action is notified again after this many days.
        public var repeatDays: Int?
        /// Overdue this many days: the digest is copied to the board secretary.
        public var escalateDays: Int?
        /// Working days between a report's draft deadline and the pack's publication deadline.
        public var draftDaysBefore: Int?
        /// The board that owns the improvement plan; its secretary is copied on escalations.
        public var planBoard: String?

        public init(
            sweepAt: SweepTime? = nil, repeatDays: Int? = nil, escalateDays: Int? = nil, draftDaysBefore: Int? = nil,
            planBoard: String? = nil
        ) {
            self.sweepAt = sweepAt
            self.repeatDays = repeatDays
            self.escalateDays = escalateDays
            self.draftDaysBefore = draftDaysBefore
            self.planBoard = planBoard
        }

        public func overriding(with other: Reminders) -> Reminders {
            Reminders(
                sweepAt: other.sweepAt ?? sweepAt, repeatDays: other.repeatDays ?? repeatDays,
                escalateDays: other.escalateDays ?? escalateDays, draftDaysBefore: other.draftDaysBefore ?? draftDaysBefore,
                planBoard: other.planBoard ?? planBoard)
        }
    }

    /// When the daily reminder sweep runs.
    public enum SweepTime: Hashable, Sendable {
        /// Every day at this local (Europe/London) time.
        case daily(LocalTime)
        /// No automatic sweep; `REMIND RUN` still works.
        case off
    }

    /// `limits:`: what the server tolerates from clients. Nil leaves a limit at the protocol
    /// server's own default (its `ServerConfiguration`, where each default is defined once).
    public struct Limits: Hashable, Sendable {
        public var maxConnections: Int?
        public var idleTimeoutSeconds: Int?
        /// The longest inline command or RESP header line.
        public var maxLineBytes: Int?
        /// The largest RESP bulk string (a CSV import, a report).
        public var maxBulkBytes: Int?
        /// The most arguments in one request.
        public var maxArrayCount: Int?
        /// The most bytes the arguments of one request may add up to.
        public var maxRequestBytes: Int?
        /// How long a request begun may take to arrive whole.
        public var requestTimeoutSeconds: Int?
        /// How many pipelined requests one connection may have waiting before the server stops
        /// reading it.
        public var maxPipelinedRequests: Int?
        /// How many reply bytes may wait for a client to read them before the server stops
        /// reading it.
        public var maxPendingReplyBytes: Int?
        /// How many threads carry the network's I/O (the protocol and the portal).
        public var eventLoopThreads: Int?

        public init(
            maxConnections: Int? = nil, idleTimeoutSeconds: Int? = nil, maxLineBytes: Int? = nil, maxBulkBytes: Int? = nil,
            maxArrayCount: Int? = nil, maxRequestBytes: Int? = nil, requestTimeoutSeconds: Int? = nil,
            maxPipelinedRequests: Int? = nil, maxPendingReplyBytes: Int? = nil, eventLoopThreads: Int? = nil
        ) {
            self.maxConnections = maxConnections
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.maxLineBytes = maxLineBytes
            self.maxBulkBytes = maxBulkBytes
            self.maxArrayCount = maxArrayCount
            self.maxRequestBytes = maxRequestBytes
            self.requestTimeoutSeconds = requestTimeoutSeconds
            self.maxPipelinedRequests = maxPipelinedRequests
            self.maxPendingReplyBytes = maxPendingReplyBytes
            self.eventLoopThreads = eventLoopThreads
        }

        public func overriding(with other: Limits) -> Limits {
            Limits(
                maxConnections: other.maxConnections ?? maxConnections,
                idleTimeoutSeconds: other.idleTimeoutSeconds ?? idleTimeoutSeconds,
                maxLineBytes: other.maxLineBytes ?? maxLineBytes, maxBulkBytes: other.maxBulkBytes ?? maxBulkBytes,
                maxArrayCount: other.maxArrayCount ?? maxArrayCount, maxRequestBytes: other.maxRequestBytes ?? maxRequestBytes,
                requestTimeoutSeconds: other.requestTimeoutSeconds ?? requestTimeoutSeconds,
                maxPipelinedRequests: other.maxPipelinedRequests ?? maxPipelinedRequests,
                maxPendingReplyBytes: other.maxPendingReplyBytes ?? maxPendingReplyBytes,
                eventLoopThreads: other.eventLoopThreads ?? eventLoopThreads)
        }
    }

    /// `tls:`: TLS for the protocol, with a PEM certificate chain and key.
    public struct TLS: Hashable, Sendable {
        public var certificatePath: String
        public var keyPath: String
        /// `HOST:PORT` for TLS next to plain TCP; nil: TLS in place of plain TCP on `listen`.
        public var listen: String?

        public init(certificatePath: String, keyPath: String, listen: String? = nil) {
            self.certificatePath = certificatePath
            self.keyPath = keyPath
            self.listen = listen
        }
    }
}

extension DaemonSettings {
    /// How the deliverer retries and polls (`delivery:`).
    public struct Delivery: Hashable, Sendable {
        /// Seconds between attempts; the default is the Standard Webhooks schedule.
        public var retryDelaysSeconds: [Int]?
        public var pollSeconds: Int?
        /// The domain of Message-IDs.
        public var hostName: String?
        /// How long a webhook receiver may take to answer before the attempt counts as failed.
        public var webhookTimeoutSeconds: Int?

        public init(retryDelaysSeconds: [Int]? = nil, pollSeconds: Int? = nil, hostName: String? = nil, webhookTimeoutSeconds: Int? = nil) {
            self.retryDelaysSeconds = retryDelaysSeconds
            self.pollSeconds = pollSeconds
            self.hostName = hostName
            self.webhookTimeoutSeconds = webhookTimeoutSeconds
        }

        public func overriding(with other: Delivery) -> Delivery {
            Delivery(
                retryDelaysSeconds: other.retryDelaysSeconds ?? retryDelaysSeconds, pollSeconds: other.pollSeconds ?? pollSeconds,
                hostName: other.hostName ?? hostName, webhookTimeoutSeconds: other.webhookTimeoutSeconds ?? webhookTimeoutSeconds)
        }
    }
}

extension DaemonSettings {
    /// `http:`: the web portal.
    public struct HTTP: Hashable, Sendable {
        /// `HOST:PORT`, or `off` to run no portal.
        public var listen: Listen?
        /// The address people reach the portal at, for links in feeds and emails
        /// (`https://…` also marks its cookies Secure).
        public var publicURL: String?
        /// The folder of the portal's templates and stylesheet.
        public var portalDirectory: String?

        public enum Listen: Hashable, Sendable {
            case address(ListenAddress)
            case off
        }

        public init(listen: Listen? = nil, publicURL: String? = nil, portalDirectory: String? = nil) {
            self.listen = listen
            self.publicURL = publicURL
            self.portalDirectory = portalDirectory
        }

        public func overriding(with other: HTTP) -> HTTP {
            HTTP(
                listen: other.listen ?? listen, publicURL: other.publicURL ?? publicURL,
                portalDirectory: other.portalDirectory ?? portalDirectory)
        }
    }
}

extension DaemonSettings {
    /// The PDF engine (`pdf:`): the command that turns a pack's HTML into PDF.
    public struct PDF: Hashable, Sendable {
        /// A name on the PATH or a path: Debian's `weasyprint` by default.
        public var executable: String?
        /// Put before the input and output files; by default the PDF/UA-1 variant, so that the
        /// PDF is tagged for screen readers.
        public var arguments: [String]?
        public var timeoutSeconds: Int?

        public init(executable: String? = nil, arguments: [String]? = nil, timeoutSeconds: Int? = nil) {
            self.executable = executable
            self.arguments = arguments
            self.timeoutSeconds = timeoutSeconds
        }
    }
}
