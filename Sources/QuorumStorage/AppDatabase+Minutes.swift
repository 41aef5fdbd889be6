import Foundation
import GRDB
import QuorumDomain

/// One line of a meeting's attendance as stored: a member (present, apologies, absent) or a
/// substitute (with the member they sat for).
public struct AttendanceRow: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case present, apologies, absent, substitute
    }

    public var person: Person
    public var status: Status
    public var substituteFor: String?

    public init(person: Person, status: Status, substituteFor: String? = nil) {
        self.person = person
        self.status = status
        self.substituteFor = substituteFor
    }
}

/// Something a resolution set in motion, as stored.
public struct ResolutionEffect: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case newAction = "new_action"
        case updateAction = "update_action"
        case report
    }

    public var kind: Kind
    public var actionRef: String?
    /// The agenda item a requested report became; nil when it found no meeting.
    public var agendaItemID: Int64?
    public var boardCode: String?
    public var month: YearMonth?
    public var title: String?
    public var owner: Person?
    /// The meeting of the agenda item a requested report became.
    public var meetingID: String?

    public init(
        kind: Kind, actionRef: String? = nil, agendaItemID: Int64? = nil, boardCode: String? = nil, month: YearMonth? = nil,
        title: String? = nil, owner: Person? = nil
    ) {
        self.kind = kind
        self.actionRef = actionRef
        self.agendaItemID = agendaItemID
        self.boardCode = boardCode
        self.month = month
        self.title = title
        self.owner = owner
    }

    init(_ record: ResolutionEffectRecord) {
        self.init(
            kind: record.kind, actionRef: record.actionRef, agendaItemID: record.agendaItemId, boardCode: record.boardCode,
            month: record.month.flatMap { YearMonth(iso: $0) }, title: record.title,
            owner: record.ownerEmail.map { Person(role: record.ownerRole ?? "", email: $0) })
    }
}

/// A resolution as stored: where it sits and what it set in motion.
public struct StoredResolution: Sendable, Hashable {
    public var meetingID: String
    public var itemNumber: Int
    public var resolution: Resolution
    public var effects: [ResolutionEffect]
    /// The row id, for linking what it sets in motion.
    public var rowID: Int64

    /// `OSC-2017-11-14/5.1`: the meeting, the item and the resolution's number.
    public var reference: String { Self.reference(meetingID: meetingID, item: itemNumber, number: resolution.number) }

    public static func reference(meetingID: String, item: Int, number: Int) -> String {
        "\(meetingID)/\(item).\(number)"
    }
}

/// One item's minute as stored.
public struct StoredMinute: Sendable, Hashable {
    public var itemNumber: Int
    public var itemKey: String
    public var title: String
    public var text: String
    public var exemptParagraph: Int?
    public var recordedBy: String
    public var recordedAt: Date
    public var resolutions: [StoredResolution]
}

/// A meeting's minutes as stored, with their approval once given.
public struct StoredMinutes: Sendable, Hashable {
    public var meetingID: String
    public var items: [StoredMinute]
    /// The meeting that approved them, who and when; nil while a draft.
    public var approval: (meetingID: String, by: String, at: Date)?

    public static func == (lhs: StoredMinutes, rhs: StoredMinutes) -> Bool {
        lhs.meetingID == rhs.meetingID && lhs.items == rhs.items && lhs.approval?.meetingID == rhs.approval?.meetingID
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(meetingID)
        hasher.combine(items)
    }
}

/// A report requested by a resolution and bound to a meeting: what the reminders chase.
public struct RequestedReport: Sendable, Hashable {
    public var effectID: Int64
    public var agendaItemID: Int64
    public var meetingID: String
    public var meetingDate: LocalDate
    public var boardCode: String
    public var month: YearMonth
    public var title: String
    public var owner: Person
    public var submitted: Bool
    public var resolution: String
}

/// Why a meeting record could not be stored.
public enum MeetingRecordStoreError: Error, Hashable, Sendable {
    case unknownMeeting(String)
    case noMinute(meetingID: String, item: Int)
    case minutesApproved(String)
    case unknownResolution(String)
    case unknownAction(String)
    case actionExists(String)
    case unknownRecommendation(String)
    case decisionExists(String)
    case unknownDecision(String)
    case unknownMeasure(String)
}

extension AppDatabase {
    // MARK: Attendance and declarations

    public func attendance(meetingID: String) async throws -> [AttendanceRow] {
        try await writer.read { db in try AppDatabase.attendance(meetingID, db) }
    }

    private static func attendance(_ meetingID: String, _ db: Database) throws -> [AttendanceRow] {
        try AttendanceRecord.all().filter(meeting: meetingID).order(Column.rowID).fetchAll(db).map(\.row)
    }

    /// Replaces the meeting's attendance with `rows`, after `check` accepts them (it runs inside
    /// the transaction, on what is stored, so two secretaries cannot interleave).
    public func recordAttendance(
        meetingID: String, by: String, now: Date,
        change: @escaping @Sendable ([AttendanceRow]) throws -> [AttendanceRow]
    ) async throws -> [AttendanceRow] {
        let stamp = now.storedInstant
        return try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw MeetingRecordStoreError.unknownMeeting(meetingID) }
            let rows = try change(try AppDatabase.attendance(meetingID, db))
            try AttendanceRecord.all().filter(meeting: meetingID).deleteAll(db)
            for row in rows {
                try AttendanceRecord(
                    meetingId: meetingID, email: row.person.email, role: row.person.role, status: row.status,
                    substituteFor: row.substituteFor, recordedBy: by, recordedAt: stamp
                ).insert(db)
            }
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "meeting", meetingID, "attendance recorded", ["rows": String(rows.count)])
            return rows
        }
    }

    public func declarations(meetingID: String) async throws -> [DeclarationOfInterest] {
        try await writer.read { db in
            try DeclarationRecord.all().filter(meeting: meetingID).order(DeclarationRecord.Columns.id).fetchAll(db).map(\.declaration)
        }
    }

    public func addDeclaration(_ declaration: DeclarationOfInterest, meetingID: String, by: String, now: Date) async throws {
        let stamp = now.storedInstant
        try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw MeetingRecordStoreError.unknownMeeting(meetingID) }
            var record = DeclarationRecord(
                id: nil, meetingId: meetingID, itemNumber: declaration.item, memberEmail: declaration.member, kind: declaration.kind,
                nature: declaration.nature, leftRoom: declaration.leftRoom, dispensation: declaration.dispensation, recordedBy: by,
                recordedAt: stamp)
            try record.insert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "meeting", meetingID, "interest declared", ["member": declaration.member, "item": String(declaration.item)])
        }
    }

    // MARK: Minutes and resolutions

    public func minutes(meetingID: String) async throws -> StoredMinutes {
        try await writer.read { db in try AppDatabase.minutes(meetingID, db) }
    }

    private static func minutes(_ meetingID: String, _ db: Database) throws -> StoredMinutes {
        let minutes = try MinuteRecord.all().filter(meeting: meetingID).order(MinuteRecord.Columns.itemNumber).fetchAll(db)
        let resolutions = try ResolutionRecord.all().filter(meeting: meetingID).orderedByItem().fetchAll(db)
        let ids = resolutions.compactMap(\.id)
        let effects = try ResolutionEffectRecord.all().filter(resolutions: ids).order(ResolutionEffectRecord.Columns.id).fetchAll(db)
        let itemIDs = effects.compactMap(\.agendaItemId)
        let itemMeetings = Dictionary(
            uniqueKeysWithValues: try AgendaItemRecord.filter(keys: itemIDs).fetchAll(db).compactMap { record in
                record.id.map { ($0, record.meetingId) }
            })
        let effectsByResolution = Dictionary(grouping: effects, by: \.resolutionId)
        let byItem = Dictionary(grouping: resolutions, by: \.itemNumber)
        let approval = try MinutesApprovalRecord.fetchOne(db, key: meetingID)
        return StoredMinutes(
            meetingID: meetingID,
            items: minutes.map { minute in
                StoredMinute(
                    itemNumber: minute.itemNumber, itemKey: minute.itemKey, title: minute.title, text: minute.text,
                    exemptParagraph: minute.exemptParagraph, recordedBy: minute.recordedBy, recordedAt: minute.recordedAt,
                    resolutions: (byItem[minute.itemNumber] ?? []).map { record in
                        StoredResolution(
                            meetingID: meetingID, itemNumber: minute.itemNumber, resolution: record.resolution,
                            effects: (effectsByResolution[record.id ?? 0] ?? []).map { effect in
                                var stored = ResolutionEffect(effect)
                                stored.meetingID = effect.agendaItemId.flatMap { itemMeetings[$0] }
                                return stored
                            }, rowID: record.id ?? 0)
                    })
            },
            approval: approval.map { ($0.approvedAtMeetingId, $0.approvedBy, $0.approvedAt) })
    }

    /// Records (or replaces) an item's minute. When the item has no resolutions yet, `defaults`
    /// (the report's recommendations, as moved) become its resolutions 1, 2, 3….
    /// - Throws: `MeetingRecordStoreError.minutesApproved` once the minutes are approved.
    public func recordMinute(
        meetingID: String, itemNumber: Int, itemKey: String, title: String, text: String, exemptParagraph: Int?,
        defaults: [Resolution], by: String, now: Date
    ) async throws -> StoredMinutes {
        let stamp = now.storedInstant
        return try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw MeetingRecordStoreError.unknownMeeting(meetingID) }
            guard try MinutesApprovalRecord.fetchOne(db, key: meetingID) == nil else {
                throw MeetingRecordStoreError.minutesApproved(meetingID)
            }
            try MinuteRecord(
                meetingId: meetingID, itemNumber: itemNumber, itemKey: itemKey, title: title, text: text,
                exemptParagraph: exemptParagraph, recordedBy: by, recordedAt: stamp
            ).upsert(db)
            let existing = try ResolutionRecord.all().filter(meeting: meetingID).filter(item: itemNumber).fetchCount(db)
            if existing == 0 {
                for resolution in defaults {
                    var record = ResolutionRecord(
                        meetingId: meetingID, itemNumber: itemNumber, number: resolution.number, wording: resolution.wording, vote: nil,
                        recordedBy: by, recordedAt: stamp)
                    try record.insert(db)
                }
            }
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "minutes", meetingID, "minute recorded", ["item": String(itemNumber)])
            return try AppDatabase.minutes(meetingID, db)
        }
    }

    /// Adds the next resolution of an item's minute, numbered in the order taken.
    public func addResolution(
        meetingID: String, itemNumber: Int, wording: String, vote: Resolution.Vote?, by: String, now: Date
    ) async throws -> StoredResolution {
        let stamp = now.storedInstant
        return try await write { db in
            guard try MinuteRecord.fetchOne(db, key: ["meetingId": meetingID, "itemNumber": itemNumber]) != nil else {
                throw MeetingRecordStoreError.noMinute(meetingID: meetingID, item: itemNumber)
            }
            guard try MinutesApprovalRecord.fetchOne(db, key: meetingID) == nil else {
                throw MeetingRecordStoreError.minutesApproved(meetingID)
            }
            let last = try Int.fetchOne(
                db, sql: "SELECT MAX(number) FROM resolution WHERE meetingId = ? AND itemNumber = ?", arguments: [meetingID, itemNumber])
            var record = ResolutionRecord(
                meetingId: meetingID, itemNumber: itemNumber, number: (last ?? 0) + 1, wording: wording, vote: vote, recordedBy: by,
                recordedAt: stamp)
            try record.insert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "minutes", meetingID, "resolution recorded", ["item": String(itemNumber), "number": String(record.number)])
            return StoredResolution(
                meetingID: meetingID, itemNumber: itemNumber, resolution: record.resolution, effects: [], rowID: record.id ?? 0)
        }
    }

    /// Amends a resolution while its minutes are a draft: its wording as amended and, when `vote`
    /// is given, the vote taken on it (nil keeps the vote it has). `check` sees the resolution as
    /// amended, inside the transaction, and may refuse it.
    /// - Throws: `MeetingRecordStoreError.unknownResolution` or `.minutesApproved`.
    public func amendResolution(
        meetingID: String, item: Int, number: Int, wording: String, vote: Resolution.Vote?, by: String, now: Date,
        check: @escaping @Sendable (StoredResolution) throws -> Void = { _ in }
    ) async throws -> StoredResolution {
        let stamp = now.storedInstant
        return try await write { db in
            let reference = StoredResolution.reference(meetingID: meetingID, item: item, number: number)
            guard var record = try ResolutionRecord.all().filter(meeting: meetingID).filter(item: item)
                .filter(ResolutionRecord.Columns.number == number).fetchOne(db)
            else { throw MeetingRecordStoreError.unknownResolution(reference) }
            guard try MinutesApprovalRecord.fetchOne(db, key: meetingID) == nil else {
                throw MeetingRecordStoreError.minutesApproved(meetingID)
            }
            record.wording = wording
            if let vote {
                record.inFavour = vote.inFavour
                record.against = vote.against
                record.abstentions = vote.abstentions
                record.castingVote = vote.castingVoteInFavour.map { $0 ? .inFavour : .against }
            }
            let effects = try ResolutionEffectRecord.all().filter(resolutions: [record.id ?? 0]).order(ResolutionEffectRecord.Columns.id)
                .fetchAll(db).map { ResolutionEffect($0) }
            let amended = StoredResolution(
                meetingID: meetingID, itemNumber: item, resolution: record.resolution, effects: effects, rowID: record.id ?? 0)
            try check(amended)
            try record.update(db)
            var details = ["item": String(item), "number": String(number)]
            if let vote { details["vote"] = "\(vote.inFavour)-\(vote.against)-\(vote.abstentions)" }
            try Auditor(db: db, at: stamp, actor: by, via: "command").record("minutes", meetingID, "resolution amended", details)
            return amended
        }
    }

    /// The resolution `OSC-2017-11-14/5.1`, or nil.
    public func resolution(meetingID: String, item: Int, number: Int) async throws -> StoredResolution? {
        try await writer.read { db in
            try AppDatabase.minutes(meetingID, db).items.first { $0.itemNumber == item }?.resolutions.first {
                $0.resolution.number == number
            }
        }
    }

    /// Marks the minutes of `meetingID` approved at `approvingMeetingID`.
    public func approveMinutes(meetingID: String, at approvingMeetingID: String, by: String, now: Date) async throws -> StoredMinutes {
        let stamp = now.storedInstant
        return try await write { db in
            guard try MinutesApprovalRecord.fetchOne(db, key: meetingID) == nil else {
                throw MeetingRecordStoreError.minutesApproved(meetingID)
            }
            try MinutesApprovalRecord(meetingId: meetingID, approvedAtMeetingId: approvingMeetingID, approvedBy: by, approvedAt: stamp)
                .insert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "minutes", meetingID, "minutes approved", ["at": approvingMeetingID])
            return try AppDatabase.minutes(meetingID, db)
        }
    }

    // MARK: What resolutions set in motion

    /// Creates a plan action from a resolution, linked to it, with an optional update frequency.
    public func createAction(
        _ action: PlanAction, fromResolution resolutionID: Int64, by: String, now: Date
    ) async throws -> PlanAction {
        let stamp = now.storedInstant
        return try await write { db in
            guard try ActionRecord.fetchOne(db, key: action.ref) == nil else { throw MeetingRecordStoreError.actionExists(action.ref) }
            guard try RecommendationRecord.fetchOne(db, key: action.recommendationID) != nil else {
                throw MeetingRecordStoreError.unknownRecommendation(action.recommendationID)
            }
            try ActionRecord(action).insert(db)
            if action.rag != nil || action.updateFrequency != nil {
                try ActionTrackingRecord(
                    actionRef: action.ref, rag: action.rag, updateFrequency: action.updateFrequency?.description,
                    frequencySince: action.frequencySetOn, setBy: by, setAt: stamp
                ).insert(db)
            }
            var effect = ResolutionEffectRecord(
                id: nil, resolutionId: resolutionID, kind: .newAction, actionRef: action.ref, createdBy: by, createdAt: stamp)
            try effect.insert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "action", action.ref, "created by resolution", ["text": action.text, "lead": action.lead.email])
            return try AppDatabase.trackedAction(ref: action.ref, db)!
        }
    }

    /// Posts an update to an action on a resolution's behalf, linked to it.
    public func updateAction(
        _ ref: String, with update: ActionUpdate, fromResolution resolutionID: Int64, by: String, now: Date
    ) async throws -> PlanAction {
        let stamp = now.storedInstant
        return try await write { db in
            guard try ActionRecord.fetchOne(db, key: ref) != nil else { throw MeetingRecordStoreError.unknownAction(ref) }
            var record = ActionUpdateRecord(
                id: nil, actionRef: ref, date: update.date, text: update.text, author: update.author,
                newReviewDate: update.newReviewDate, completes: false, recordedAt: stamp)
            try record.insert(db)
            var effect = ResolutionEffectRecord(
                id: nil, resolutionId: resolutionID, kind: .updateAction, actionRef: ref, createdBy: by, createdAt: stamp)
            try effect.insert(db)
            var details = ["date": update.date.description, "text": update.text]
            if let review = update.newReviewDate { details["review_date"] = review.description }
            try Auditor(db: db, at: stamp, actor: by, via: "command").record("action", ref, "update added by resolution", details)
            return try AppDatabase.trackedAction(ref: ref, db)!
        }
    }

    /// Records a report a resolution requested; when it bound to a meeting (`meetingID`), adds
    /// the agenda item there in the same transaction.
    public func requestReport(
        _ request: ReportRequest, meetingID: String?, fromResolution resolutionID: Int64, by: String, now: Date
    ) async throws -> ResolutionEffect {
        let stamp = now.storedInstant
        return try await write { db in
            var itemID: Int64?
            if let meetingID {
                guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw MeetingRecordStoreError.unknownMeeting(meetingID) }
                var item = AgendaItemRecord(
                    id: nil, meetingId: meetingID, title: request.title, ownerEmail: request.owner.email, isKeyDecision: false,
                    exemptParagraph: nil, noticeGiven: nil, addedBy: by, addedAt: stamp)
                try item.insert(db)
                itemID = item.id
            }
            var effect = ResolutionEffectRecord(
                id: nil, resolutionId: resolutionID, kind: .report, agendaItemId: itemID, boardCode: request.boardCode,
                month: request.month.description, title: request.title, ownerEmail: request.owner.email, ownerRole: request.owner.role,
                createdBy: by, createdAt: stamp)
            try effect.insert(db)
            var stored = ResolutionEffect(effect)
            stored.meetingID = meetingID
            return stored
        }
    }

    /// Every requested report bound to a meeting, with whether its report is in.
    public func requestedReports() async throws -> [RequestedReport] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.agendaItemId, e.boardCode, e.month, e.title, e.ownerEmail, e.ownerRole, i.meetingId, m.date,
                           r.meetingId AS resolutionMeeting, r.itemNumber, r.number,
                           EXISTS (SELECT 1 FROM report WHERE report.meetingId = i.meetingId
                                   AND report.itemKey = 'item:' || i.id) AS submitted
                    FROM resolutionEffect e
                    JOIN agendaItem i ON i.id = e.agendaItemId
                    JOIN meeting m ON m.id = i.meetingId
                    JOIN resolution r ON r.id = e.resolutionId
                    WHERE e.kind = 'report'
                    ORDER BY e.id
                    """)
            return rows.compactMap { row -> RequestedReport? in
                guard let month = YearMonth(iso: row["month"] as String? ?? ""), let date = row["date"] as LocalDate? else { return nil }
                return RequestedReport(
                    effectID: row["id"], agendaItemID: row["agendaItemId"], meetingID: row["meetingId"], meetingDate: date,
                    boardCode: row["boardCode"],
                    month: month, title: row["title"], owner: Person(role: row["ownerRole"] ?? "", email: row["ownerEmail"]),
                    submitted: row["submitted"],
                    resolution: StoredResolution.reference(
                        meetingID: row["resolutionMeeting"], item: row["itemNumber"], number: row["number"]))
            }
        }
    }

    /// The resolution (`OSC-2017-11-14/5.1`) that created each of these agenda items, by item id.
    public func resolutionsCreating(agendaItems ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try await writer.read { db in
            try AppDatabase.origins(
                of: "e.agendaItemId IN (\(ids.map { _ in "?" }.joined(separator: ",")))", arguments: StatementArguments(ids), db
            ).reduce(into: [Int64: String]()) { result, row in
                if let id = row.0.agendaItemId { result[id] = row.1 }
            }
        }
    }

    /// The resolution that created each action, and those that updated it, by action ref.
    public func resolutionsOfActions() async throws -> [String: (created: String?, updated: [String])] {
        try await writer.read { db in
            var result: [String: (created: String?, updated: [String])] = [:]
            for (effect, reference) in try AppDatabase.origins(of: "e.actionRef IS NOT NULL", arguments: [], db) {
                guard let ref = effect.actionRef else { continue }
                var entry = result[ref] ?? (nil, [])
                if effect.kind == .newAction { entry.created = reference } else { entry.updated.append(reference) }
                result[ref] = entry
            }
            return result
        }
    }

    private static func origins(of condition: String, arguments: StatementArguments, _ db: Database) throws
        -> [(ResolutionEffectRecord, String)]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.*, r.meetingId AS resolutionMeeting, r.itemNumber AS resolutionItem, r.number AS resolutionNumber
                FROM resolutionEffect e JOIN resolution r ON r.id = e.resolutionId
                WHERE \(condition) ORDER BY e.id
                """, arguments: arguments)
        return try rows.map { row in
            (
                try ResolutionEffectRecord(row: row),
                StoredResolution.reference(meetingID: row["resolutionMeeting"], item: row["resolutionItem"], number: row["resolutionNumber"])
            )
        }
    }

    // MARK: Action tracking

    /// Sets an action's RAG rating and/or update frequency (nil leaves one as it is). The
    /// frequency's chase counts from `since` until the first update after it.
    public func setTracking(
        ref: String, rag: RAGRating?, frequency: UpdateFrequency?, since: LocalDate, by: String, now: Date
    ) async throws -> PlanAction {
        let stamp = now.storedInstant
        return try await write { db in
            guard try ActionRecord.fetchOne(db, key: ref) != nil else { throw MeetingRecordStoreError.unknownAction(ref) }
            var record = try ActionTrackingRecord.fetchOne(db, key: ref)
                ?? ActionTrackingRecord(actionRef: ref, rag: nil, updateFrequency: nil, frequencySince: nil, setBy: by, setAt: stamp)
            var details: [String: String] = [:]
            if let rag {
                record.rag = rag
                details["rag"] = rag.rawValue
            }
            if let frequency {
                if record.updateFrequency != frequency.description { record.frequencySince = since }
                record.updateFrequency = frequency.description
                details["update_frequency"] = frequency.description
            }
            record.setBy = by
            record.setAt = stamp
            try record.upsert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record("action", ref, "tracking set", details)
            return try AppDatabase.trackedAction(ref: ref, db)!
        }
    }

    /// The action with its updates and tracking.
    static func trackedAction(ref: String, _ db: Database) throws -> PlanAction? {
        guard let record = try ActionRecord.fetchOne(db, key: ref) else { return nil }
        let updates = try ActionUpdateRecord.filter(ActionUpdateRecord.Columns.actionRef == ref)
            .order(ActionUpdateRecord.Columns.id).fetchAll(db)
        var action = try record.planAction(updates: updates.map(\.update))
        try ActionTrackingRecord.fetchOne(db, key: ref)?.apply(to: &action)
        return action
    }

    static func tracking(_ db: Database) throws -> [String: ActionTrackingRecord] {
        Dictionary(uniqueKeysWithValues: try ActionTrackingRecord.fetchAll(db).map { ($0.actionRef, $0) })
    }

    // MARK: Measure targets and comparators

    /// Sets a measure's target and unit (nil target clears it).
    public func setMeasureTarget(_ id: String, target: Double?, unit: MeasureUnit?, by: String, now: Date) async throws {
        let stamp = now.storedInstant
        try await write { db in
            guard try MeasureRecord.fetchOne(db, key: id) != nil else { throw MeetingRecordStoreError.unknownMeasure(id) }
            let existing = try MeasureTargetRecord.fetchOne(db, key: id)
            try MeasureTargetRecord(measureId: id, target: target, unit: unit ?? existing?.unit).upsert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "measure", id, "target set", ["target": target.map { "\($0)" } ?? "none", "unit": (unit ?? existing?.unit)?.rawValue ?? ""])
        }
    }

    /// Sets (or replaces) one of a measure's comparators.
    public func setComparator(_ comparator: QuorumDomain.Comparator, measure id: String, by: String, now: Date) async throws {
        let stamp = now.storedInstant
        try await write { db in
            guard try MeasureRecord.fetchOne(db, key: id) != nil else { throw MeetingRecordStoreError.unknownMeasure(id) }
            try MeasureComparatorRecord(
                measureId: id, kind: comparator.kind, value: comparator.value, period: comparator.period.description,
                source: comparator.source
            ).upsert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "measure", id, "comparator set", ["kind": comparator.kind.rawValue, "value": "\(comparator.value)"])
        }
    }

    /// Adds each measure's target, unit and comparators.
    static func withTargets(_ measures: [Measure], _ db: Database) throws -> [Measure] {
        let targets = Dictionary(uniqueKeysWithValues: try MeasureTargetRecord.fetchAll(db).map { ($0.measureId, $0) })
        let comparators = Dictionary(grouping: try MeasureComparatorRecord.fetchAll(db), by: \.measureId)
        guard !targets.isEmpty || !comparators.isEmpty else { return measures }
        let order = QuorumDomain.Comparator.Kind.allCases
        return measures.map { measure in
            var measure = measure
            measure.target = targets[measure.id]?.target
            measure.unit = targets[measure.id]?.unit
            measure.comparators = (comparators[measure.id] ?? []).compactMap(\.comparator)
                .sorted { order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! }
            return measure
        }
    }

    // MARK: Executive decisions

    public func decisions(of board: String? = nil) async throws -> [ExecutiveDecision] {
        try await writer.read { db in
            var request = ExecutiveDecisionRecord.all()
            if let board { request = request.filter(decisionMaker: board) }
            return try request.orderedByDecisionDate().fetchAll(db).map { try $0.decision() }
        }
    }

    public func decision(reference: String) async throws -> ExecutiveDecision? {
        try await writer.read { db in try ExecutiveDecisionRecord.fetchOne(db, key: reference)?.decision() }
    }

    /// Stores a new decision.
    public func addDecision(_ decision: ExecutiveDecision, by: String, now: Date) async throws {
        let stamp = now.storedInstant
        try await write { db in
            guard try ExecutiveDecisionRecord.fetchOne(db, key: decision.reference) == nil else {
                throw MeetingRecordStoreError.decisionExists(decision.reference)
            }
            try ExecutiveDecisionRecord(decision, recordedBy: by, recordedAt: stamp).insert(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record(
                "decision", decision.reference, "recorded", ["decided_on": decision.decidedOn.description])
        }
    }

    /// Changes a stored decision with `change`, inside one transaction; returns it changed.
    public func changeDecision(
        reference: String, change what: String, by: String, now: Date,
        _ change: @escaping @Sendable (ExecutiveDecision) throws -> ExecutiveDecision
    ) async throws -> ExecutiveDecision {
        let stamp = now.storedInstant
        return try await write { db in
            guard let record = try ExecutiveDecisionRecord.fetchOne(db, key: reference) else {
                throw MeetingRecordStoreError.unknownDecision(reference)
            }
            let changed = try change(try record.decision())
            try ExecutiveDecisionRecord(changed, recordedBy: record.recordedBy, recordedAt: record.recordedAt).update(db)
            try Auditor(db: db, at: stamp, actor: by, via: "command").record("decision", reference, what, [:])
            return changed
        }
    }
}
