import QuorumDomain
import QuorumStorage

struct NoticeDocument: Encodable {
    let kind: String
    let key: String
    let to: PersonDocument
    let cc: [PersonDocument]
    @EncodedAsNull var dueDate: String?
    let round: Int
    @EncodedAsNull var webhookEvent: String?
    @EncodedAsNull var report: ReportDocument?
    let actions: [ItemDocument]
    @EncodedAsNull var enqueued: Bool?

    struct ReportDocument: Encodable {
        let occurrence: String
        let board: String
        let title: String
        let month: String
        @EncodedAsNull var meetingDate: String?
        @EncodedAsNull var draftDue: String?
        @EncodedAsNull var publishBy: String?
        @EncodedAsNull var workingDaysLeft: Int?
    }

    struct ItemDocument: Encodable {
        let ref: String
        let action: String
        let reviewDate: String
        let state: String
        let daysOverdue: Int
        let round: Int
        @EncodedAsNull var latestUpdate: String?
    }

    init(_ notice: Notice, enqueued: Bool? = nil) {
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
                ref: $0.ref, action: $0.text, reviewDate: $0.reviewDate.description, state: $0.state.rawValue,
                daysOverdue: $0.daysOverdue, round: $0.round, latestUpdate: $0.latestUpdate.map { "\($0.date): \($0.text)" })
        }
        self.enqueued = enqueued
    }
}

struct OutboxDocument: Encodable {
    let id: Int64
    let channel: String
    let kind: String
    let to: String
    let status: String
    let attempts: Int
    let nextAttemptAt: String
    @EncodedAsNull var lastError: String?
    let createdAt: String
    @EncodedAsNull var sentAt: String?
    let key: String

    init(_ entry: OutboxEntry) {
        id = entry.id
        channel = entry.channel
        kind = entry.kind
        to = entry.destination
        status = entry.status
        attempts = entry.attempts
        nextAttemptAt = entry.nextAttemptAt
        lastError = entry.lastError
        createdAt = entry.createdAt
        sentAt = entry.sentAt
        key = entry.key
    }
}
