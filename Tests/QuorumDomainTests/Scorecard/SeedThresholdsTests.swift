import QuorumDomain
import Testing

/// Every threshold row of the seed improvement plan (the council's 2017 plan), with the polarity the demo
/// data gives it, judged at its edges: each band's first and last values, the gaps between
/// written ranges, and the overlaps.
struct SeedRow: Sendable, CustomTestStringConvertible {
    let measure: String
    let polarity: Polarity
    let ri: String
    let good: String
    let outstanding: String
    let vectors: [(Double, Band)]

    var testDescription: String { "\(measure) (\(polarity.rawValue): \(ri) \(good) \(outstanding))" }

    func thresholds() throws -> Thresholds {
        try Thresholds(requiresImprovement: ri, good: good, outstanding: outstanding, polarity: polarity)
    }

    static let all: [SeedRow] = [
        // 1.1
        SeedRow(
            measure: "seen within 10 days of the assessment start (overlap at 75, gap 84–85)", polarity: .higher,
            ri: "65-75", good: "75-84", outstanding: "85+",
            vectors: [(64.9, .inadequate), (65, .requiresImprovement), (74.9, .requiresImprovement), (75, .good),
                      (84, .good), (84.5, .good), (85, .outstanding), (100, .outstanding)]),
        SeedRow(
            measure: "assessments within 15 days", polarity: .higher, ri: "30-39", good: "40-49", outstanding: "50-100",
            vectors: [(29.9, .inadequate), (30, .requiresImprovement), (39.5, .requiresImprovement), (40, .good),
                      (49.5, .good), (50, .outstanding), (100, .outstanding)]),
        SeedRow(
            measure: "assessments within 35 days", polarity: .higher, ri: "65-74", good: "75-80", outstanding: "85+",
            vectors: [(64, .inadequate), (65, .requiresImprovement), (74.5, .requiresImprovement), (75, .good),
                      (80.5, .good), (82, .good), (84.9, .good), (85, .outstanding)]),
        SeedRow(
            measure: "assessments within 45 days", polarity: .higher, ri: "75-80", good: "81-89", outstanding: "90+",
            vectors: [(74.9, .inadequate), (75, .requiresImprovement), (76.4, .requiresImprovement),
                      (80.5, .requiresImprovement), (81, .good), (89.5, .good), (90, .outstanding)]),
        SeedRow(
            measure: "assessments completed as NFA (>24 read as 24 or under; 40-49 overlap goes to good)",
            polarity: .lower, ri: "40-50", good: "49-25", outstanding: ">24",
            vectors: [(50.1, .inadequate), (50, .requiresImprovement), (49.5, .requiresImprovement), (49, .good),
                      (45, .good), (40, .good), (25, .good), (24.5, .good), (24, .outstanding), (0, .outstanding)]),
        SeedRow(
            measure: "assessments audited good; CLA, CwD and CP-ending assessments (audit)", polarity: .higher,
            ri: "50-60", good: "61-80", outstanding: "81+",
            vectors: [(49.9, .inadequate), (50, .requiresImprovement), (60.5, .requiresImprovement), (61, .good),
                      (80.5, .good), (81, .outstanding)]),
        SeedRow(
            measure: "plans, assessment and risk, care plans, diversity, placements, IHA, health checks… (65-79 80-89 90-100)",
            polarity: .higher, ri: "65-79", good: "80-89", outstanding: "90-100",
            vectors: [(64.9, .inadequate), (65, .requiresImprovement), (79.5, .requiresImprovement), (80, .good),
                      (89.5, .good), (90, .outstanding), (100, .outstanding), (101, .outstanding)]),
        SeedRow(
            measure: "child protection plan for a second or subsequent time", polarity: .lower,
            ri: "25-20", good: "19-15", outstanding: "<14",
            vectors: [(25.1, .inadequate), (25, .requiresImprovement), (20, .requiresImprovement),
                      (19.5, .requiresImprovement), (19, .good), (17.1, .good), (15, .good), (14.5, .good),
                      (14, .good), (13.9, .outstanding)]),
        SeedRow(
            measure: "children seen within 5 and 10 days; statutory and CiN visits; CP review forms", polarity: .higher,
            ri: "70-84", good: "85-94", outstanding: "95-100",
            vectors: [(69.9, .inadequate), (70, .requiresImprovement), (84.5, .requiresImprovement), (85, .good),
                      (94.5, .good), (95, .outstanding), (100, .outstanding)]),
        SeedRow(
            measure: "homeless 16 and 17 year olds assessed in 10 working days; supervisions (70-79 80-89 90-100)",
            polarity: .higher, ri: "70-79", good: "80-89", outstanding: "90-100",
            vectors: [(69.9, .inadequate), (70, .requiresImprovement), (79.5, .requiresImprovement), (80, .good),
                      (89.5, .good), (90, .outstanding)]),
        SeedRow(
            measure: "Early Help cases closed for lack of engagement", polarity: .lower,
            ri: "25-21", good: "20-16", outstanding: "<15%",
            vectors: [(25.5, .inadequate), (25, .requiresImprovement), (21, .requiresImprovement),
                      (20.5, .requiresImprovement), (20, .good), (16, .good), (15.5, .good), (15, .good),
                      (14.9, .outstanding)]),
        // 1.2
        SeedRow(
            measure: "CLA aged 5 and over taking part in the pledge survey", polarity: .higher,
            ri: "25-33", good: "34-66", outstanding: "67-100",
            vectors: [(24.9, .inadequate), (25, .requiresImprovement), (33.5, .requiresImprovement), (34, .good),
                      (66.5, .good), (67, .outstanding)]),
        // 1.3
        SeedRow(
            measure: "CLA with 3 or more placements in 12 months", polarity: .lower, ri: "8-15", good: "7-5", outstanding: "<5",
            vectors: [(15.1, .inadequate), (15, .requiresImprovement), (8, .requiresImprovement),
                      (7.5, .requiresImprovement), (7, .good), (5, .good), (4.9, .outstanding), (0, .outstanding)]),
        SeedRow(
            measure: "placed at home with parents on a full care order (ascending ranges, lower is better)",
            polarity: .lower, ri: "16-25", good: "6-15", outstanding: "0-5",
            vectors: [(25.1, .inadequate), (25, .requiresImprovement), (16, .requiresImprovement),
                      (15.5, .requiresImprovement), (15, .good), (6, .good), (5.5, .good), (5, .outstanding),
                      (0, .outstanding)]),
        SeedRow(
            measure: "statutory visits for children placed at home", polarity: .higher,
            ri: "60-79", good: "80-94", outstanding: "95-100",
            vectors: [(59.9, .inadequate), (60, .requiresImprovement), (79.5, .requiresImprovement), (80, .good),
                      (94.5, .good), (95, .outstanding)]),
        SeedRow(
            measure: "LAC persistently absent from education (overlap at 20 goes to good)", polarity: .lower,
            ri: "40-20", good: "20-10", outstanding: "<10",
            vectors: [(40.1, .inadequate), (40, .requiresImprovement), (20.5, .requiresImprovement), (20, .good),
                      (10, .good), (9.9, .outstanding)]),
        SeedRow(
            measure: "care leavers in suitable accommodation", polarity: .higher,
            ri: "80-89", good: "90-94", outstanding: "95-100",
            vectors: [(79.9, .inadequate), (80, .requiresImprovement), (89.5, .requiresImprovement), (90, .good),
                      (91.2, .good), (92.7, .good), (94.5, .good), (95, .outstanding)]),
        // 2
        SeedRow(
            measure: "re-referrals within 12 months", polarity: .lower, ri: "20-24", good: "19-16", outstanding: "<16",
            vectors: [(24.1, .inadequate), (24, .requiresImprovement), (20, .requiresImprovement),
                      (19.5, .requiresImprovement), (19, .good), (16, .good), (15.9, .outstanding)]),
        // 3
        SeedRow(
            measure: "average team caseloads", polarity: .lower, ri: "35-26", good: "25-20", outstanding: "19-10",
            vectors: [(35.1, .inadequate), (35, .requiresImprovement), (26, .requiresImprovement),
                      (25.5, .requiresImprovement), (25, .good), (20, .good), (19.5, .good), (19, .outstanding),
                      (10, .outstanding), (9, .outstanding)]),
        SeedRow(
            measure: "workforce enabled for mobile working (overlap at 75 goes to outstanding)", polarity: .higher,
            ri: "50-60", good: "61-75", outstanding: "75+",
            vectors: [(49.9, .inadequate), (50, .requiresImprovement), (60.5, .requiresImprovement), (61, .good),
                      (74.9, .good), (75, .outstanding)]),
    ]

    static let edges: [(SeedRow, Double, Band)] = all.flatMap { row in row.vectors.map { (row, $0.0, $0.1) } }
}

@Suite("Every threshold row of the seed plan")
struct SeedThresholdsTests {
    @Test("is accepted in its polarity", arguments: SeedRow.all)
    func accepted(row: SeedRow) throws {
        let thresholds = try row.thresholds()
        #expect(thresholds.requiresImprovement.text == row.ri)
        #expect(thresholds.good.text == row.good)
        #expect(thresholds.outstanding.text == row.outstanding)
        #expect(thresholds.readings.isEmpty == (row.outstanding != ">24"))
    }

    @Test("is judged at its edges", arguments: SeedRow.edges)
    func edge(row: SeedRow, value: Double, expected: Band) throws {
        #expect(try row.thresholds().band(for: value) == expected)
    }

    @Test("is refused in the opposite polarity", arguments: SeedRow.all)
    func oppositeRefused(row: SeedRow) {
        let opposite: Polarity = row.polarity == .higher ? .lower : .higher
        #expect {
            try Thresholds(requiresImprovement: row.ri, good: row.good, outstanding: row.outstanding, polarity: opposite)
        } throws: { error in
            (error as? ThresholdError)?.code == .contradictsPolarity
        }
    }

    @Test(
        "the trend-only rows (written Increase) have no band",
        arguments: [
            "Number of 16/17 year olds who present as homeless who are progressed to referral",
            "Timeliness of cases stepped down or across to early help",
            "Average number of practice alerts raised across all IROs",
            "Timeliness of recording of assessments, plans and visits improves following roll out",
        ])
    func trendRows(name: String) throws {
        let measure = try Measure(
            id: "trend", recommendationID: "3", name: name, shows: "", polarity: .increase,
            requiresImprovement: "Increase", good: "Increase", outstanding: "Increase", isAudit: false)
        #expect(measure.thresholds == nil)
        #expect(measure.band(for: 12) == Band.none)
        #expect(measure.direction(current: 12, previous: 9) == .improving)
    }
}
