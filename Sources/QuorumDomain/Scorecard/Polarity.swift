/// Which way a measure gets better.
///
/// `higher` and `lower` measures have thresholds and a ``Band``; `increase` and `decrease` are
/// trend-only (the seed writes `Increase` where the thresholds would be): they have no band, only
/// a ``Direction`` of travel.
public enum Polarity: String, Hashable, Sendable, Codable, CaseIterable {
    /// Higher is better: the percentage of assessments completed within 45 days.
    case higher
    /// Lower is better: re-referrals within 12 months, placement moves, caseloads.
    case lower
    /// Trend-only, rising is better: the number of practice alerts raised.
    case increase
    /// Trend-only, falling is better.
    case decrease

    /// Reads a polarity, ignoring case and surrounding spaces, from its name or the phrase a
    /// plan writes: `higher`, `Higher is better`, `lower`, `Lower is better`, `Increase`,
    /// `Decrease`. Nil otherwise.
    public init?(parsing text: String) {
        var word = text.trimmingWhitespace().lowercased()
        if word.hasSuffix(" is better") { word = word.dropLast(" is better".count).trimmingWhitespace() }
        self.init(rawValue: word)
    }

    /// Whether the measure has no thresholds, only a direction of travel.
    public var isTrendOnly: Bool { self == .increase || self == .decrease }

    /// Whether a larger value is the better one.
    public var risingIsBetter: Bool { self == .higher || self == .increase }

    /// "Higher is better", "Lower is better", "Increase", "Decrease".
    public var label: String {
        switch self {
        case .higher: "Higher is better"
        case .lower: "Lower is better"
        case .increase: "Increase"
        case .decrease: "Decrease"
        }
    }
}
