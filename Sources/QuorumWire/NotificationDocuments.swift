import QuorumDomain

public struct NoticeDocument: Codable, Sendable, Hashable {
    public let kind: String
    public let key: String
    public let to: PersonDocument
    public let cc: [PersonDocument]
    @EncodedAsNull public var dueDate: String?
    public let round: Int
    @EncodedAsNull public var webhookEvent: String?
    @EncodedAsNull public var report: ReportDocument?
    public let actions: [ItemDocument]
    @EncodedAsNull public var enqueued: Bool?

    public struct ReportDocument: Codable, Sendable, Hashable {
        public let occurrence: String
        public let board: String
        public let title: String
        public let month: String
        @EncodedAsNull public var meetingDate: String?
        @EncodedAsNull public var draftDue: String?
        @EncodedAsNull public var publishBy: String?
        @EncodedAsNull public var workingDaysLeft: Int?
    }

    public struct ItemDocument: Codable, Sendable, Hashable {
        public let ref: String
        public let action: String
        public let reviewDate: String
        public let state: String
        public let daysOverdue: Int
        public let round: Int
        @EncodedAsNull public var latestUpdate: String?
        /// When an update fell due under the action's frequency and none came; null otherwise.
        @EncodedAsNull public var updateDue: String? = nil
    }

    public init(_ notice: Notice, enqueued: Bool? = nil) {
        kind = notice.kind.rawValue
        key = notice.key
        to = PersonDocument(notice.recipient)
        cc = notice.cc.map(PersonDocument.init)
        dueDate = notice.dueDate?.description
        round = notice.round
        webhookEvent = notice.webhookEvent
        report = notice.report.map {
            ReportDocument(
                occurrence: $0.occurrenceID, board: $0.boardCode, title: $0.title, month: $0.month.description,
                meetingDate: $0.meetingDate?.description, draftDue: $0.draftDue?.description,
                publishBy: $0.publishBy?.description, workingDaysLeft: $0.workingDaysLeft)
        }
        actions = notice.actions.map {
            ItemDocument(
                ref: $0.ref, action: $0.text, reviewDate: $0.reviewDate?.description ?? "Ongoing", state: $0.state.rawValue,
                daysOverdue: $0.daysOverdue, round: $0.round, latestUpdate: $0.latestUpdate.map { "\($0.date): \($0.text)" },
                updateDue: $0.updateDue?.description)
        }
        self.enqueued = enqueued
    }
}

public struct OutboxDocument: Codable, Sendable, Hashable {
    public let id: Int64
    public let channel: String
    public let kind: String
    public let to: String
    public let status: String
    public let attempts: Int
    public let nextAttemptAt: String
    @EncodedAsNull public var lastError: String?
    public let createdAt: String
    @EncodedAsNull public var sentAt: String?
    public let key: String

    public init(
        id: Int64, channel: String, kind: String, to: String, status: String, attempts: Int, nextAttemptAt: String,
        lastError: String?, createdAt: String, sentAt: String?, key: String
    ) {
        self.id = id
        self.channel = channel
        self.kind = kind
        self.to = to
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.key = key
    }
}

/// What a sweep found (REMIND PREVIEW) or enqueued (REMIND RUN).
public struct SweepDocument: Codable, Sendable, Hashable {
    public let asOf: String
    /// Rows enqueued; null for a preview.
    @EncodedAsNull public var enqueued: Int?
    public let notices: [NoticeDocument]

    public init(asOf: String, enqueued: Int?, notices: [NoticeDocument]) {
        self.asOf = asOf
        self.enqueued = enqueued
        self.notices = notices
    }
}
