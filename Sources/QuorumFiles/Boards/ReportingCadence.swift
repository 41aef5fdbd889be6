/// Reads a reporting cycle's `every:` text into months between occurrences.
///
/// Accepted, in any letter case: `N months` (`1 month`), `N years`, `monthly`, `quarterly`,
/// `six-monthly` (also `six monthly`, `half-yearly`), `annual` (also `annually`, `yearly`).
/// "Bi-annual" and "bi-monthly" are refused on purpose: people use each for two different things.
enum ReportingCadence {
    static let maximumMonths = 36

    static let accepted = "'N months', 'monthly', 'quarterly', 'six-monthly' or 'annual'"

    private static let named: [String: Int] = [
        "monthly": 1,
        "quarterly": 3,
        "six-monthly": 6, "six monthly": 6, "sixmonthly": 6, "half-yearly": 6, "half yearly": 6,
        "annual": 12, "annually": 12, "yearly": 12,
    ]

    /// Months between occurrences, or nil when `text` is not a cadence.
    static func months(parsing text: String) -> Int? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        let normalised = words.joined(separator: " ")
        if let months = named[normalised] { return months }
        guard words.count == 2, let count = Int(words[0]), count > 0 else { return nil }
        switch words[1] {
        case "month", "months": return count
        case "year", "years": return count * 12
        default: return nil
        }
    }
}
