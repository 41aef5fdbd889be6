import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Report clearance: each step by its own role, with who and when, and a way back")
struct ReportClearanceTests {
    static let owner = Person(role: "Head of Children's Social Care", email: "head.childrens.social.care@example.org")
    static let director = Person(role: "Director of Social Care and Health", email: "director.social.care@example.org")
    static let at = LocalDateTime(date: d("2017-10-30"), hour: 10, minute: 0)!

    /// Everyone who might try a step.
    enum Actor: String, CaseIterable, CustomTestStringConvertible {
        case owner, finance, legal, director, secretary, otherSecretary, admin, otherLead
        var user: User {
            switch self {
            case .owner: User(name: ReportClearanceTests.owner.email, role: .lead)
            case .finance: User(name: "finance.officer@example.org", role: .finance)
            case .legal: User(name: "legal.officer@example.org", role: .legal)
            case .director: User(name: ReportClearanceTests.director.email, role: .lead)
            case .secretary: User(name: "scrutiny.secretary@example.org", role: .secretary, boardCode: "OSC")
            case .otherSecretary: User(name: "hwbb.secretary@example.org", role: .secretary, boardCode: "HWBB")
            case .admin: User(name: "admin", role: .admin)
            case .otherLead: User(name: "qa.manager@example.org", role: .lead)
            }
        }
        var testDescription: String { rawValue }
    }

    static let financeRef = try! ClearanceReference(parsing: "FD.5470/18", for: .finance)
    static let legalRef = try! ClearanceReference(parsing: "LD.4595/18", for: .legal)

    static func step(_ kind: ClearanceStep.Kind) -> ClearanceStep {
        switch kind {
        case .submit: .submit
        case .clearFinance: .clearFinance(reference: financeRef, title: "Head of Corporate Resources")
        case .clearLegal: .clearLegal(reference: legalRef, title: "Chief Legal and Democratic Officer")
        case .approve: .approve
        case .addToPack: .addToPack
        case .returnToDraft: .returnToDraft(comment: "Please add the costs of the over-recruitment.")
        }
    }

    /// A clearance brought to `stage` by the people who own each step.
    static func clearance(at stage: ClearanceStage) -> ReportClearance {
        var clearance = ReportClearance(board: "OSC", owner: owner, reportOf: director)
        let path: [(ClearanceStep.Kind, Actor)] = [
            (.submit, .owner), (.clearFinance, .finance), (.clearLegal, .legal), (.approve, .director), (.addToPack, .secretary),
        ]
        for (kind, actor) in path where clearance.stage < stage {
            try! clearance.apply(step(kind), by: actor.user, at: at)
        }
        return clearance
    }

    /// The only (stage, step, actor) triples allowed.
    static let allowed: Set<String> = [
        "draft submit owner",
        "submitted clear_finance finance", "submitted return finance",
        "finance_cleared clear_legal legal", "finance_cleared return legal",
        "legal_cleared approve director", "legal_cleared return director",
        "approved add_to_pack secretary", "approved add_to_pack admin",
        "approved return secretary", "approved return admin",
    ]

    @Test("every step at every stage, by everyone: allowed exactly to the role that owns it", arguments: ClearanceStage.allCases)
    func transitionTable(stage: ClearanceStage) {
        for kind in ClearanceStep.Kind.allCases {
            for actor in Actor.allCases {
                var clearance = Self.clearance(at: stage)
                #expect(clearance.stage == stage)
                let key = "\(stage.rawValue) \(kind.rawValue) \(actor.rawValue)"
                do {
                    try clearance.apply(Self.step(kind), by: actor.user, at: Self.at)
                    #expect(Self.allowed.contains(key), "allowed but should be refused: \(key)")
                    #expect(clearance.history.last?.by == actor.user.name)
                    #expect(clearance.history.last?.step == kind)
                } catch {
                    #expect(!Self.allowed.contains(key), "refused but should be allowed: \(key): \(error)")
                    #expect(error.step == kind)
                    #expect(clearance == Self.clearance(at: stage), "a refused step changed the record")
                }
            }
        }
    }

    @Test("refusals name the step and the role that owns it")
    func refusalMessages() {
        var clearance = Self.clearance(at: .submitted)
        do {
            try clearance.apply(Self.step(.clearFinance), by: Actor.legal.user, at: Self.at)
            Issue.record("legal cleared for finance")
        } catch {
            #expect(error.code == .notPermitted)
            #expect(error.description == "cannot clear the report for finance: only a finance officer may; legal.officer@example.org is a legal officer")
        }
        do {
            try clearance.apply(.approve, by: Actor.director.user, at: Self.at)
            Issue.record("approved before clearance")
        } catch {
            #expect(error.code == .wrongStage)
            #expect(error.description == "cannot approve the report: the report is submitted for clearance; this step needs it cleared by legal")
        }
        var legal = Self.clearance(at: .legalCleared)
        do {
            try legal.apply(.approve, by: Actor.owner.user, at: Self.at)
            Issue.record("the owner approved")
        } catch {
            #expect(error.description.contains("only Director of Social Care and Health (director.social.care@example.org) may"))
        }
    }

    @Test("the record keeps who took each step and when, and the references")
    func history() {
        let clearance = Self.clearance(at: .inPack)
        #expect(clearance.history.map(\.step) == [.submit, .clearFinance, .clearLegal, .approve, .addToPack])
        #expect(clearance.history.map(\.to) == [.submitted, .financeCleared, .legalCleared, .approved, .inPack])
        #expect(clearance.history.map(\.by) == [
            Self.owner.email, "finance.officer@example.org", "legal.officer@example.org", Self.director.email,
            "scrutiny.secretary@example.org",
        ])
        #expect(clearance.finance?.reference.description == "FD.5470/18")
        #expect(clearance.legal?.by == "legal.officer@example.org")
        #expect(clearance.history.allSatisfy { $0.at == Self.at })
    }

    @Test("a return sends the report back to draft with its comment and drops its clearances")
    func returned() throws {
        var clearance = Self.clearance(at: .legalCleared)
        try clearance.apply(.returnToDraft(comment: "  Add the revenue costs.  "), by: Actor.director.user, at: Self.at)
        #expect(clearance.stage == .draft)
        #expect(clearance.returnComment == "Add the revenue costs.")
        #expect(clearance.finance == nil && clearance.legal == nil)
        #expect(clearance.internalConsultations == nil)
        #expect(clearance.history.last?.from == .legalCleared)

        var empty = Self.clearance(at: .submitted)
        #expect(throws: ClearanceError.self) { try empty.apply(.returnToDraft(comment: " "), by: Actor.finance.user, at: Self.at) }
        #expect(empty.stage == .submitted)
    }

    @Test("a clearance needs its own kind of reference and the officer's title")
    func referenceKindAndTitle() {
        var clearance = Self.clearance(at: .submitted)
        #expect(throws: ClearanceError.self) {
            try clearance.apply(.clearFinance(reference: Self.legalRef, title: "Head of Corporate Resources"), by: Actor.finance.user, at: Self.at)
        }
        #expect(throws: ClearanceError.self) {
            try clearance.apply(.clearFinance(reference: Self.financeRef, title: " "), by: Actor.finance.user, at: Self.at)
        }
        #expect(clearance.stage == .submitted)
    }

    @Test("the Internal Consultations are written in the council's wording from the record")
    func internalConsultations() {
        #expect(Self.clearance(at: .submitted).internalConsultations == nil)
        #expect(
            Self.clearance(at: .financeCleared).internalConsultations
                == "The Head of Corporate Resources (FD.5470/18) has been consulted and any comments have been incorporated into the report.")
        #expect(
            Self.clearance(at: .approved).internalConsultations
                == "The Head of Corporate Resources (FD.5470/18) and the Chief Legal and Democratic Officer (LD.4595/18) have been consulted and any comments have been incorporated into the report.")
    }

    @Test("with no record, or none cleared yet, the cover claims no consultation")
    func noInternalConsultations() {
        let none = "No internal consultations have been recorded: the report has not been cleared by finance or legal."
        #expect(ReportClearance.internalConsultations(of: nil) == none)
        #expect(ReportClearance.internalConsultations(of: Self.clearance(at: .submitted)) == none)
        #expect(ReportClearance.internalConsultations(of: Self.clearance(at: .financeCleared)).hasPrefix("The Head of Corporate Resources (FD.5470/18) has"))
    }
}

@Suite("Clearance deadlines run back from publication in working days")
struct ClearanceScheduleTests {
    let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())

    @Test("the 14 November 2017 Scrutiny pack, published by Monday 6 November, by the defaults")
    func defaults() {
        let deadlines = ClearanceSchedule().deadlines(publishBy: d("2017-11-06"), calendar: calendar)
        #expect(deadlines.draft == d("2017-10-30"))
        #expect(deadlines.clearance == d("2017-11-01"))
        #expect(deadlines.approval == d("2017-11-03"))
        #expect(deadlines.pack == d("2017-11-06"))
    }

    @Test("over Christmas: publication on Thursday 3 January 2019 wants the draft by Christmas Eve")
    func overChristmas() {
        let deadlines = ClearanceSchedule(draftDueWorkingDays: 5, clearanceDueWorkingDays: 3, approvalDueWorkingDays: 1)
            .deadlines(publishBy: d("2019-01-03"), calendar: calendar)
        // Back from 3 January: 2 January, 31, 28, 27, 24 December (1 January, 25 and 26 December are holidays).
        #expect(deadlines.approval == d("2019-01-02"))
        #expect(deadlines.clearance == d("2018-12-28"))
        #expect(deadlines.draft == d("2018-12-24"))
    }

    @Test("a schedule whose steps are out of order is refused with the reason")
    func order() {
        #expect(ClearanceSchedule().problem == nil)
        #expect(ClearanceSchedule(draftDueWorkingDays: 2, clearanceDueWorkingDays: 3, approvalDueWorkingDays: 1).problem != nil)
        #expect(ClearanceSchedule(draftDueWorkingDays: 5, clearanceDueWorkingDays: 3, approvalDueWorkingDays: -1).problem != nil)
    }

    @Test("the late step is the waiting one, chased from the day after it was due, to its owner")
    func lateStep() {
        let deadlines = ClearanceSchedule().deadlines(publishBy: d("2017-11-06"), calendar: calendar)
        let submitted = ReportClearanceTests.clearance(at: .submitted)
        #expect(submitted.lateStep(on: d("2017-11-01"), deadlines: deadlines, calendar: calendar) == nil)
        let late = submitted.lateStep(on: d("2017-11-02"), deadlines: deadlines, calendar: calendar)
        #expect(late?.step == .clearFinance)
        #expect(late?.chase == .role(.finance))
        #expect(late?.workingDaysLate == 1)
        #expect(late?.key(report: "OSC-2017-11-14/4") == "clearance|OSC-2017-11-14/4|clear_finance|2017-11-01")

        let draft = ReportClearanceTests.clearance(at: .draft)
        let draftLate = draft.lateStep(on: d("2017-10-31"), deadlines: deadlines, calendar: calendar)
        #expect(draftLate?.chase == .person(ReportClearanceTests.owner))

        let cleared = ReportClearanceTests.clearance(at: .legalCleared)
        let approval = cleared.lateStep(on: d("2017-11-06"), deadlines: deadlines, calendar: calendar)
        #expect(approval?.step == .approve)
        #expect(approval?.chase == .person(ReportClearanceTests.director))
        #expect(approval?.workingDaysLate == 1)
        #expect(ReportClearanceTests.clearance(at: .inPack).lateStep(on: d("2017-12-01"), deadlines: deadlines, calendar: calendar) == nil)
    }
}

@Suite("Finance and legal references")
struct ClearanceReferenceTests {
    @Test("FD.5470/18, LD.4595/18 and the older FD 4914/17 are read, as written", arguments: [
        ("FD.5470/18", ClearanceReference.Kind.finance, 5470, 18), ("LD.4595/18", .legal, 4595, 18), ("FD 4914/17", .finance, 4914, 17),
    ])
    func valid(text: String, kind: ClearanceReference.Kind, number: Int, year: Int) throws {
        let reference = try ClearanceReference(parsing: text, for: kind)
        #expect(reference.number == number)
        #expect(reference.year == year)
        #expect(reference.description == text)
    }

    @Test("anything else is refused, saying the form", arguments: ["LD.4595/18", "FD5470/18", "FD.5470/2018", "FD.ab/18", "FD.5470", "", "FD./18"])
    func invalid(text: String) {
        do {
            _ = try ClearanceReference(parsing: text, for: .finance)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.code == .invalidReference)
            #expect(error.description.contains("FD.5470/18"))
        }
    }
}
