import QuorumDomain
import Testing

@Suite("The scorecard: values by period, judged and compared")
struct ScorecardTests {
    static func p(_ text: String) -> Period { try! Period(parsing: text) }
    static func v(_ id: String, _ period: String, _ value: Double) -> MeasureValue {
        MeasureValue(measureID: id, period: p(period), value: value)
    }

    static let within45 = try! Measure(
        id: "assess45", recommendationID: "1.1", name: "Percentage of assessments completed within 45 days",
        shows: "Timeliness against the national standard", polarity: .higher,
        requiresImprovement: "75-80", good: "81-89", outstanding: "90+", isAudit: false)
    static let leavers = try! Measure(
        id: "leavers", recommendationID: "1.3", name: "Percentage of care leavers living in suitable accommodation",
        shows: "Accommodation needs are prioritised", polarity: .higher,
        requiresImprovement: "80-89", good: "90-94", outstanding: "95-100", isAudit: false)
    static let reReferrals = try! Measure(
        id: "rerefs", recommendationID: "2", name: "Percentage of re-referrals within 12 months",
        shows: "Decision-making is well informed", polarity: .lower,
        requiresImprovement: "20-24", good: "19-16", outstanding: "<16", isAudit: false)
    static let alerts = try! Measure(
        id: "alerts", recommendationID: "3", name: "Average number of practice alerts raised across all IROs",
        shows: "The policy is applied evenly", polarity: .increase,
        requiresImprovement: "Increase", good: nil, outstanding: nil, isAudit: false)
    static let measures = [within45, leavers, reReferrals, alerts]

    static let values = [
        v("assess45", "2016/17", 80.0), v("assess45", "2017/18", 76.4),
        v("leavers", "2016/17", 92.7), v("leavers", "2017/18", 91.2),
        v("rerefs", "2015/16", 22.0), v("rerefs", "2017/18", 18.0),
        v("alerts", "2017/18 Q1", 10), v("alerts", "2017/18 Q2", 14),
        v("alerts", "2017-07", 4), v("alerts", "2017-09", 5),
    ]

    @Test("with no period, the latest period present: the year that ends last")
    func latestByDefault() {
        let rows = Scorecard.rows(measures: Self.measures, values: Self.values, period: nil)
        #expect(rows.map(\.measure.id) == ["assess45", "leavers", "rerefs", "alerts"])
        #expect(rows.dropLast().allSatisfy { $0.period == Self.p("2017/18") })

        #expect(rows[0].value == 76.4)
        #expect(rows[0].previous == Self.v("assess45", "2016/17", 80.0))
        #expect(rows[0].band == .requiresImprovement)
        #expect(rows[0].direction == .declining)

        // Care leavers: 91.2% against 92.7% the year before.
        #expect(rows[1].band == .good)
        #expect(rows[1].direction == .declining)

        // No 2016/17 figure: compared with 2015/16; lower is better, so the fall improves.
        #expect(rows[2].previous?.period == Self.p("2015/16"))
        #expect(rows[2].band == .good)
        #expect(rows[2].direction == .improving)

        // Trend-only measure with no yearly value: its latest figure inside the year, the Q2 one
        // (Q2 and September end together; the quarter is the longer), against Q1.
        #expect(rows[3].period == Self.p("2017/18 Q2"))
        #expect(rows[3].value == 14)
        #expect(rows[3].previous == Self.v("alerts", "2017/18 Q1", 10))
        #expect(rows[3].band == Band.none)
        #expect(rows[3].direction == .improving)
    }

    @Test("a measure with nothing in the period asked for keeps an empty row with the period asked for")
    func nothingInPeriod() {
        let rows = Scorecard.rows(measures: [Self.alerts], values: Self.values, period: Self.p("2018/19"))
        #expect(rows.count == 1)
        #expect(rows[0].period == Self.p("2018/19"))
        #expect(rows[0].value == nil && rows[0].direction == .new)
    }

    @Test("a quarter is compared with the quarter before, not with a year or a month")
    func quarters() {
        let rows = Scorecard.rows(measures: Self.measures, values: Self.values, period: Self.p("2017/18 Q2"))
        let alerts = rows[3]
        #expect(alerts.value == 14)
        #expect(alerts.previous == Self.v("alerts", "2017/18 Q1", 10))
        #expect(alerts.band == Band.none)
        #expect(alerts.direction == .improving)
        #expect(rows[0].value == nil && rows[0].previous == nil)
    }

    @Test("a month skips back over a missing month to the last one recorded")
    func months() {
        let rows = Scorecard.rows(measures: [Self.alerts], values: Self.values, period: Self.p("2017-09"))
        #expect(rows[0].previous == Self.v("alerts", "2017-07", 4))
        #expect(rows[0].direction == .improving)
    }

    @Test("the previous period crosses financial and calendar years")
    func acrossYears() {
        let values = [
            Self.v("rerefs", "2017/18 Q4", 21), Self.v("rerefs", "2018/19 Q1", 19),
            Self.v("rerefs", "2017-12", 23), Self.v("rerefs", "2018-01", 23),
        ]
        let q1 = Scorecard.rows(measures: [Self.reReferrals], values: values, period: Self.p("2018/19 Q1"))[0]
        #expect(q1.previous?.period == Self.p("2017/18 Q4"))
        #expect(q1.direction == .improving)
        #expect(q1.band == .good)
        let january = Scorecard.rows(measures: [Self.reReferrals], values: values, period: Self.p("2018-01"))[0]
        #expect(january.previous?.period == Self.p("2017-12"))
        #expect(january.direction == .stable)
        #expect(january.band == .requiresImprovement)
    }

    @Test("an earlier period is compared with the one before it, never with a later one")
    func earlierPeriod() {
        let rows = Scorecard.rows(measures: [Self.within45], values: Self.values, period: Self.p("2016/17"))
        #expect(rows[0].value == 80)
        #expect(rows[0].previous == nil)
        #expect(rows[0].direction == .new)
        #expect(rows[0].band == .requiresImprovement)
    }

    @Test(
        "the latest period: the one that ends last, the longest of those that end together",
        arguments: [
            (["2017/18", "2017/18 Q4", "2018-03"], "2017/18"),
            (["2017/18 Q4", "2018-03"], "2017/18 Q4"),
            (["2017/18", "2018-04"], "2018-04"),
            (["2017/18 Q2", "2016/17", "2017-08"], "2017/18 Q2"),
            (["2016/17", "2015/16"], "2016/17"),
        ])
    func latestPeriod(periods: [String], expected: String) {
        let values = periods.map { Self.v("assess45", $0, 80) }
        #expect(Scorecard.latestPeriod(in: values) == Self.p(expected))
    }

    @Test("no values, no rows; unlisted measures neither show nor decide the period")
    func emptyAndUnlisted() {
        #expect(Scorecard.latestPeriod(in: []) == nil)
        #expect(Scorecard.rows(measures: Self.measures, values: [], period: nil).isEmpty)
        let values = [Self.v("assess45", "2016/17", 80), Self.v("elsewhere", "2019/20", 1)]
        let rows = Scorecard.rows(measures: [Self.within45], values: values, period: nil)
        #expect(rows.count == 1)
        #expect(rows[0].period == Self.p("2016/17"))
    }

    @Test("of two values for one period, the later given counts")
    func duplicates() {
        let values = [Self.v("assess45", "2017/18", 70), Self.v("assess45", "2017/18", 85)]
        let row = Scorecard.rows(measures: [Self.within45], values: values, period: nil)[0]
        #expect(row.value == 85)
        #expect(row.band == .good)
    }
}
