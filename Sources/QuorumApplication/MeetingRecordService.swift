import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage
import QuorumWire

/// What happens at a meeting and after it: attendance and the quorum, declarations of interest,
/// the minutes and their resolutions, their approval at the board's next meeting, and what each
/// resolution sets in motion (a plan action, an update of one, a report to a later meeting).
public struct MeetingRecordService: Sendable {
    let database: AppDatabase
    let governance: GovernanceService
    let clock: WallClock
    let authorizer: Authorizer
    let renderer = PackRenderer()
    let pdf: PDFRenderer

    public init(database: AppDatabase, governance: GovernanceService, pdf: PDFRenderer = PDFRenderer(), clock: WallClock) {
        self.database = database
        self.governance = governance
        self.pdf = pdf
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    /// The minutes rendered by the pack renderer: Part I (public) or Part II (the exempt items),
    /// as HTML or PDF.
    public func renderMinutes(_ meetingID: String, part: PackPart, format: PackFormat, as user: User?) async throws -> Data {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.minutesGet, user, scope: AccessScope(boardCode: board.code))
        return try await minutesData(meeting, part: part, format: format)
    }

    /// The minutes rendered, once the caller has checked who may read them.
    func minutesData(_ meeting: Meeting, part: PackPart, format: PackFormat) async throws -> Data {
        guard let content = try await MinutesContent.load(meetingID: meeting.id, database: database, governance: governance) else {
            throw ApplicationError(.notFound, "\(meeting.id) has no minutes recorded")
        }
        let html = renderer.renderMinutesHTML(content, part: part)
        switch format {
        case .html: return Data(html.utf8)
        case .pdf:
            do {
                return try await pdf.renderPDF(html: html)
            } catch {
                throw ApplicationError(.unavailable, "the PDF could not be made: \(error)")
            }
        }
    }

    // MARK: Attendance and declarations

    /// The meeting's attendance, whether it was quorate, and the declarations of interest.
    public func attendance(_ meetingID: String, as user: User?) async throws -> AttendanceDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.attendanceGet, user, scope: AccessScope(boardCode: board.code))
        return try await attendanceDocument(meeting, board, rows: try await database.attendance(meetingID: meeting.id))
    }

    /// Records a member of the board as present, with apologies, or absent.
    public func recordAttendance(
        _ meetingID: String, member email: String, status text: String, as user: User?
    ) async throws -> AttendanceDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.attendanceRecord, user, scope: AccessScope(boardCode: board.code))
        guard let status = Attendance.Status(rawValue: text.lowercased()) else {
            throw ApplicationError(.badArgument, "status '\(text)' is not present, apologies or absent")
        }
        guard let member = board.votingMembers.first(where: { EmailAddressRule.same($0.email, email) }) else {
            throw ApplicationError(
                .badArgument, "'\(email)' is not the chair or a member of \(board.code) (a substitute is recorded with ATTENDANCE SUBSTITUTE)")
        }
        let rows = try await changeAttendance(meeting, board, .attendanceRecord, by: user) { rows in
            rows.filter { !EmailAddressRule.same($0.person.email, member.email) } + [AttendanceRow(person: member, status: .init(status))]
        }
        return try await attendanceDocument(meeting, board, rows: rows)
    }

    /// Records a substitute who sat for a member who was not present.
    public func recordSubstitute(
        _ meetingID: String, substitute email: String, role: String?, for member: String, as user: User?
    ) async throws -> AttendanceDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.attendanceSubstitute, user, scope: AccessScope(boardCode: board.code))
        guard EmailAddressRule.isPlausible(email) else {
            throw ApplicationError(.badArgument, "substitute '\(email)' is not an email address")
        }
        if board.votingMembers.contains(where: { EmailAddressRule.same($0.email, email) }) {
            throw ApplicationError(.badArgument, "'\(email)' is a member of \(board.code): record their own attendance instead")
        }
        let person = Person(role: role?.trimmingCharacters(in: .whitespaces).nonEmpty ?? "Substitute member", email: email)
        let rows = try await changeAttendance(meeting, board, .attendanceSubstitute, by: user) { rows in
            rows.filter { !EmailAddressRule.same($0.person.email, email) }
                + [AttendanceRow(person: person, status: .substitute, substituteFor: member)]
        }
        return try await attendanceDocument(meeting, board, rows: rows)
    }

    /// Records a member's declaration of an interest in an agenda item (by number or key).
    public func declare(
        _ meetingID: String, item reference: String, member email: String, kind text: String, nature: String, leftRoom: Bool,
        dispensation: Bool, as user: User?
    ) async throws -> AttendanceDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.interestDeclare, user, scope: AccessScope(boardCode: board.code))
        let entry = try await entry(reference, of: meeting)
        guard let kind = DeclarationOfInterest.Kind(rawValue: text.lowercased()) else {
            let kinds = DeclarationOfInterest.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ApplicationError(.badArgument, "kind '\(text)' is not one of \(kinds)")
        }
        let rows = try await database.attendance(meetingID: meeting.id)
        let sitting = board.votingMembers.map(\.email) + rows.filter { $0.status == .substitute }.map(\.person.email)
        guard let member = sitting.first(where: { EmailAddressRule.same($0, email) }) else {
            throw ApplicationError(.badArgument, "'\(email)' is not a member of \(board.code) or a substitute at \(meeting.id)")
        }
        let nature = nature.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !nature.isEmpty else { throw ApplicationError(.badArgument, "the nature of the interest is empty") }
        let declaration = DeclarationOfInterest(
            member: member, item: entry.number, kind: kind, nature: nature, leftRoom: leftRoom, dispensation: dispensation)
        try await audited(.interestDeclare, by: user, target: meeting.id, ["item": String(entry.number), "member": member]) { try await database.addDeclaration(declaration, meetingID: meeting.id, by: user?.name ?? "", now: clock.now()) }
        return try await attendanceDocument(meeting, board, rows: rows)
    }

    private func changeAttendance(
        _ meeting: Meeting, _ board: Board, _ operation: Operation, by user: User?, _ change: @escaping @Sendable ([AttendanceRow]) -> [AttendanceRow]
    ) async throws -> [AttendanceRow] {
        do {
            return try await audited(operation, by: user, target: meeting.id, [:]) { try await database.recordAttendance(meetingID: meeting.id, by: user?.name ?? "", now: clock.now()) { rows in
                let changed = change(rows)
                _ = try Self.attendance(of: board, rows: changed)
                return changed
            } }
        } catch let error as MeetingRecordError {
            throw ApplicationError(.badArgument, "\(error)")
        }
    }

    static func attendance(of board: Board, rows: [AttendanceRow]) throws(MeetingRecordError) -> Attendance {
        let records = rows.compactMap { row -> Attendance.Record? in
            guard let status = Attendance.Status(row.status) else { return nil }
            return Attendance.Record(member: row.person, status: status)
        }
        let substitutes = rows.filter { $0.status == .substitute }.map {
            Attendance.Substitute(person: $0.person, forMember: $0.substituteFor ?? "")
        }
        return try Attendance(members: board.votingMembers, records: records, substitutes: substitutes)
    }

    func attendanceDocument(_ meeting: Meeting, _ board: Board, rows: [AttendanceRow]) async throws -> AttendanceDocument {
        let attendance: Attendance
        do {
            attendance = try Self.attendance(of: board, rows: rows)
        } catch {
            // A member who has since left the board file: show the rest rather than fail.
            attendance = try Self.attendance(
                of: board, rows: rows.filter { row in board.votingMembers.contains { EmailAddressRule.same($0.email, row.person.email) } })
        }
        return AttendanceDocument(
            meeting: meeting.id, board: board.code, quorum: board.quorumRule, attendance: attendance,
            declarations: try await database.declarations(meetingID: meeting.id))
    }

    // MARK: Minutes and resolutions

    /// A meeting's minutes: each item's minute and resolutions, draft or approved.
    public func minutes(_ meetingID: String, as user: User?) async throws -> MinutesDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.minutesGet, user, scope: AccessScope(boardCode: board.code))
        return try await minutesDocument(meeting, try await database.minutes(meetingID: meeting.id))
    }

    /// Records an item's minute. With `defaultResolutions`, an item without resolutions takes the
    /// recommendations of its submitted report as its resolutions, as moved.
    public func recordMinute(
        _ meetingID: String, item reference: String, text: String, defaultResolutions: Bool = true, as user: User?
    ) async throws -> MinutesDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.minuteRecord, user, scope: AccessScope(boardCode: board.code))
        let entry = try await entry(reference, of: meeting)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ApplicationError(.badArgument, "the minute's text is empty") }
        var defaults: [Resolution] = []
        if defaultResolutions, let submitted = try await database.latestReports(meetingID: meeting.id)[entry.key],
            let report = try? CoverReport.parse(markdown: submitted.markdown)
        {
            defaults = Resolution.fromRecommendations(report.recommendations)
        }
        do {
            let stored = try await audited(.minuteRecord, by: user, target: meeting.id, ["item": String(entry.number)]) { try await database.recordMinute(
                meetingID: meeting.id, itemNumber: entry.number, itemKey: entry.key, title: entry.title, text: text,
                exemptParagraph: entry.exemptParagraph, defaults: defaults, by: user?.name ?? "", now: clock.now()) }
            return try await minutesDocument(meeting, stored)
        } catch MeetingRecordStoreError.minutesApproved(let id) {
            throw ApplicationError(.conflict, "the minutes of \(id) are approved and are not changed")
        }
    }

    /// Adds a resolution to an item's minute, numbered in the order taken, with its vote if one
    /// was taken.
    public func addResolution(
        _ meetingID: String, item reference: String, wording: String, vote: Resolution.Vote?, as user: User?
    ) async throws -> ResolutionDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.resolutionAdd, user, scope: AccessScope(boardCode: board.code))
        let entry = try await entry(reference, of: meeting)
        let wording = wording.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wording.isEmpty else { throw ApplicationError(.badArgument, "the resolution's wording is empty") }
        if let vote, [vote.inFavour, vote.against, vote.abstentions].contains(where: { $0 < 0 }) {
            throw ApplicationError(.badArgument, "a vote counts are whole numbers, not negative")
        }
        do {
            let stored = try await audited(.resolutionAdd, by: user, target: meeting.id, ["item": String(entry.number)]) { try await database.addResolution(
                meetingID: meeting.id, itemNumber: entry.number, wording: wording, vote: vote, by: user?.name ?? "", now: clock.now()) }
            return ResolutionDocument(id: stored.reference, item: stored.itemNumber, resolution: stored.resolution, effects: [])
        } catch MeetingRecordStoreError.noMinute(_, let item) {
            throw ApplicationError(.badArgument, "item \(item) has no minute yet: record it with MINUTES RECORD first")
        } catch MeetingRecordStoreError.minutesApproved(let id) {
            throw ApplicationError(.conflict, "the minutes of \(id) are approved and are not changed")
        }
    }

    /// Amends a resolution (`OSC-2017-11-14/4.1`) while its minutes are a draft: the wording as
    /// amended and, when given, the vote taken on it (nil keeps the vote it has). A resolution
    /// that has set something in motion is not amended into a lost one.
    public func amendResolution(
        _ reference: String, wording: String, vote: Resolution.Vote?, as user: User?
    ) async throws -> ResolutionDocument {
        let (meetingID, item, number) = try Self.resolutionID(reference)
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.resolutionAmend, user, scope: AccessScope(boardCode: board.code))
        let wording = wording.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wording.isEmpty else { throw ApplicationError(.badArgument, "the resolution's wording is empty") }
        if let vote, [vote.inFavour, vote.against, vote.abstentions].contains(where: { $0 < 0 }) {
            throw ApplicationError(.badArgument, "a vote counts are whole numbers, not negative")
        }
        do {
            let stored = try await audited(.resolutionAmend, by: user, target: reference, ["item": String(item)]) {
                try await database.amendResolution(
                    meetingID: meeting.id, item: item, number: number, wording: wording, vote: vote, by: user?.name ?? "", now: clock.now()
                ) { amended in
                    if !amended.resolution.isCarried, !amended.effects.isEmpty {
                        let kinds = amended.effects.map(\.kind.rawValue).joined(separator: ", ")
                        throw ApplicationError(
                            .conflict, "resolution \(reference) has set things in motion (\(kinds)) and is not amended into a lost one")
                    }
                }
            }
            var effects: [ResolutionEffectDocument] = []
            for effect in stored.effects { effects.append(try await effectDocument(effect)) }
            return ResolutionDocument(id: stored.reference, item: stored.itemNumber, resolution: stored.resolution, effects: effects)
        } catch MeetingRecordStoreError.unknownResolution {
            throw ApplicationError(.notFound, "no resolution \(reference)")
        } catch MeetingRecordStoreError.minutesApproved(let id) {
            throw ApplicationError(.conflict, "the minutes of \(id) are approved and are not changed")
        }
    }

    /// Approves, at `meetingID`, the draft minutes of the board's previous meeting (or of
    /// `minutesOf`, which must be the meeting just before it). They are then not changed.
    public func approveMinutes(at meetingID: String, minutesOf: String? = nil, as user: User?) async throws -> MinutesDocument {
        let (meeting, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(.minutesApprove, user, scope: AccessScope(boardCode: board.code))
        let dates = try await database.meetings(of: board.code).map(\.date)
        let minutedDate: LocalDate
        if let minutesOf {
            let minuted = try await governance.meeting(minutesOf)
            guard minuted.boardCode == board.code else {
                throw ApplicationError(.badArgument, "\(minuted.id) is a meeting of \(minuted.boardCode), not of \(board.code)")
            }
            minutedDate = minuted.date
        } else {
            guard let previous = Minutes.previousMeeting(before: meeting.date, in: dates) else {
                throw ApplicationError(.notFound, "\(board.code) has no meeting before \(meeting.id) whose minutes it could approve")
            }
            minutedDate = previous
        }
        let minutedID = Meeting.id(board: board.code, date: minutedDate)
        let stored = try await database.minutes(meetingID: minutedID)
        guard !stored.items.isEmpty else { throw ApplicationError(.notFound, "\(minutedID) has no minutes recorded") }
        var minutes: Minutes
        do {
            minutes = try Minutes(boardCode: board.code, meetingDate: minutedDate, items: [])
            if stored.approval != nil {
                throw ApplicationError(.conflict, "the minutes of \(minutedID) are already approved")
            }
            try minutes.approve(at: meeting.date, boardMeetings: dates, today: clock.today, by: user?.name ?? "")
        } catch let error as MeetingRecordError {
            throw ApplicationError(.badArgument, "\(error)")
        }
        do {
            let event = GovernanceEvent.minutesApproved(
                MinutesApproval(meetingID: minutedID, boardCode: board.code, meetingDate: minutedDate, approvedAt: meeting.id), by: user?.name ?? "")
            let approved = try await audited(
                .minutesApprove, by: user, target: minutedID, ["at": meeting.id], raising: [event], webhooks: governance.webhooks
            ) { try await database.approveMinutes(meetingID: minutedID, at: meeting.id, by: user?.name ?? "", now: clock.now()) }
            return try await minutesDocument(try await governance.meeting(minutedID), approved)
        } catch MeetingRecordStoreError.minutesApproved(let id) {
            throw ApplicationError(.conflict, "the minutes of \(id) are already approved")
        }
    }

    /// The draft or approved minutes that meeting `meetingID` takes under "Minutes of the previous
    /// meeting": those of the board's meeting before it, when any are recorded.
    public func previousMinutes(for meeting: Meeting) async throws -> (meeting: Meeting, minutes: StoredMinutes)? {
        let dates = try await database.meetings(of: meeting.boardCode).map(\.date)
        guard let previous = Minutes.previousMeeting(before: meeting.date, in: dates) else { return nil }
        let id = Meeting.id(board: meeting.boardCode, date: previous)
        let stored = try await database.minutes(meetingID: id)
        guard !stored.items.isEmpty else { return nil }
        return (try await governance.meeting(id), stored)
    }

    func minutesDocument(_ meeting: Meeting, _ stored: StoredMinutes) async throws -> MinutesDocument {
        let dates = try await database.meetings(of: meeting.boardCode).map(\.date)
        var items: [MinuteDocument] = []
        for minute in stored.items {
            var resolutions: [ResolutionDocument] = []
            for resolution in minute.resolutions {
                var effects: [ResolutionEffectDocument] = []
                for effect in resolution.effects { effects.append(try await effectDocument(effect)) }
                resolutions.append(
                    ResolutionDocument(id: resolution.reference, item: minute.itemNumber, resolution: resolution.resolution, effects: effects))
            }
            items.append(
                MinuteDocument(
                    item: minute.itemNumber, key: minute.itemKey, title: minute.title, text: minute.text,
                    exemptParagraph: minute.exemptParagraph, resolutions: resolutions))
        }
        return MinutesDocument(
            meeting: meeting.id, board: meeting.boardCode, date: meeting.date.description,
            status: stored.approval == nil ? "draft" : "approved", approvedAt: stored.approval?.meetingID,
            approvedBy: stored.approval?.by,
            nextMeeting: Minutes.nextMeeting(after: meeting.date, in: dates).map { Meeting.id(board: meeting.boardCode, date: $0) },
            items: items)
    }

    private func effectDocument(_ effect: ResolutionEffect) async throws -> ResolutionEffectDocument {
        var number: Int?
        if let meetingID = effect.meetingID, let itemID = effect.agendaItemID, let meeting = try await database.meeting(id: meetingID) {
            number = try await governance.agenda(of: meeting).entry("item:\(itemID)")?.number
        }
        var warning: String?
        if effect.kind == .report, effect.meetingID == nil, let board = effect.boardCode, let month = effect.month {
            warning = ReportRequest(boardCode: board, month: month, title: effect.title ?? "", owner: effect.owner ?? Person(role: "", email: ""))
                .binding(meetingDates: []).warning
        }
        return ResolutionEffectDocument(
            kind: effect.kind.rawValue, action: effect.actionRef, board: effect.boardCode, month: effect.month?.description,
            title: effect.title, owner: effect.owner?.email, meeting: effect.meetingID, item: number, warning: warning)
    }

    // MARK: What a resolution sets in motion

    /// A new plan action a resolution creates.
    public struct NewAction: Sendable {
        public var ref: String
        public var text: String
        public var leadEmail: String
        public var leadRole: String?
        public var reviewDate: String
        public var frequency: String?

        public init(ref: String, text: String, leadEmail: String, leadRole: String? = nil, reviewDate: String, frequency: String? = nil) {
            self.ref = ref
            self.text = text
            self.leadEmail = leadEmail
            self.leadRole = leadRole
            self.reviewDate = reviewDate
            self.frequency = frequency
        }
    }

    /// Creates a plan action from a carried resolution (`OSC-2017-11-14/5.1`), linked to it.
    public func createAction(_ new: NewAction, resolution reference: String, as user: User?) async throws -> ActionDocument {
        let (resolution, _) = try await carriedResolution(reference, .resolutionAction, as: user)
        guard PlanAction.isValidRef(new.ref), let recommendation = PlanAction.recommendationID(ofRef: new.ref) else {
            throw ApplicationError(.badArgument, "ref '\(new.ref)' is not an action reference like 1.1.4 or 2.6")
        }
        let text = new.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ApplicationError(.badArgument, "the action's text is empty") }
        guard EmailAddressRule.isPlausible(new.leadEmail) else {
            throw ApplicationError(.badArgument, "lead '\(new.leadEmail)' is not an email address")
        }
        let review: ReviewDate
        do {
            review = try ReviewDate(parsing: new.reviewDate)
        } catch {
            throw ApplicationError(.badArgument, "review '\(new.reviewDate)': \(error)")
        }
        let frequency = try PlanService.frequency(new.frequency)
        // The lead's role as the plan already knows it, unless given.
        let known = try await database.planActions().first { EmailAddressRule.same($0.lead.email, new.leadEmail) }?.lead.role
        var action = PlanAction(
            ref: new.ref, recommendationID: recommendation, text: text, reviewDate: review,
            lead: Person(role: new.leadRole ?? known ?? "Action lead", email: new.leadEmail), status: .open, updateFrequency: frequency)
        action.frequencySetOn = frequency == nil ? nil : clock.today
        do {
            let created = try await audited(.resolutionAction, by: user, target: resolution.reference, ["action": new.ref]) { try await database.createAction(action, fromResolution: resolution.rowID, by: user?.name ?? "", now: clock.now()) }
            var document = ActionDocument(created, asOf: clock.today, detailed: true)
            document.resolution = resolution.reference
            return document
        } catch MeetingRecordStoreError.actionExists(let ref) {
            throw ApplicationError(.conflict, "the plan already has an action \(ref)")
        } catch MeetingRecordStoreError.unknownRecommendation(let id) {
            throw ApplicationError(.notFound, "the plan has no recommendation \(id) for action \(new.ref)")
        }
    }

    /// Posts a resolution's update to an existing action (optionally with a new review date).
    public func updateAction(
        _ ref: String, text: String, reviewDate: String?, resolution reference: String, as user: User?
    ) async throws -> ActionDocument {
        let (resolution, _) = try await carriedResolution(reference, .resolutionUpdate, as: user)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ApplicationError(.badArgument, "the update text is empty") }
        var review: LocalDate?
        if let written = reviewDate {
            guard case .date(let date) = try? ReviewDate(parsing: written) else {
                throw ApplicationError(.badArgument, "review '\(written)' is not a date (2018-01-31, 2018-01 or Jan 2018)")
            }
            review = date
        }
        let update = ActionUpdate(
            date: clock.today, text: "\(text) (resolution \(resolution.reference))", author: user?.name ?? "", newReviewDate: review,
            completes: false)
        do {
            let updated = try await audited(.resolutionUpdate, by: user, target: resolution.reference, ["action": ref]) { try await database.updateAction(ref, with: update, fromResolution: resolution.rowID, by: user?.name ?? "", now: clock.now()) }
            var document = ActionDocument(updated, asOf: clock.today, detailed: true)
            document.updatedByResolutions = [resolution.reference]
            return document
        } catch MeetingRecordStoreError.unknownAction(let ref) {
            throw ApplicationError(.notFound, "no action '\(ref)'")
        }
    }

    /// Requests a report for a later meeting: it binds to the first meeting of `boardCode` in the
    /// month (`January 2018`, `Jan 2018`, `2018-01`) after the resolution's meeting and becomes an
    /// agenda item there with its owner, who is reminded like any report owner. With no such
    /// meeting it is kept unbound and the reply warns.
    public func requestReport(
        board boardCode: String, month text: String, title: String, ownerEmail: String, ownerRole: String?, resolution reference: String,
        as user: User?
    ) async throws -> ResolutionEffectDocument {
        let (resolution, _) = try await carriedResolution(reference, .resolutionReport, as: user)
        let board = try await governance.board(boardCode)
        let month: YearMonth
        do {
            month = try ReportRequest.month(parsing: text)
        } catch {
            throw ApplicationError(.badArgument, "\(error)")
        }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ApplicationError(.badArgument, "the report's title is empty") }
        guard EmailAddressRule.isPlausible(ownerEmail) else {
            throw ApplicationError(.badArgument, "owner '\(ownerEmail)' is not an email address")
        }
        let resolvedMeeting = try await governance.meeting(resolution.meetingID)
        let request = ReportRequest(
            boardCode: board.code, month: month, title: title,
            owner: Person(role: ownerRole?.nonEmpty ?? "Report owner", email: ownerEmail))
        let binding = request.binding(meetingDates: try await database.meetings(of: board.code).map(\.date), after: resolvedMeeting.date)
        let effect = try await audited(.resolutionReport, by: user, target: resolution.reference, ["report": title, "board": board.code]) { try await database.requestReport(
            request, meetingID: binding.meetingDate.map { Meeting.id(board: board.code, date: $0) }, fromResolution: resolution.rowID,
            by: user?.name ?? "", now: clock.now()) }
        var document = try await effectDocument(effect)
        document.warning = binding.warning
        return document
    }

    /// The resolution `OSC-2017-11-14/5.1`, after checking that `user` is its board's secretary
    /// and that it was carried: a lost resolution sets nothing in motion.
    private func carriedResolution(_ reference: String, _ operation: Operation, as user: User?) async throws -> (StoredResolution, Board) {
        let (meetingID, item, number) = try Self.resolutionID(reference)
        let (_, board) = try await meetingAndBoard(meetingID)
        try await authorizer.authorize(operation, user, scope: AccessScope(boardCode: board.code))
        guard let resolution = try await database.resolution(meetingID: meetingID, item: item, number: number) else {
            throw ApplicationError(.notFound, "no resolution \(reference)")
        }
        guard resolution.resolution.isCarried else {
            throw ApplicationError(.badArgument, "resolution \(reference) was not carried, so it sets nothing in motion")
        }
        return (resolution, board)
    }

    /// The meeting, item and number of a resolution id (`OSC-2017-11-14/5.1`).
    private static func resolutionID(_ reference: String) throws -> (meetingID: String, item: Int, number: Int) {
        guard let slash = reference.lastIndex(of: "/") else { throw Self.badResolution(reference) }
        let meetingID = String(reference[..<slash])
        let numbers = reference[reference.index(after: slash)...].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 2, let item = Int(numbers[0]), let number = Int(numbers[1]) else { throw Self.badResolution(reference) }
        return (meetingID, item, number)
    }

    private static func badResolution(_ reference: String) -> ApplicationError {
        ApplicationError(.badArgument, "'\(reference)' is not a resolution id (the meeting, the item and its number: OSC-2017-11-14/5.1)")
    }

    // MARK: Helpers

    private func meetingAndBoard(_ meetingID: String) async throws -> (Meeting, Board) {
        let meeting = try await governance.meeting(meetingID)
        return (meeting, try await governance.board(meeting.boardCode))
    }

    private func entry(_ reference: String, of meeting: Meeting) async throws -> Agenda.Entry {
        guard let entry = try await governance.agenda(of: meeting).entry(reference) else {
            throw ApplicationError(.notFound, "no item '\(reference)' on the agenda of \(meeting.id)")
        }
        return entry
    }
}

extension AttendanceRow.Status {
    init(_ status: Attendance.Status) {
        switch status {
        case .present: self = .present
        case .apologies: self = .apologies
        case .absent: self = .absent
        }
    }
}

extension Attendance.Status {
    init?(_ status: AttendanceRow.Status) {
        switch status {
        case .present: self = .present
        case .apologies: self = .apologies
        case .absent: self = .absent
        case .substitute: return nil
        }
    }
}

extension String {
    /// Nil for an empty or blank string.
    var nonEmpty: String? { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self }
}

extension MeetingRecordService: AuditedService {}
