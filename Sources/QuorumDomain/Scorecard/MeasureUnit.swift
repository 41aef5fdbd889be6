/// What a measure's figures count: the scorecard and the pack print values with it.
public enum MeasureUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// A percentage: 76.4 means 76.4%.
    case percent
    /// A plain number: a caseload of 24, 13 adoptions.
    case count
    /// A rate per 10,000 children: re-referrals of 17.1 per 10,000.
    case per10000 = "per_10000"
    /// Days: the average days from entering care to adoption.
    case days

    /// Reads `percent` (or `%`), `count`, `per_10000` (or `per 10,000`), `days`; nil otherwise.
    public init?(parsing text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "percent", "%", "percentage": self = .percent
        case "count", "number": self = .count
        case "per_10000", "per 10000", "per 10,000": self = .per10000
        case "days": self = .days
        default: return nil
        }
    }

    /// `76.4%`, `24`, `17.1 per 10,000`, `120 days`.
    public func format(_ value: Double) -> String {
        switch self {
        case .percent: "\(value.plain)%"
        case .count: value.plain
        case .per10000: "\(value.plain) per 10,000"
        case .days: "\(value.plain) days"
        }
    }
}
