/// How a value is judged against its measure's thresholds (docs/plan.md).
///
/// ```swift
/// Band.requiresImprovement.rawValue  // "requires_improvement"
/// Band.requiresImprovement.label     // "Requires improvement"
/// Band.requiresImprovement.symbol    // "!"
/// ```
public enum Band: String, Hashable, Sendable, Codable, CaseIterable {
    /// Reaches the outstanding threshold.
    case outstanding
    /// Reaches the good threshold.
    case good
    /// Reaches the requires-improvement threshold.
    case requiresImprovement = "requires_improvement"
    /// Worse than requires improvement.
    case inadequate
    /// Not judged: a trend-only measure, or no value.
    case none

    /// The mark that stands for it in packs and tables: ★ ✓ ! ✗ –.
    public var symbol: String {
        switch self {
        case .outstanding: "★"
        case .good: "✓"
        case .requiresImprovement: "!"
        case .inadequate: "✗"
        case .none: "–"
        }
    }

    /// Its name in words, as Ofsted writes the grades: "Outstanding", "Requires improvement".
    public var label: String {
        switch self {
        case .outstanding: "Outstanding"
        case .good: "Good"
        case .requiresImprovement: "Requires improvement"
        case .inadequate: "Inadequate"
        case .none: "Not banded"
        }
    }

    /// 3 for outstanding down to 0 for inadequate; nil for ``none``. Compare judgements with it.
    public var rank: Int? {
        switch self {
        case .outstanding: 3
        case .good: 2
        case .requiresImprovement: 1
        case .inadequate: 0
        case .none: nil
        }
    }
}
