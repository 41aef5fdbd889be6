import QuorumDomain
import Testing

@Suite("Measures: polarity, thresholds and direction of travel")
struct MeasureTests {
    static func measure(_ polarity: Polarity, _ ri: String?, _ good: String?, _ outstanding: String?) throws -> Measure {
        try Measure(
            id: "m", recommendationID: "1.1", name: "A measure", shows: "Something", polarity: polarity,
            requiresImprovement: ri, good: good, outstanding: outstanding, isAudit: false)
    }

    @Test(
        "direction in every polarity",
        arguments: [
            (Polarity.higher, 80.0, 75.0 as Double?, Direction.improving),
            (.higher, 70, 75, .declining),
            (.higher, 75, 75, .stable),
            (.higher, 75, nil, .new),
            (.higher, 91.2, 92.7, .declining),
            (.higher, 76.4, 76.4 + 1e-12, .stable),
            (.higher, 76.4, 76.5, .declining),
            (.lower, 17, 19, .improving),
            (.lower, 21, 19, .declining),
            (.lower, 19, 19, .stable),
            (.lower, 19, nil, .new),
            (.increase, 12, 10, .improving),
            (.increase, 8, 10, .declining),
            (.increase, 10, 10, .stable),
            (.increase, 10, nil, .new),
            (.decrease, 8, 10, .improving),
            (.decrease, 12, 10, .declining),
            (.decrease, 0, 0, .stable),
            (.decrease, 8, nil, .new),
        ])
    func direction(polarity: Polarity, current: Double, previous: Double?, expected: Direction) {
        #expect(Direction(current: current, previous: previous, polarity: polarity) == expected)
    }

    @Test("a measure's direction follows its polarity")
    func measureDirection() throws {
        let reReferrals = try Self.measure(.lower, "20-24", "19-16", "<16")
        #expect(reReferrals.direction(current: 18, previous: 22) == .improving)
        #expect(reReferrals.band(for: 18) == .good)
        let leavers = try Self.measure(.higher, "80-89", "90-94", "95-100")
        #expect(leavers.direction(current: 91.2, previous: 92.7) == .declining)
        #expect(leavers.band(for: 91.2) == .good)
    }

    @Test("arrows and labels")
    func arrows() {
        #expect(Direction.allCases.map(\.rawValue) == ["improving", "declining", "stable", "new"])
        #expect(Direction.allCases.map(\.arrow) == ["↑", "↓", "→", "•"])
        #expect(Direction.stable.label == "Stable")
    }

    @Test(
        "trend-only measures take blank columns or their own word, and have no thresholds",
        arguments: [
            (Polarity.increase, nil as String?, nil as String?, nil as String?),
            (.increase, "", " ", ""),
            (.increase, "Increase", "", ""),
            (.increase, "Increase ", "increase", "INCREASE"),
            (.decrease, "Decrease", nil, nil),
        ])
    func trendOnly(polarity: Polarity, ri: String?, good: String?, outstanding: String?) throws {
        let measure = try Self.measure(polarity, ri, good, outstanding)
        #expect(measure.thresholds == nil)
        #expect(measure.band(for: 50) == Band.none)
    }

    @Test("a trend-only measure with a range in a column is refused, naming it")
    func trendWithRange() {
        #expect {
            try Self.measure(.increase, "", "80-89", "")
        } throws: { error in
            guard let error = error as? ThresholdError else { return false }
            return error.code == .trendOnly && error.column == .good
                && error.description.hasPrefix("good: a trend-only measure (polarity increase) has no thresholds")
        }
        #expect {
            try Self.measure(.decrease, "Increase", "", "")
        } throws: { error in
            (error as? ThresholdError)?.column == .requiresImprovement
        }
    }

    @Test("a banded measure needs all three columns", arguments: [ThresholdError.Column.requiresImprovement, .good, .outstanding])
    func missingColumn(missing: ThresholdError.Column) {
        let columns = ThresholdError.Column.allCases.map { $0 == missing ? "" : ["65-79", "80-89", "90-100"][$0 == .requiresImprovement ? 0 : $0 == .good ? 1 : 2] }
        #expect {
            try Self.measure(.higher, columns[0], columns[1], columns[2])
        } throws: { error in
            guard let error = error as? ThresholdError else { return false }
            return error.code == .missingRange && error.column == missing && error.description.hasPrefix("\(missing.rawValue): empty")
        }
    }

    @Test("a banded measure keeps its checked thresholds")
    func banded() throws {
        let measure = try Self.measure(.higher, "75-80", "81-89", "90+")
        #expect(measure.thresholds?.polarity == .higher)
        #expect(measure.band(for: 76.4) == .requiresImprovement)
        let same = Measure(
            id: "m", recommendationID: "1.1", name: "A measure", shows: "Something", polarity: .higher,
            thresholds: measure.thresholds, isAudit: false)
        #expect(same == measure)
    }

    @Test(
        "polarity words",
        arguments: [
            ("higher", Polarity.higher as Polarity?), ("Higher is better", .higher), (" LOWER ", .lower),
            ("lower is better", .lower), ("Increase", .increase), ("decrease", .decrease), ("up", nil), ("", nil),
        ])
    func polarityWords(text: String, expected: Polarity?) {
        #expect(Polarity(parsing: text) == expected)
    }
}
