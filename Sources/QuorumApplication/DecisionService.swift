import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// Executive decisions: their record, publication, call-in by the scrutiny committee, and when
/// they may be implemented (docs/meetings.md, "Executive decisions and call-in").
public struct DecisionService: Sendable {
    let database: AppDatabase
    let governance: GovernanceService
    let policy: DecisionPolicy
    let clock: WallClock
    let authorizer: Authorizer

    public init(database: AppDatabase, governance: GovernanceService, policy: DecisionPolicy, clock: WallClock) {
        self.database = database
        self.governance = governance
        self.policy = policy
        self.clock = clock
        self.authorizer = Authorizer(database: database)
    }

    var calendar: WorkingDayCalendar { governance.workingDays }

    public func decisions(of board: String?, asOf: LocalDate?, as user: User?) async throws -> [DecisionDocument] {
        try await authorizer.authorize(.decisionList, user)
        var code: String?
        if let board { code = try await governance.board(board).code }
        var documents: [DecisionDocument] = []
        for decision in try await database.decisions(of: code) { documents.append(try await document(decision, asOf: asOf)) }
        return documents
    }

    public func decision(_ reference: String, asOf: LocalDate?, as user: User?) async throws -> DecisionDocument {
        try await authorizer.authorize(.decisionGet, user)
        return try await document(try await stored(reference), asOf: asOf)
    }

    /// Records a decision of `board` made on `decidedOn`; with `urgencyReason` it takes effect at
    /// once and cannot be called in.
    public func record(
        _ reference: String, board code: String, decidedOn: LocalDate, title: String, urgencyReason: String?, as user: User?
    ) async throws -> DecisionDocument {
        let board = try await governance.board(code)
        try await authorizer.authorize(.decisionRecord, user, scope: AccessScope(boardCode: board.code))
        let decision: ExecutiveDecision
        do {
            decision = try ExecutiveDecision(
                reference: reference, title: title, decisionMaker: board.code, decidedOn: decidedOn, urgencyReason: urgencyReason)
        } catch {
            throw ApplicationError(.badArgument, "\(error)")
        }
        do {
            try await audited(.decisionRecord, by: user, target: decision.reference, [:]) { try await database.addDecision(decision, by: user?.name ?? "", now: clock.now()) }
        } catch MeetingRecordStoreError.decisionExists(let reference) {
            throw ApplicationError(.conflict, "a decision \(reference) is already recorded")
        }
        return try await document(decision, asOf: nil)
    }

    /// Records the decision's publication (today unless `on` is given); the call-in period runs
    /// from then.
    public func publish(_ reference: String, on date: LocalDate?, as user: User?) async throws -> DecisionDocument {
        let decision = try await stored(reference)
        try await authorizer.authorize(.decisionPublish, user, scope: AccessScope(boardCode: decision.decisionMaker))
        let day = date ?? clock.today
        let (policy, calendar, by) = (policy, calendar, user?.name ?? "")
        let changed = try await change(reference, "published", .decisionPublish, by: user, raising: { published in
            [GovernanceEvent.decisionPublished(published, callInEnds: published.callInEnds(policy: policy, calendar: calendar), by: by)]
        }) { decision in
            guard decision.publishedOn == nil else {
                throw ApplicationError(.conflict, "\(reference) was already published on \(decision.publishedOn!)")
            }
            do {
                return try ExecutiveDecision(
                    reference: decision.reference, title: decision.title, decisionMaker: decision.decisionMaker,
                    decidedOn: decision.decidedOn, publishedOn: day, urgencyReason: decision.urgencyReason, callIn: decision.callIn)
            } catch {
                throw ApplicationError(.badArgument, "\(error)")
            }
        }
        return try await document(changed, asOf: nil)
    }

    /// Records a call-in by the scrutiny committee: within the period it suspends implementation
    /// until heard; outside it, or for an urgent decision, it is refused.
    public func callIn(_ reference: String, reason: String, by members: [String], on date: LocalDate?, as user: User?) async throws
        -> DecisionDocument
    {
        let scrutiny = try await scrutinyBoard(of: try await stored(reference))
        try await authorizer.authorize(.decisionCallIn, user, scope: AccessScope(boardCode: scrutiny?.code))
        try requireScrutiny(scrutiny, reference)
        let callIn = ExecutiveDecision.CallIn(
            requestedOn: date ?? clock.today, by: members, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
        let (policy, calendar, by) = (policy, calendar, user?.name ?? "")
        let changed = try await change(reference, "called in", .decisionCallIn, by: user, raising: { calledIn in
            [GovernanceEvent.decisionCalledIn(calledIn, callInEnds: calledIn.callInEnds(policy: policy, calendar: calendar), by: by)]
        }) { decision in
            guard decision.callIn == nil else { throw ApplicationError(.conflict, "\(reference) is already called in") }
            if let refusal = decision.callInRefusal(callIn, policy: policy, calendar: calendar) {
                throw ApplicationError(.badArgument, refusal.description)
            }
            var changed = decision
            changed.callIn = callIn
            return changed
        }
        return try await document(changed, asOf: nil)
    }

    /// Records the scrutiny hearing of a call-in: its date and, once heard, its outcome
    /// (`no_further_action` or `referred_back`).
    public func hear(_ reference: String, on date: LocalDate, outcome text: String?, as user: User?) async throws -> DecisionDocument {
        let scrutiny = try await scrutinyBoard(of: try await stored(reference))
        try await authorizer.authorize(.decisionHear, user, scope: AccessScope(boardCode: scrutiny?.code))
        try requireScrutiny(scrutiny, reference)
        var outcome: ExecutiveDecision.CallIn.Outcome?
        if let text {
            guard let parsed = ExecutiveDecision.CallIn.Outcome(rawValue: text.lowercased()) else {
                throw ApplicationError(.badArgument, "outcome '\(text)' is not pending, no_further_action or referred_back")
            }
            outcome = parsed
        }
        let chosen = outcome
        let changed = try await change(reference, "call-in heard", .decisionHear, by: user) { decision in
            guard var callIn = decision.callIn else { throw ApplicationError(.badArgument, "\(reference) has not been called in") }
            guard date >= callIn.requestedOn else {
                throw ApplicationError(.badArgument, "the hearing on \(date) is before the call-in on \(callIn.requestedOn)")
            }
            callIn.hearingDate = date
            if let chosen { callIn.outcome = chosen }
            var changed = decision
            changed.callIn = callIn
            return changed
        }
        return try await document(changed, asOf: nil)
    }

    /// Changes the stored decision in one transaction; `raising` gives the webhook events of the
    /// changed decision, worked out from the decision as read before and written with the change.
    private func change(
        _ reference: String, _ what: String, _ operation: Operation, by user: User?,
        raising events: (ExecutiveDecision) -> [GovernanceEvent] = { _ in [] },
        _ change: @escaping @Sendable (ExecutiveDecision) throws -> ExecutiveDecision
    ) async throws -> ExecutiveDecision {
        let expected = try change(try await stored(reference))
        do {
            return try await audited(operation, by: user, target: reference, raising: events(expected), webhooks: governance.webhooks) {
                try await database.changeDecision(reference: reference, change: what, by: user?.name ?? "", now: clock.now(), change)
            }
        } catch MeetingRecordStoreError.unknownDecision(let reference) {
            throw ApplicationError(.notFound, "no decision '\(reference)'")
        }
    }

    /// The board whose secretary records the decision's call-in and its hearing: the one whose
    /// board file scrutinises the decision maker.
    private func scrutinyBoard(of decision: ExecutiveDecision) async throws -> Board? {
        try await governance.scrutinyBoard(of: decision.decisionMaker)
    }

    /// A decision no board scrutinises cannot be called in: only an admin gets this far.
    private func requireScrutiny(_ board: Board?, _ reference: String) throws {
        guard board == nil else { return }
        throw ApplicationError(
            .badArgument, "no board scrutinises the decisions of \(reference)'s decision maker: a board file names it under scrutinises:")
    }

    private func stored(_ reference: String) async throws -> ExecutiveDecision {
        guard let decision = try await database.decision(reference: reference) else {
            throw ApplicationError(.notFound, "no decision '\(reference)'")
        }
        return decision
    }

    func document(_ decision: ExecutiveDecision, asOf: LocalDate?) async throws -> DecisionDocument {
        DecisionDocument(
            decision, callInBy: try await scrutinyBoard(of: decision)?.code, asOf: asOf ?? clock.today, policy: policy,
            calendar: calendar)
    }
}

extension DecisionService: AuditedService {}
