import QuorumDomain
import Testing

@Suite("Threshold ranges as the plan writes them")
struct BandRangeTests {
    /// (text, lower, lower included, upper, upper included, descending); nil ends are open.
    @Test(
        "written forms",
        arguments: [
            ("65-74", 65.0 as Double?, true, 74.0 as Double?, true, false),
            ("85+", 85, true, nil, false, false),
            ("<14", nil, false, 14, false, false),
            (">24", 24, false, nil, false, false),
            ("25-20", 20, true, 25, true, true),
            ("90-100", 90, true, 100, true, false),
            ("50-100", 50, true, 100, true, false),
            ("<15%", nil, false, 15, false, false),
            ("65% - 74%", 65, true, 74, true, false),
            (" 85 + ", 85, true, nil, false, false),
            ("< 14", nil, false, 14, false, false),
            ("17.5-20", 17.5, true, 20, true, false),
            ("65–74", 65, true, 74, true, false),
            ("65 to 74", 65, true, 74, true, false),
            (">=90", 90, true, nil, false, false),
            ("≥ 90", 90, true, nil, false, false),
            ("<=10", nil, false, 10, true, false),
            ("≤10", nil, false, 10, true, false),
            ("100", 100, true, 100, true, false),
            ("0-5", 0, true, 5, true, false),
        ])
    func parses(text: String, lower: Double?, lowerIn: Bool, upper: Double?, upperIn: Bool, descending: Bool) throws {
        let range = try BandRange(parsing: text)
        #expect(range.lower?.value == lower)
        #expect(range.upper?.value == upper)
        if lower != nil { #expect(range.lower?.isInclusive == lowerIn) }
        if upper != nil { #expect(range.upper?.isInclusive == upperIn) }
        #expect(range.isDescending == descending)
        #expect(range.text == text.trimmingCharactersForTest())
        #expect(range.description == range.text)
    }

    @Test(
        "unreadable ranges are refused",
        arguments: [
            ("", "empty"), ("  ", "empty"), ("Increase", "is a trend, not a range"), ("decrease", "is a trend"),
            ("abc", "'abc' is not a number"), ("65-", "two ends"), ("-5", "two ends"), ("65-74-80", "two ends"),
            ("85++", "not a number"), ("<", "not a number"), ("1.2.3", "not a number"), ("65..74", "not a number"),
            ("N/A", "not a number"),
        ])
    func refuses(text: String, fragment: String) {
        #expect {
            try BandRange(parsing: text)
        } throws: { error in
            guard let error = error as? ThresholdError else { return false }
            return error.code == .malformedRange && error.column == nil && error.description.contains(fragment)
        }
    }

    @Test("membership follows the written bounds")
    func contains() throws {
        let below = try BandRange(parsing: "<14")
        #expect(below.contains(13.99) && !below.contains(14))
        let plus = try BandRange(parsing: "85+")
        #expect(plus.contains(85) && plus.contains(1000) && !plus.contains(84.99))
        let falling = try BandRange(parsing: "25-20")
        #expect(falling.contains(20) && falling.contains(25) && falling.contains(22.5) && !falling.contains(25.01))
    }
}

extension String {
    fileprivate func trimmingCharactersForTest() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
