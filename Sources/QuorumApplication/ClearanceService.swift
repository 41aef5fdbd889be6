import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage
import QuorumWire

/// Report clearance and a meeting's readiness: each report's way from draft through finance and
/// legal clearance and approval into the pack, every step taken by its own holder alone
/// (``ReportClearance``), with deadlines counted back from the publication date; and the
/// secretary's dashboard of what stands between a meeting and a lawful, complete pack.
public struct ClearanceService: Sendable {
    let database: AppDatabase
    let governance: GovernanceService
    let privateMeetings: PrivateMeetingService
    let schedule: ClearanceSchedule
    let clock: WallClock
    let authorizer: Authorizer

    public init(
        database: AppDatabase, governance: GovernanceService, privateMeetings: PrivateMeetingService, schedule: ClearanceSchedule,
        clock: WallClock
    ) {
        self.database = database
        self.governance = governance
        self.privateMeetings = privateMeetings
        self.schedule = schedule
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    var workingDays: WorkingDayCalendar { governance.workingDays }

    /// A step as a front door asks for it.
    public enum Step: Sendable {
        /// The owner submits the draft; `approver` names the officer the report is "of" when
        /// the board files do not.
        case submit(approver: String?)
        case finance(reference: String, title: String)
        case legal(reference: String, title: String)
        case approve
        case returnToDraft(comment: String)

        var operation: Operation {
            switch self {
            case .submit: .clearanceSubmit
            case .finance: .clearanceFinance
            case .legal: .clearanceLegal
            case .approve: .clearanceApprove
            case .returnToDraft: .clearanceReturn
            }
        }
    }

    // MARK: Operations

    /// Takes a step on the report of an agenda item (by number or key).
    public func take(_ step: Step, meeting meetingID: String, item reference: String, as user: User?) async throws -> ClearanceDocument {
        let meeting = try await governance.meeting(meetingID)
        let (entry, report) = try await reportItem(reference, of: meeting)
        let stored = try await database.clearances(meetingID: meeting.id)[entry.key]
        var approver: String?
        if case .submit(let given) = step { approver = given }
        let owner = try stored?.clearance.owner ?? owner(of: entry, report: report)
        try await authorizer.authorize(step.operation, user, scope: AccessScope(boardCode: meeting.boardCode, itemOwner: owner.email))
        guard let user else { throw ApplicationError(.authenticationRequired, "needs a signed-in user") }
        guard let report else {
            throw ApplicationError(.badArgument, "item \(entry.number) (\(entry.title)) has no report yet: REPORT SUBMIT its text first")
        }
        let domainStep: ClearanceStep
        do {
            switch step {
            case .submit: domainStep = .submit
            case .finance(let text, let title): domainStep = .clearFinance(reference: try ClearanceReference(parsing: text, for: .finance), title: title)
            case .legal(let text, let title): domainStep = .clearLegal(reference: try ClearanceReference(parsing: text, for: .legal), title: title)
            case .approve: domainStep = .approve
            case .returnToDraft(let comment): domainStep = .returnToDraft(comment: comment)
            }
        } catch {
            throw ApplicationError(.badArgument, error.description)
        }
        let start = stored == nil ? try await draft(entry, report: report, board: meeting.boardCode, approver: approver) : nil
        let at = EuropeLondon.localDateTime(at: clock.now().unixSeconds)
        let title = report.subject.isEmpty ? entry.title : report.subject
        let updated: StoredClearance
        do {
            // The step as it will be taken, for the webhook event it raises (a return, an approval).
            var expected = stored?.clearance ?? start
            try expected?.apply(domainStep, by: user, at: at)
            let events = expected.flatMap {
                GovernanceEvent.clearance($0, meetingID: meeting.id, itemKey: entry.key, title: title, by: user.name)
            }
            let details = ["meeting": meeting.id, "item": entry.key, "step": domainStep.kind.rawValue]
            updated = try await audited(
                step.operation, by: user, target: "\(meeting.id) \(entry.key)", details, raising: events.map { [$0] } ?? [],
                webhooks: governance.webhooks
            ) {
              try await database.updateClearance(
                meetingID: meeting.id, itemKey: entry.key, title: title, now: clock.now(),
                start: {
                    guard let start else { throw ApplicationError(.conflict, "the report's clearance changed meanwhile; try again") }
                    return start
                }
            ) { clearance in
                try clearance.apply(domainStep, by: user, at: at)
            }
            }
        } catch let error as ClearanceError {
            throw Self.applicationError(error)
        }
        return document(updated, meeting: meeting, title: entry.title)
    }

    /// A report's clearance record; a report not yet submitted for clearance is a draft.
    public func record(meeting meetingID: String, item reference: String, as user: User?) async throws -> ClearanceDocument {
        try await authorizer.authorize(.clearanceGet, user)
        let meeting = try await governance.meeting(meetingID)
        let (entry, report) = try await reportItem(reference, of: meeting)
        if let stored = try await database.clearances(meetingID: meeting.id)[entry.key] {
            return document(stored, meeting: meeting, title: entry.title)
        }
        let clearance = try await placeholder(entry, board: meeting.boardCode)
        return document(
            StoredClearance(meetingID: meeting.id, itemKey: entry.key, title: entry.title, clearance: clearance),
            meeting: meeting, title: entry.title)
    }

    /// The secretary's dashboard: key decisions, private-meeting notices and reports, on `asOf`.
    public func readiness(meeting meetingID: String, asOf: LocalDate?, as user: User?) async throws -> ReadinessDocument {
        let meeting = try await governance.meeting(meetingID)
        try await authorizer.authorize(.meetingReadiness, user, scope: AccessScope(boardCode: meeting.boardCode))
        let day = asOf ?? clock.today
        let view = try await packView(of: meeting, asOf: day)
        return ReadinessDocument(
            meeting: meeting.id, publishBy: PackRules.publishBy(meeting, workingDays: workingDays), asOf: day, readiness: view.readiness,
            itemKeys: view.reportKeys)
    }

    // MARK: For the pack

    /// What a pack build takes from the clearance records and the Forward Plan.
    struct PackView: Sendable {
        var readiness: MeetingReadiness
        /// The item keys of `readiness.reports`, in order.
        var reportKeys: [String]
        var clearances: [String: StoredClearance]
        /// The key decision each item carries, by item key.
        var keyDecisions: [String: ForwardPlanEntry]
    }

    func packView(of meeting: Meeting, asOf day: LocalDate) async throws -> PackView {
        let agenda = try await governance.agenda(of: meeting)
        let reports = try await database.latestReports(meetingID: meeting.id)
        let clearances = try await database.clearances(meetingID: meeting.id)
        let entries = try await database.forwardPlanEntries(meetingID: meeting.id)
        let links = try await database.forwardPlanLinks(meetingID: meeting.id)
        let byReference = Dictionary(uniqueKeysWithValues: entries.map { ($0.entry.reference, $0.entry) })
        var keys: [String] = []
        var reportStates: [(title: String, clearance: ReportClearance)] = []
        for entry in agenda.entries where entry.takesReport {
            var found = clearances[entry.key]?.clearance
            if found == nil, reports[entry.key] != nil { found = try await placeholder(entry, board: meeting.boardCode) }
            guard let clearance = found else { continue }
            keys.append(entry.key)
            reportStates.append((entry.title, clearance))
        }
        let readiness = MeetingReadiness(
            meetingDate: meeting.date, publishBy: PackRules.publishBy(meeting, workingDays: workingDays), asOf: day,
            keyDecisions: entries.map(\.entry), privateNotices: try await privateMeetings.required(for: meeting),
            reports: reportStates, schedule: schedule, calendar: workingDays)
        return PackView(
            readiness: readiness, reportKeys: keys, clearances: clearances,
            keyDecisions: links.compactMapValues { byReference[$0] })
    }

    /// Puts the approved reports among `itemKeys` in the pack when it is published: the publisher
    /// (the board's secretary or an admin) takes that step for each, recorded like every other.
    func markInPack(meeting: Meeting, itemKeys: [String], by user: User?) async throws {
        guard let user else { return }
        let at = EuropeLondon.localDateTime(at: clock.now().unixSeconds)
        for (key, stored) in try await database.clearances(meetingID: meeting.id)
        where itemKeys.contains(key) && stored.clearance.stage == .approved {
            _ = try? await database.updateClearance(
                meetingID: meeting.id, itemKey: key, title: stored.title, now: clock.now(), start: { stored.clearance }
            ) { clearance in
                if clearance.stage == .approved { try clearance.apply(.addToPack, by: user, at: at) }
            }
        }
    }

    /// The titles of the reports among `itemKeys` that are not approved: a pack holding one is
    /// published only with the secretary's reason.
    func unapproved(meeting: Meeting, itemKeys: [String]) async throws -> [String] {
        let agenda = try await governance.agenda(of: meeting)
        let reports = try await database.latestReports(meetingID: meeting.id)
        let clearances = try await database.clearances(meetingID: meeting.id)
        return agenda.entries.filter { entry in
            guard itemKeys.contains(entry.key), entry.takesReport, reports[entry.key] != nil else { return false }
            return (clearances[entry.key]?.clearance.stage ?? .draft) < .approved
        }.map { "\($0.number). \($0.title)" }
    }

    // MARK: Participants

    private func reportItem(_ reference: String, of meeting: Meeting) async throws -> (Agenda.Entry, SubmittedReport?) {
        let agenda = try await governance.agenda(of: meeting)
        guard let entry = agenda.entry(reference) else {
            throw ApplicationError(.notFound, "no item '\(reference)' on the agenda of \(meeting.id)")
        }
        guard entry.takesReport else {
            throw ApplicationError(.badArgument, "item \(entry.number) (\(entry.title)) takes no report")
        }
        return (entry, try await database.latestReports(meetingID: meeting.id)[entry.key])
    }

    /// Who writes and submits the report: the cycle's owner, or the item's.
    private func owner(of entry: Agenda.Entry, report: SubmittedReport?) throws -> Person {
        if let owner = entry.cycle?.owner { return owner }
        guard let email = entry.ownerEmail else {
            throw ApplicationError(
                .badArgument, "item \(entry.number) (\(entry.title)) has no owner to submit it: it needs ITEM ADD … owner=<email>")
        }
        return Person(role: "Report owner", email: email)
    }

    /// A new draft, with the officer the report is "of": `approver` when given, else the one
    /// person the board files give that role.
    private func draft(_ entry: Agenda.Entry, report: SubmittedReport, board: String, approver: String?) async throws -> ReportClearance {
        let cover = try? CoverReport.parse(markdown: report.markdown)
        let role = cover?.reportOf ?? entry.cycle?.reportOf ?? "the responsible officer"
        let reportOf: Person
        if let approver {
            guard EmailAddressRule.isPlausible(approver) else {
                throw ApplicationError(.badArgument, "of '\(approver)' is not an email address")
            }
            reportOf = Person(role: role, email: approver)
        } else if let found = try await person(holding: role) {
            reportOf = found
        } else {
            throw ApplicationError(
                .badArgument, "no one in the board files is the \(role) whom the report is of: name them with of=<email>")
        }
        return ReportClearance(board: board, owner: try owner(of: entry, report: report), reportOf: reportOf)
    }

    /// A draft for a report not yet submitted for clearance, for showing only.
    private func placeholder(_ entry: Agenda.Entry, board: String) async throws -> ReportClearance {
        let role = entry.cycle?.reportOf ?? "the responsible officer"
        let reportOf = try await person(holding: role) ?? Person(role: role, email: "")
        let owner = entry.cycle?.owner ?? Person(role: "Report owner", email: entry.ownerEmail ?? "")
        return ReportClearance(board: board, owner: owner, reportOf: reportOf)
    }

    private func person(holding role: String) async throws -> Person? {
        let wanted = role.lowercased()
        for board in try await database.boards() {
            let people = [board.chair, board.secretary] + board.members + board.cycles.map(\.owner)
            if let found = people.first(where: { $0.role.lowercased() == wanted }) { return found }
        }
        return nil
    }

    private func document(_ stored: StoredClearance, meeting: Meeting, title: String) -> ClearanceDocument {
        let deadlines = schedule.deadlines(publishBy: PackRules.publishBy(meeting, workingDays: workingDays), calendar: workingDays)
        let late = stored.clearance.lateStep(on: clock.today, deadlines: deadlines, calendar: workingDays)
        return ClearanceDocument(
            meeting: meeting.id, item: stored.itemKey, title: title, clearance: stored.clearance,
            due: deadlines.due(leaving: stored.clearance.stage), late: late != nil)
    }

    static func applicationError(_ error: ClearanceError) -> ApplicationError {
        switch error.code {
        case .notPermitted: ApplicationError(.notPermitted, error.description)
        case .wrongStage: ApplicationError(.conflict, error.description)
        case .invalidReference, .missingText: ApplicationError(.badArgument, error.description)
        }
    }
}

extension ClearanceService.PackView {
    /// The record's part of a cover report: "Included in Forward Plan" from the key decision
    /// the item carries (naming its entry), and the Internal Consultations from the clearance record, in the
    /// council's wording. A report with no clearance record, or none given yet, says that no
    /// internal consultation is recorded, whatever its own text claimed: nothing is invented.
    func applyRecord(to report: inout CoverReport, key: String) {
        if let decision = keyDecisions[key] {
            report.isKeyDecision = true
            report.isInForwardPlan = decision.firstPublished != nil
            report.forwardPlanDate = decision.firstPublished
            report.forwardPlanReference = decision.reference
        }
        report.consultations.internal = ReportClearance.internalConsultations(of: clearances[key]?.clearance)
    }
}

extension ClearanceService: AuditedService {}
