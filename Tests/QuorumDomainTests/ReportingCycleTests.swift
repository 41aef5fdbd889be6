import Testing

@testable import QuorumDomain

@Suite("Reporting-cycle cadences")
struct ReportingCycleTests {
    private func cycle(every months: Int, first: String, last: String? = nil) -> ReportingCycle {
        ReportingCycle(
            key: "performance", title: "Performance report", reportOf: "Director",
            owner: Person(role: "Head of Service", email: "head@example.org"), cadenceMonths: months,
            firstMonth: YearMonth(iso: first)!, lastMonth: last.flatMap { YearMonth(iso: $0) }, appendices: [.scorecard])
    }

    @Test func aSixMonthlyCycleFallsEveryMayAndNovember() {
        let months = cycle(every: 6, first: "2017-11").occurrenceMonths(through: YearMonth(year: 2019, month: 12))
        #expect(months.map(\.description) == ["2017-11", "2018-05", "2018-11", "2019-05", "2019-11"])
    }

    @Test func anAnnualCycleStopsAtItsLastMonth() {
        let months = cycle(every: 12, first: "2018-12", last: "2020-06").occurrenceMonths(through: YearMonth(year: 2025, month: 1))
        #expect(months.map(\.description) == ["2018-12", "2019-12"])
    }

    @Test(arguments: [
        ("2017-01", "2017-11"), ("2017-11", "2017-11"), ("2017-12", "2018-05"), ("2018-05", "2018-05"), ("2018-06", "2018-11"),
    ])
    func theNextOccurrenceIsTheFirstInOrAfterAMonth(month: String, expected: String) {
        #expect(cycle(every: 6, first: "2017-11").nextOccurrence(onOrAfter: YearMonth(iso: month)!)?.description == expected)
    }

    @Test func anEndedCycleHasNoNextOccurrence() {
        #expect(cycle(every: 12, first: "2018-12", last: "2019-12").nextOccurrence(onOrAfter: YearMonth(year: 2020, month: 1)) == nil)
    }
}
