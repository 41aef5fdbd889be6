import QuorumDomain
import Testing

@Suite("Bands of values")
struct ThresholdsTests {
    static let higher = try! Thresholds(requiresImprovement: "65-74", good: "75-80", outstanding: "85+", polarity: .higher)
    static let lower = try! Thresholds(requiresImprovement: "25-20", good: "19-15", outstanding: "<14", polarity: .lower)

    @Test(
        "higher is better, 65-74 75-80 85+",
        arguments: [
            (82.0, Band.good), (85, .outstanding), (64, .inadequate), (74.5, .requiresImprovement), (80.5, .good),
            (65, .requiresImprovement), (75, .good), (84.99, .good), (100, .outstanding), (0, .inadequate),
        ])
    func higherIsBetter(value: Double, expected: Band) {
        #expect(Self.higher.band(for: value) == expected)
    }

    @Test(
        "lower is better, 25-20 19-15 <14",
        arguments: [
            (17.1, Band.good), (13, .outstanding), (14.5, .good), (26, .inadequate), (20, .requiresImprovement),
            (25, .requiresImprovement), (19.5, .requiresImprovement), (19, .good), (15, .good), (14, .good),
            (0, .outstanding), (25.01, .inadequate),
        ])
    func lowerIsBetter(value: Double, expected: Band) {
        #expect(Self.lower.band(for: value) == expected)
    }

    @Test("not a number has no band")
    func notANumber() {
        #expect(Self.higher.band(for: .nan) == Band.none)
    }

    @Test("the ranges keep their written text and the band's range is at hand")
    func keepsText() {
        #expect(Self.lower.requiresImprovement.text == "25-20")
        #expect(Self.lower.outstanding.text == "<14")
        #expect(Self.lower.range(for: .good)?.text == "19-15")
        #expect(Self.lower.range(for: .inadequate) == nil)
        #expect(Self.lower.readings.isEmpty)
        #expect(Self.lower.polarity == .lower)
    }

    /// (polarity, requires improvement, good, outstanding, column blamed, fragment of the reason)
    @Test(
        "thresholds that contradict their polarity are refused, naming the column",
        arguments: [
            (Polarity.higher, "65-74", "85+", "75-80", ThresholdError.Column.outstanding,
             "outstanding: '75-80' must lie above good '85+' for a measure where higher is better"),
            (.higher, "75-80", "65-74", "85+", .good, "good: '65-74' must lie above requires_improvement '75-80'"),
            (.higher, "65-74", "65-80", "85+", .good, "good: '65-80' must lie above requires_improvement '65-74'"),
            (.higher, "65-90", "75-80", "85+", .requiresImprovement,
             "requires_improvement: '65-90' must not reach above good '75-80'"),
            (.higher, "65-74", "75-90", "85-89", .good, "good: '75-90' must not reach above outstanding '85-89'"),
            (.higher, "65-74", "<80", "85+", .good, "good: '<80' must lie above requires_improvement"),
            (.higher, "25-20", "19-15", "<14", .good,
             "good: '19-15' must lie above requires_improvement '25-20' for a measure where higher is better; "
                + "the columns run the way they do for a measure where lower is better: check the polarity"),
            (.lower, "65-74", "75-80", "85+", .good,
             "good: '75-80' must lie below requires_improvement '65-74' for a measure where lower is better; "
                + "the columns run the way they do for a measure where higher is better: check the polarity"),
            (.lower, "25-20", "19-15", "14-21", .outstanding, "outstanding: '14-21' must lie below good '19-15'"),
            (.lower, "25-10", "19-15", "<14", .requiresImprovement,
             "requires_improvement: '25-10' must not reach below good '19-15' for a measure where lower is better"),
            (.lower, "20-24", "24-16", "<16", .good, "good: '24-16' must lie below requires_improvement '20-24'"),
        ])
    func contradictions(
        polarity: Polarity, ri: String, good: String, outstanding: String, column: ThresholdError.Column, fragment: String
    ) {
        #expect {
            try Thresholds(requiresImprovement: ri, good: good, outstanding: outstanding, polarity: polarity)
        } throws: { error in
            guard let error = error as? ThresholdError else { return false }
            return error.code == .contradictsPolarity && error.column == column && error.description.contains(fragment)
        }
    }

    @Test("a range that cannot be read is blamed on its column")
    func malformedColumn() {
        #expect {
            try Thresholds(requiresImprovement: "65-74", good: "75-80", outstanding: "85x", polarity: .higher)
        } throws: { error in
            guard let error = error as? ThresholdError else { return false }
            return error.code == .malformedRange && error.column == .outstanding && error.text == "85x"
                && error.description.hasPrefix("outstanding: '85x' is not a range")
        }
    }

    @Test("trend-only polarities have no thresholds", arguments: [Polarity.increase, .decrease])
    func trendOnly(polarity: Polarity) {
        #expect {
            try Thresholds(requiresImprovement: "65-74", good: "75-80", outstanding: "85+", polarity: polarity)
        } throws: { error in
            guard let error = error as? ThresholdError else { return false }
            return error.code == .trendOnly && error.column == nil && error.description.contains("trend-only")
        }
    }

    @Test("a bare sign in outstanding pointing the worse way is read as the edge, and says so")
    func bareSignReading() throws {
        let nfa = try Thresholds(requiresImprovement: "40-50", good: "49-25", outstanding: ">24", polarity: .lower)
        #expect(nfa.readings == ["outstanding '>24' is read as 24 or under: for a measure where lower is better, outstanding cannot run upwards without end"])
        #expect(nfa.outstanding.text == ">24")
        #expect(nfa.outstanding.contains(24) && !nfa.outstanding.contains(24.5))

        let mirrored = try Thresholds(requiresImprovement: "60-69", good: "70-84", outstanding: "<85", polarity: .higher)
        #expect(mirrored.band(for: 85) == .outstanding)
        #expect(mirrored.band(for: 84.5) == .good)
        #expect(mirrored.readings.count == 1)

        // Only the bare strict sign is re-read: 24+ and >=24 mean what they say, and are refused.
        for written in ["24+", ">=24"] {
            #expect(throws: ThresholdError.self) {
                try Thresholds(requiresImprovement: "40-50", good: "49-25", outstanding: written, polarity: .lower)
            }
        }
    }

    @Test("bands, symbols and labels")
    func bandNames() {
        #expect(Band.allCases.map(\.rawValue) == ["outstanding", "good", "requires_improvement", "inadequate", "none"])
        #expect(Band.allCases.map(\.symbol) == ["★", "✓", "!", "✗", "–"])
        #expect(Band.requiresImprovement.label == "Requires improvement")
        #expect(Band.outstanding.rank! > Band.good.rank!)
        #expect(Band.none.rank == nil)
    }
}
