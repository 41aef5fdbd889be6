/// Direction of travel: how a value compares with the one for the previous period of the same
/// kind, in its measure's ``Polarity`` (for a lower-is-better measure, a fall is improving).
public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Better than the previous period.
    case improving
    /// Worse than the previous period.
    case declining
    /// The same as the previous period.
    case stable
    /// Nothing to compare with: no previous value (or no current one).
    case new

    /// Values this close (relative to their size, at least 1e-9) count as equal, so that
    /// arithmetic noise (76.4 recomputed as 76.40000000000001) reads as stable, while any
    /// difference a person could record does not.
    public static let tolerance = 1e-9

    /// The direction from `previous` to `current` for a measure of `polarity`.
    ///
    /// ```swift
    /// Direction(current: 17.1, previous: 19.0, polarity: .lower)   // .improving
    /// Direction(current: 91.2, previous: 92.7, polarity: .higher)  // .declining
    /// Direction(current: 12, previous: nil, polarity: .increase)   // .new
    /// ```
    public init(current: Double, previous: Double?, polarity: Polarity) {
        guard let previous, current.isFinite, previous.isFinite else {
            self = .new
            return
        }
        let scale = Swift.max(1, abs(current), abs(previous))
        if abs(current - previous) <= Self.tolerance * scale {
            self = .stable
        } else {
            self = (current > previous) == polarity.risingIsBetter ? .improving : .declining
        }
    }

    /// The arrow that stands for it in packs and tables: ↑ improving, ↓ declining, → stable,
    /// • new. The arrow shows better or worse, not up or down.
    public var arrow: String {
        switch self {
        case .improving: "↑"
        case .declining: "↓"
        case .stable: "→"
        case .new: "•"
        }
    }

    /// "Improving", "Declining", "Stable", "New".
    public var label: String {
        switch self {
        case .improving: "Improving"
        case .declining: "Declining"
        case .stable: "Stable"
        case .new: "New"
        }
    }
}
