import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("A meeting's readiness: notices due or late, reports waiting on whom")
struct MeetingReadinessTests {
    let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())

    @Test("the 14 November 2017 Scrutiny meeting on 2 November: the report waits on finance, a day late")
    func scrutiny() {
        let readiness = MeetingReadiness(
            meetingDate: d("2017-11-14"), publishBy: d("2017-11-06"), asOf: d("2017-11-02"), keyDecisions: [],
            privateNotices: nil,
            reports: [("Bi-annual progress report", ReportClearanceTests.clearance(at: .submitted))],
            schedule: ClearanceSchedule(), calendar: calendar)
        #expect(readiness.reports.map(\.waitingFor) == [.clearFinance])
        #expect(readiness.reports[0].holder == .role(.finance))
        #expect(readiness.unapprovedReports.count == 1)
        #expect(readiness.warnings == [
            "Bi-annual progress report: clear the report for finance is late (due 2017-11-01); chase a finance officer"
        ])
    }

    @Test("late notices and an unapproved report are all warned of; a report in the pack is not")
    func everything() throws {
        let entry = try ForwardPlanEntry(
            reference: "FP-2018-07", title: "Sufficiency strategy", decisionMaker: "CABINET", meetingDate: d("2018-12-12"),
            firstPublished: d("2018-12-01"))
        let notices = PrivateMeetingNotices(meetingDate: d("2018-12-12"))
        let readiness = MeetingReadiness(
            meetingDate: d("2018-12-12"), publishBy: d("2018-12-04"), asOf: d("2018-12-10"), keyDecisions: [entry],
            privateNotices: notices,
            reports: [
                ("Annual report", ReportClearanceTests.clearance(at: .inPack)),
                ("Sufficiency strategy", ReportClearanceTests.clearance(at: .legalCleared)),
            ],
            schedule: ClearanceSchedule(), calendar: calendar)
        let warnings = readiness.warnings
        // Too late for the general exception (due 6 December): special urgency, nothing yet recorded but still time.
        #expect(readiness.keyDecisions[0].notice.route == .specialUrgency)
        #expect(warnings.filter { $0.hasPrefix("private meeting:") }.count == 2)
        #expect(warnings.contains { $0.hasPrefix("Sufficiency strategy: approve the report is late (due 2018-12-03)") })
        #expect(!warnings.contains { $0.hasPrefix("Annual report") })
        #expect(readiness.unapprovedReports.map(\.title) == ["Sufficiency strategy"])
    }
}
