import Testing

@testable import QuorumDomain

@Suite("Who is chased, about what, on which day")
struct ReminderPlannerTests {
    static func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    let workingDays = WorkingDayCalendar(bankHolidays: BankHolidays())
    var planner: ReminderPlanner { ReminderPlanner(policy: ReminderPolicy(), workingDays: workingDays) }

    static let owner = Person(role: "Head of Children's Social Care", email: "head@example.org")
    static let secretary = Person(role: "Scrutiny Officer", email: "scrutiny@example.org")
    static let planSecretary = Person(role: "Improvement Board Secretary", email: "cypcib@example.org")

    static func board(_ code: String, secretary: Person = secretary) -> Board {
        Board(
            code: code, name: "\(code) board", chair: Person(role: "Chair", email: "chair@example.org"), secretary: secretary,
            members: [], reportsTo: [], meetsInPublic: true,
            calendar: MeetingCalendar(defaultTime: LocalTime(hour: 18, minute: 30)!, defaultVenue: "Town Hall"), cycles: [])
    }

    static let cycle = ReportingCycle(
        key: "performance", title: "Bi-annual performance report", reportOf: "Director", owner: owner, cadenceMonths: 6,
        firstMonth: YearMonth(year: 2017, month: 11), appendices: [.scorecard])

    /// The November 2017 Scrutiny report: meeting Tuesday 14 November, papers out Monday 6,
    /// draft due Monday 30 October.
    func scrutinyReport(meeting: String? = "2017-11-14") -> ReminderPlanner.Report {
        let occurrence = ReportingSchedule(workingDays: workingDays)
            .occurrences(
                of: Self.cycle, board: "OSC", meetingDates: meeting.map { [Self.d($0)] } ?? [],
                through: YearMonth(year: 2017, month: 11))[0]
        return ReminderPlanner.Report(occurrence: occurrence, cycle: Self.cycle, board: Self.board("OSC"))
    }

    func reportNotices(on date: String, submitted: Set<String> = [], meeting: String? = "2017-11-14") -> [Notice] {
        planner.notices(on: Self.d(date), reports: [scrutinyReport(meeting: meeting)], submitted: submitted, actions: [], listed: [], planBoard: nil)
    }

    @Test func theDraftDeadlineIsFiveWorkingDaysBeforePublication() {
        #expect(scrutinyReport().occurrence.draftDue == Self.d("2017-10-30"))
    }

    @Test(arguments: [
        // 10 working days before Monday 30 October is Monday 16 October; 3 is Wednesday 25.
        ("2017-10-13", nil), ("2017-10-16", 10), ("2017-10-20", 10), ("2017-10-24", 10), ("2017-10-25", 3),
        ("2017-10-29", 3), ("2017-10-30", 0),
    ] as [(String, Int?)])
    func theOwnerIsRemindedTenAndThreeWorkingDaysBeforeAndOnTheDay(date: String, stage: Int?) {
        let notices = reportNotices(on: date)
        #expect(notices.first?.round == stage)
        if let stage {
            #expect(notices.count == 1)
            #expect(notices[0].kind == .reportDue && notices[0].recipient == Self.owner && notices[0].cc.isEmpty)
            #expect(notices[0].key == "report.due|head@example.org|OSC/performance/2017-11|2017-10-30|\(stage)")
            #expect(notices[0].webhookEvent == "report.due")
        } else {
            #expect(notices.isEmpty)
        }
    }

    @Test func remindersCountWorkingDaysAcrossChristmas() {
        // A meeting on Tuesday 9 January 2018. Its five clear working days are 2-5 and 8 January
        // (1 January is a bank holiday), so papers go out on Friday 29 December. The draft is due
        // five working days before that, skipping Christmas Day and Boxing Day: Wednesday 20
        // December. Ten working days before that is Wednesday 6 December; three, Friday 15.
        let cycle = ReportingCycle(
            key: "annual", title: "Annual report", reportOf: "Director", owner: Self.owner, cadenceMonths: 12,
            firstMonth: YearMonth(year: 2018, month: 1), appendices: [])
        let occurrence = ReportingSchedule(workingDays: workingDays)
            .occurrences(of: cycle, board: "HWBB", meetingDates: [Self.d("2018-01-09")], through: YearMonth(year: 2018, month: 1))[0]
        #expect(occurrence.publishBy == Self.d("2017-12-29"))
        #expect(occurrence.draftDue == Self.d("2017-12-20"))
        let report = ReminderPlanner.Report(occurrence: occurrence, cycle: cycle, board: Self.board("HWBB"))
        func stage(_ date: String) -> Int? {
            planner.notices(on: Self.d(date), reports: [report], submitted: [], actions: [], listed: [], planBoard: nil).first?.round
        }
        #expect(stage("2017-12-05") == nil)
        #expect(stage("2017-12-06") == 10)
        #expect(stage("2017-12-14") == 10)
        #expect(stage("2017-12-15") == 3)
        #expect(stage("2017-12-20") == 0)
    }

    @Test func afterTheDeadlineTheOwnerGetsALateNoticeCopiedToTheSecretaryUntilTheMeeting() {
        for date in ["2017-10-31", "2017-11-06", "2017-11-14"] {
            let notices = reportNotices(on: date)
            #expect(notices.count == 1)
            #expect(notices[0].kind == .reportLate)
            #expect(notices[0].cc == [Self.secretary])
            #expect(notices[0].key == "report.late|head@example.org|OSC/performance/2017-11|2017-10-30")
        }
        #expect(reportNotices(on: "2017-11-15").isEmpty, "after the meeting there is nothing to chase")
    }

    @Test func aSubmittedReportIsNotChased() {
        #expect(reportNotices(on: "2017-10-25", submitted: ["OSC/performance/2017-11"]).isEmpty)
        #expect(reportNotices(on: "2017-11-01", submitted: ["OSC/performance/2017-11"]).isEmpty)
    }

    @Test func aReportWithNoMeetingWarnsTheSecretaryFromAMonthBefore() {
        #expect(reportNotices(on: "2017-09-30", meeting: nil).isEmpty)
        let notices = reportNotices(on: "2017-10-02", meeting: nil)
        #expect(notices.count == 1)
        #expect(notices[0].kind == .reportUnscheduled && notices[0].recipient == Self.secretary)
        #expect(notices[0].key == "report.unscheduled|scrutiny@example.org|OSC/performance/2017-11")
        #expect(reportNotices(on: "2017-12-01", meeting: nil).isEmpty)
    }

    static func action(_ ref: String, lead: Person, review: String, updates: [ActionUpdate] = []) -> PlanAction {
        PlanAction(
            ref: ref, recommendationID: String(ref.split(separator: ".").dropLast().joined(separator: ".")), text: "Action \(ref)",
            reviewDate: .date(d(review)), lead: lead, status: .open, updates: updates)
    }

    static let qa = Person(role: "QA Manager", email: "qa@example.org")
    static let pso = Person(role: "Principal Social Worker", email: "psw@example.org")

    @Test func eachLeadGetsOneDigestOfTheirDueAndOverdueActions() {
        let actions = [
            Self.action("1.1.10", lead: Self.qa, review: "2017-10-31"),
            Self.action("1.1.2", lead: Self.qa, review: "2017-11-05"),
            Self.action("2.1", lead: Self.qa, review: "2018-01-31"),
            Self.action("1.2.1", lead: Self.pso, review: "2017-09-30"),
        ]
        let notices = planner.notices(on: Self.d("2017-11-01"), reports: [], submitted: [], actions: actions, listed: [], planBoard: nil)
        #expect(notices.map(\.recipient) == [Self.psw, Self.qa])
        let qa = notices[1]
        #expect(qa.kind == .actionDigest && qa.key == "action.digest|qa@example.org|2017-11-01")
        #expect(qa.actions.map(\.ref) == ["1.1.2", "1.1.10"], "by reference number, 2.1 not yet due")
        #expect(qa.actions.map(\.state) == [.due, .overdue])
        #expect(qa.webhookEvent == "action.overdue")
        #expect(notices[0].actions.first?.daysOverdue == 32)
    }

    static let psw = pso

    @Test func overAMonthOfDailySweepsAnOverdueActionRepeatsWeeklyAndEscalatesAfterAFortnight() {
        let action = Self.action("1.1.4", lead: Self.qa, review: "2017-10-31")
        let owner = Self.board("CYPCIB", secretary: Self.planSecretary)
        var listed: Set<String> = []
        var sent: [(date: LocalDate, days: Int, cc: [Person])] = []
        var day = Self.d("2017-10-25")
        while day <= Self.d("2017-11-30") {
            for notice in planner.notices(on: day, reports: [], submitted: [], actions: [action], listed: listed, planBoard: owner) {
                listed.formUnion(notice.actions.map(\.key))
                sent.append((day, notice.actions[0].daysOverdue, notice.cc))
            }
            day = day.adding(days: 1)
        }
        // Due once (from 24 October it is within 7 days), then overdue on days 1, 8, 15, 22 and 29.
        #expect(sent.map(\.date.description) == ["2017-10-25", "2017-11-01", "2017-11-08", "2017-11-15", "2017-11-22", "2017-11-29"])
        #expect(sent.map(\.days) == [0, 1, 8, 15, 22, 29])
        #expect(sent.map { $0.cc.isEmpty } == [true, true, true, false, false, false], "copied to the plan's secretary from 14 days")
        #expect(sent[3].cc == [Self.planSecretary])
    }

    @Test func anUpdatePostedAfterTheReviewDateStopsTheChasing() {
        let updated = Self.action(
            "1.1.4", lead: Self.qa, review: "2017-10-31",
            updates: [ActionUpdate(date: Self.d("2017-11-03"), text: "Audit done; report to SMT", author: "qa@example.org")])
        #expect(planner.notices(on: Self.d("2017-11-08"), reports: [], submitted: [], actions: [updated], listed: [], planBoard: nil).isEmpty)
    }

    @Test func aNewReviewDateStartsTheCountAgain() {
        let moved = Self.action(
            "1.1.4", lead: Self.qa, review: "2017-10-31",
            updates: [ActionUpdate(date: Self.d("2017-10-20"), text: "Moved", author: "qa@example.org", newReviewDate: Self.d("2017-12-31"))])
        #expect(planner.notices(on: Self.d("2017-11-08"), reports: [], submitted: [], actions: [moved], listed: [], planBoard: nil).isEmpty)
        let january = planner.notices(on: Self.d("2018-01-01"), reports: [], submitted: [], actions: [moved], listed: [], planBoard: nil)
        #expect(january.first?.actions.first?.key == "action|1.1.4|2017-12-31|overdue|0")
    }
}
