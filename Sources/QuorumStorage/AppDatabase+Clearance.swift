import Foundation
import GRDB
import QuorumDomain

/// A report's clearance as stored: where it is, and its whole record.
public struct StoredClearance: Sendable, Hashable {
    public var meetingID: String
    public var itemKey: String
    /// The report's subject, or the item's title.
    public var title: String
    public var clearance: ReportClearance

    public init(meetingID: String, itemKey: String, title: String, clearance: ReportClearance) {
        self.meetingID = meetingID
        self.itemKey = itemKey
        self.title = title
        self.clearance = clearance
    }
}

public enum ClearanceStoreError: Error, Hashable, Sendable {
    case unknownMeeting(String)
}

extension AppDatabase {
    // MARK: Private-meeting notices (reg 5)

    /// Records a notice as given, replacing an earlier record of the same notice.
    public func recordPrivateNotice(
        meetingID: String, kind: PrivateMeetingNotices.Kind, notice: PrivateMeetingNotices.Notice, by: String, now: Date
    ) async throws {
        try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw ClearanceStoreError.unknownMeeting(meetingID) }
            try PrivateMeetingNoticeRecord(
                meetingId: meetingID, notice: kind, givenOn: notice.givenOn, reasons: notice.reasons,
                representations: notice.representations, response: notice.response, recordedBy: by, recordedAt: now.storedInstant
            ).save(db)
        }
    }

    /// Records the reg 5(6) urgency agreement, replacing an earlier one.
    public func recordPrivateUrgency(
        meetingID: String, agreement: PrivateMeetingNotices.UrgencyAgreement, by: String, now: Date
    ) async throws {
        try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw ClearanceStoreError.unknownMeeting(meetingID) }
            try PrivateMeetingUrgencyRecord(
                meetingId: meetingID, agreedBy: agreement.agreedBy, agreedOn: agreement.agreedOn,
                reasonsPublishedOn: agreement.reasonsPublishedOn, recordedBy: by, recordedAt: now.storedInstant
            ).save(db)
        }
    }

    /// The notices recorded for a meeting on `meetingDate` (none recorded: both nil).
    public func privateNotices(meetingID: String, meetingDate: LocalDate) async throws -> PrivateMeetingNotices {
        try await writer.read { db in
            let notices = try PrivateMeetingNoticeRecord.all().filter(meeting: meetingID).fetchAll(db)
            let urgency = try PrivateMeetingUrgencyRecord.fetchOne(db, key: meetingID)
            return PrivateMeetingNotices(
                meetingDate: meetingDate, first: notices.first { $0.notice == .first }?.value,
                second: notices.first { $0.notice == .second }?.value,
                urgency: urgency.map {
                    PrivateMeetingNotices.UrgencyAgreement(agreedBy: $0.agreedBy, agreedOn: $0.agreedOn, reasonsPublishedOn: $0.reasonsPublishedOn)
                })
        }
    }

    // MARK: Report clearance

    /// The clearance records of a meeting's reports, by item key.
    public func clearances(meetingID: String) async throws -> [String: StoredClearance] {
        try await writer.read { db in
            let records = try ReportClearanceRecord.all().filter(meeting: meetingID).fetchAll(db)
            return Dictionary(uniqueKeysWithValues: records.map { ($0.itemKey, AppDatabase.stored($0)) })
        }
    }

    /// Every report not yet in a pack, for the reminder sweep.
    public func openClearances() async throws -> [StoredClearance] {
        try await writer.read { db in
            try ReportClearanceRecord.all().notInPack().order(ReportClearanceRecord.Columns.meetingId, ReportClearanceRecord.Columns.itemKey)
                .fetchAll(db).map(AppDatabase.stored)
        }
    }

    /// Takes a step in one transaction: `change` gets the stored record (or `start()` when there
    /// is none) and may throw, storing nothing.
    public func updateClearance(
        meetingID: String, itemKey: String, title: String, now: Date, start: @escaping @Sendable () throws -> ReportClearance,
        change: @escaping @Sendable (inout ReportClearance) throws -> Void
    ) async throws -> StoredClearance {
        try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw ClearanceStoreError.unknownMeeting(meetingID) }
            var clearance = try ReportClearanceRecord.fetchOne(db, key: ["meetingId": meetingID, "itemKey": itemKey])?.record ?? start()
            try change(&clearance)
            let record = ReportClearanceRecord(
                meetingId: meetingID, itemKey: itemKey, title: title, stage: clearance.stage, record: clearance, updatedAt: now.storedInstant)
            try record.save(db)
            return AppDatabase.stored(record)
        }
    }

    /// The people holding each of `roles`, as their users are registered (a chase's recipients).
    public func people(withRoles roles: [Role]) async throws -> [Role: [Person]] {
        try await writer.read { db in
            let users = try UserRecord.filter(roles.contains(UserRecord.Columns.role)).order(UserRecord.Columns.email).fetchAll(db)
            return Dictionary(grouping: users, by: \.role).mapValues { group in
                group.map { Person(role: $0.role == .finance ? "Finance officer" : $0.role == .legal ? "Legal officer" : $0.role.rawValue, email: $0.email) }
            }
        }
    }

    private static func stored(_ record: ReportClearanceRecord) -> StoredClearance {
        StoredClearance(meetingID: record.meetingId, itemKey: record.itemKey, title: record.title, clearance: record.record)
    }
}
