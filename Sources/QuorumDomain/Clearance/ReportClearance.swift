/// A report's clearance record: a value-type state machine from draft to the pack.
///
/// Each step belongs to one party, and nobody else may take it — not even an admin, since the
/// point of clearance is that finance, legal and the responsible officer each say yes themselves:
///
/// | step | from | to | who |
/// | --- | --- | --- | --- |
/// | submit | draft | submitted | the report's owner (by email) |
/// | clear finance | submitted | finance cleared | a user with the `finance` role, giving an `FD.` reference |
/// | clear legal | finance cleared | legal cleared | a user with the `legal` role, giving an `LD.` reference |
/// | approve | legal cleared | approved | the officer the report is "of" (by email) |
/// | add to pack | approved | in pack | the board's secretary (or an admin) |
/// | return | submitted … approved | draft | whoever holds the next step, with a comment |
///
/// A returned report loses its clearances: what comes back is a new draft and is cleared again.
/// Every step is kept in ``history`` with who took it and when.
///
/// ```swift
/// var clearance = ReportClearance(board: "OSC", owner: owner, reportOf: director)
/// try clearance.apply(.submit, by: User(name: owner.email, role: .lead), at: now)
/// try clearance.apply(.approve, by: financeOfficer, at: now)  // throws: wrong stage
/// ```
public struct ReportClearance: Hashable, Sendable, Codable {
    /// The board whose pack the report goes in.
    public let boardCode: String
    /// Who writes the report and submits it.
    public let owner: Person
    /// The officer the report is "of", who approves it.
    public let reportOf: Person
    public private(set) var stage: ClearanceStage
    public private(set) var finance: Clearance?
    public private(set) var legal: Clearance?
    public private(set) var history: [Event]

    /// A clearance given: the reference, the officer's title as the cover names them, who and when.
    public struct Clearance: Hashable, Sendable, Codable {
        public var reference: ClearanceReference
        public var title: String
        public var by: String
        public var at: LocalDateTime
    }

    /// One step taken.
    public struct Event: Hashable, Sendable, Codable {
        public var step: ClearanceStep.Kind
        public var from: ClearanceStage
        public var to: ClearanceStage
        /// The user's name (an email, or `admin`).
        public var by: String
        public var at: LocalDateTime
        /// The reference of a clearance, or nil.
        public var reference: ClearanceReference?
        /// A return's comment, or a clearing officer's title.
        public var comment: String?
    }

    /// A new draft.
    public init(board: String, owner: Person, reportOf: Person) {
        self.boardCode = board
        self.owner = owner
        self.reportOf = reportOf
        self.stage = .draft
        self.finance = nil
        self.legal = nil
        self.history = []
    }

    /// The latest return's comment, while the report is back in draft.
    public var returnComment: String? {
        guard stage == .draft, let last = history.last, last.step == .returnToDraft else { return nil }
        return last.comment
    }

    /// Whether `user` may take `step` now; nil when they may, else the refusal.
    public func refusal(of step: ClearanceStep.Kind, by user: User) -> ClearanceError? {
        let expected: [ClearanceStage] =
            switch step {
            case .submit: [.draft]
            case .clearFinance: [.submitted]
            case .clearLegal: [.financeCleared]
            case .approve: [.legalCleared]
            case .addToPack: [.approved]
            case .returnToDraft: [.submitted, .financeCleared, .legalCleared, .approved]
            }
        guard expected.contains(stage) else {
            let wanted = expected.map(\.label).joined(separator: ", ")
            return ClearanceError(.wrongStage, step: step, detail: "the report is \(stage.label); this step needs it \(wanted)")
        }
        // A return belongs to whoever holds the step that would come next.
        let owning = step == .returnToDraft ? stage.nextStep! : step
        guard let holder = Self.holder(of: owning, board: boardCode, owner: owner, reportOf: reportOf) else { return nil }
        guard !holder.admits(user) else { return nil }
        return ClearanceError(.notPermitted, step: step, detail: "only \(holder.label) may; \(user.name) is \(user.roleLabel)")
    }

    /// Takes `step` as `user` at `at`.
    /// - Throws: ``ClearanceError`` naming the step and what was wrong; the record is unchanged.
    public mutating func apply(_ step: ClearanceStep, by user: User, at: LocalDateTime) throws(ClearanceError) {
        if let refusal = refusal(of: step.kind, by: user) { throw refusal }
        let from = stage
        var reference: ClearanceReference?
        var comment: String?
        switch step {
        case .submit:
            stage = .submitted
        case .clearFinance(let ref, let title), .clearLegal(let ref, let title):
            let isFinance = step.kind == .clearFinance
            guard ref.kind == (isFinance ? .finance : .legal) else {
                throw ClearanceError(
                    .invalidReference, step: step.kind, detail: "'\(ref)' is not a \(isFinance ? "finance" : "legal") reference")
            }
            let name = title.trimmingWhitespace()
            guard !name.isEmpty else {
                throw ClearanceError(.missingText, step: step.kind, detail: "the clearing officer's title is empty")
            }
            let clearance = Clearance(reference: ref, title: name, by: user.name, at: at)
            if isFinance { finance = clearance } else { legal = clearance }
            stage = isFinance ? .financeCleared : .legalCleared
            reference = ref
            comment = name
        case .approve:
            stage = .approved
        case .addToPack:
            stage = .inPack
        case .returnToDraft(let text):
            let trimmed = text.trimmingWhitespace()
            guard !trimmed.isEmpty else {
                throw ClearanceError(.missingText, step: .returnToDraft, detail: "say why the report goes back (the comment is empty)")
            }
            stage = .draft
            finance = nil
            legal = nil
            comment = trimmed
        }
        history.append(Event(step: step.kind, from: from, to: stage, by: user.name, at: at, reference: reference, comment: comment))
    }

    /// Who may take a step.
    public enum Holder: Hashable, Sendable {
        /// One person, by email.
        case person(Person)
        /// Anyone with a role.
        case role(Role)
        /// The secretary of a board.
        case secretary(board: String)

        public func admits(_ user: User) -> Bool {
            switch self {
            case .person(let person): user.name.lowercased() == person.email.lowercased()
            case .role(let role): user.role == role
            case .secretary(let board): user.isSecretary(of: board)
            }
        }

        /// "the report's owner (owner@example.org)", "a finance officer"…
        public var label: String {
            switch self {
            case .person(let person): "\(person.role) (\(person.email))"
            case .role(let role): "a \(role.rawValue) officer"
            case .secretary(let board): "the secretary of \(board)"
            }
        }
    }

    /// Who takes `step` for this report; nil for a return (see ``refusal(of:by:)``).
    public func holder(of step: ClearanceStep.Kind) -> Holder? {
        Self.holder(of: step, board: boardCode, owner: owner, reportOf: reportOf)
    }

    static func holder(of step: ClearanceStep.Kind, board: String, owner: Person, reportOf: Person) -> Holder? {
        switch step {
        case .submit: .person(owner)
        case .clearFinance: .role(.finance)
        case .clearLegal: .role(.legal)
        case .approve: .person(reportOf)
        case .addToPack: .secretary(board: board)
        case .returnToDraft: nil
        }
    }
}

extension User {
    /// "a lead", "an admin", "a finance officer".
    var roleLabel: String {
        let name = role == .finance || role == .legal ? "\(role.rawValue) officer" : role.rawValue
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}
