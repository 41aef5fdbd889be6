import Testing

@testable import QuorumDomain

@Suite("Targets, comparators, units and direction against a year before")
struct TargetsAndComparatorsTests {
    static func p(_ text: String) -> Period { try! Period(parsing: text) }
    static func v(_ id: String, _ period: String, _ value: Double) -> MeasureValue {
        MeasureValue(measureID: id, period: p(period), value: value)
    }

    /// The seed's caseloads: a mean of 24 against a target of 18 (lower is better).
    static var caseload: Measure {
        var measure = try! Measure(
            id: "caseload", recommendationID: "3", name: "Average social worker caseload", shows: "Manageable caseloads",
            polarity: .lower, requiresImprovement: "25-22", good: "21-18", outstanding: "<18", isAudit: false)
        measure.target = 18
        measure.unit = .count
        return measure
    }

    /// The seed's turnover: 8.2% against a national 15.1%.
    static var turnover: Measure {
        var measure = try! Measure(
            id: "turnover", recommendationID: "3", name: "Social worker turnover", shows: "A stable workforce",
            polarity: .decrease, requiresImprovement: nil, good: nil, outstanding: nil, isAudit: false)
        measure.unit = .percent
        measure.comparators = [
            Comparator(kind: .national, value: 15.1, period: p("2016/17"), source: "DfE children's social work workforce"),
            Comparator(kind: .statisticalNeighbours, value: 14.0, period: p("2016/17"), source: "DfE children's social work workforce"),
        ]
        return measure
    }

    @Test("a caseload of 24 misses the target of 18; 18 meets it; 17 beats it")
    func target() {
        #expect(Self.caseload.meetsTarget(24) == false)
        #expect(Self.caseload.meetsTarget(18) == true)
        #expect(Self.caseload.meetsTarget(17) == true)
        #expect(Self.turnover.meetsTarget(8.2) == nil)
    }

    @Test("turnover of 8.2% is better than the national 15.1%, for a measure where falling is better")
    func comparators() {
        let measure = Self.turnover
        #expect(measure.standing(of: 8.2, against: measure.comparators[0]) == .better)
        #expect(measure.standing(of: 16, against: measure.comparators[1]) == .worse)
        #expect(measure.standing(of: 15.1, against: measure.comparators[0]) == .level)
        #expect(MeasureUnit.percent.format(8.2) == "8.2%")
        #expect(MeasureUnit.per10000.format(17.1) == "17.1 per 10,000")
        #expect(MeasureUnit(parsing: "per 10,000") == .per10000)
    }

    @Test("the same period a year before: a quarter, a month and a year")
    func yearBefore() {
        #expect(Self.p("2017/18 Q2").sameOneYearBefore == Self.p("2016/17 Q2"))
        #expect(Self.p("2017-10").sameOneYearBefore == Self.p("2016-10"))
        #expect(Self.p("2017/18").sameOneYearBefore == Self.p("2016/17"))
    }

    @Test("direction of travel against the previous quarter and against the same quarter a year before")
    func directionTwoWays() {
        let values = [
            Self.v("caseload", "2016/17 Q3", 27), Self.v("caseload", "2017/18 Q2", 22), Self.v("caseload", "2017/18 Q3", 24),
        ]
        let row = Scorecard.rows(measures: [Self.caseload], values: values, period: Self.p("2017/18 Q3"))[0]
        #expect(row.previous?.period == Self.p("2017/18 Q2"))
        #expect(row.direction == .declining)  // 22 → 24: worse for a lower-is-better measure
        #expect(row.yearAgo?.period == Self.p("2016/17 Q3"))
        #expect(row.directionSinceYearAgo == .improving)  // 27 → 24: better than a year before
        #expect(row.meetsTarget == false)

        let noYearAgo = Scorecard.rows(measures: [Self.caseload], values: Array(values.dropFirst()), period: Self.p("2017/18 Q3"))[0]
        #expect(noYearAgo.yearAgo == nil)
        #expect(noYearAgo.directionSinceYearAgo == .new)
    }
}
