/// A performance measure of the scorecard: "Percentage of assessments completed within 45 days",
/// what it shows, which way is better and, unless it is trend-only, its thresholds.
///
/// ```swift
/// let measure = try Measure(
///     id: "1.1-m4", recommendationID: "1.1", name: "Percentage of assessments completed within 45 days",
///     shows: "…", polarity: .higher, requiresImprovement: "75-80", good: "81-89", outstanding: "90+",
///     isAudit: false)
/// measure.band(for: 76.4)                       // .requiresImprovement
/// measure.direction(current: 76.4, previous: 80) // .declining
/// ```
public struct Measure: Hashable, Sendable {
    /// Its identifier in the measures file and on the wire.
    public var id: String
    /// The ``Recommendation/id`` whose progress it measures.
    public var recommendationID: String
    /// Its name, as the plan words it.
    public var name: String
    /// "What does it show?", as the plan words it.
    public var shows: String
    /// Which way it gets better.
    public private(set) var polarity: Polarity
    /// Its thresholds: nil exactly when ``polarity`` is trend-only (increase or decrease).
    public private(set) var thresholds: Thresholds?
    /// Whether its values come from case audits ("(audit measure)" in the plan).
    public var isAudit: Bool
    /// The figure the service aims for ("our target for the mean average is 18"), or nil.
    public var target: Double? = nil
    /// What its figures count, or nil when the plan does not say.
    public var unit: MeasureUnit? = nil
    /// Figures it is compared with (national, statistical neighbours), with period and source.
    public var comparators: [Comparator] = []

    /// A measure with thresholds already checked.
    ///
    /// - Precondition: `thresholds` is nil exactly when `polarity` is trend-only, and otherwise has
    ///   the same polarity. Build them with ``Thresholds/init(requiresImprovement:good:outstanding:polarity:)``
    ///   or use ``init(id:recommendationID:name:shows:polarity:requiresImprovement:good:outstanding:isAudit:)``,
    ///   which checks written columns and throws instead.
    public init(
        id: String, recommendationID: String, name: String, shows: String, polarity: Polarity,
        thresholds: Thresholds?, isAudit: Bool
    ) {
        precondition(
            polarity.isTrendOnly ? thresholds == nil : thresholds?.polarity == polarity,
            "measure \(id): a \(polarity.rawValue) measure \(polarity.isTrendOnly ? "has no" : "needs") thresholds of its polarity")
        self.id = id
        self.recommendationID = recommendationID
        self.name = name
        self.shows = shows
        self.polarity = polarity
        self.thresholds = thresholds
        self.isAudit = isAudit
    }

    /// A measure from the written columns of the measures file (or the store).
    ///
    /// A higher- or lower-is-better measure needs all three ranges. A trend-only measure takes the
    /// columns empty (nil or blank) or holding its own polarity's word, the way the seed writes
    /// `Increase` across them.
    ///
    /// - Throws: ``ThresholdError`` naming the column at fault.
    public init(
        id: String, recommendationID: String, name: String, shows: String, polarity: Polarity,
        requiresImprovement: String?, good: String?, outstanding: String?, isAudit: Bool
    ) throws(ThresholdError) {
        let columns: [(ThresholdError.Column, String)] = [
            (.requiresImprovement, requiresImprovement?.trimmingWhitespace() ?? ""),
            (.good, good?.trimmingWhitespace() ?? ""),
            (.outstanding, outstanding?.trimmingWhitespace() ?? ""),
        ]
        var thresholds: Thresholds?
        if polarity.isTrendOnly {
            for (column, text) in columns where !text.isEmpty && text.lowercased() != polarity.rawValue {
                throw ThresholdError(
                    .trendOnly, column: column, text: text,
                    reason: "a trend-only measure (polarity \(polarity.rawValue)) has no thresholds, "
                        + "but this column holds '\(text)'; leave it empty")
            }
        } else {
            for (column, text) in columns where text.isEmpty {
                throw ThresholdError(
                    .missingRange, column: column, text: text,
                    reason: "empty; a measure where \(polarity.rawValue) is better needs all three thresholds "
                        + "(requires_improvement, good, outstanding)")
            }
            thresholds = try Thresholds(
                requiresImprovement: columns[0].1, good: columns[1].1, outstanding: columns[2].1, polarity: polarity)
        }
        self.init(
            id: id, recommendationID: recommendationID, name: name, shows: shows, polarity: polarity,
            thresholds: thresholds, isAudit: isAudit)
    }

    /// The band of `value`: by the thresholds, or ``Band/none`` for a trend-only measure.
    public func band(for value: Double) -> Band {
        thresholds?.band(for: value) ?? .none
    }

    /// Whether `value` reaches the target, in the measure's polarity (at or above it when higher
    /// or rising is better, at or below it otherwise); nil without a target.
    public func meetsTarget(_ value: Double) -> Bool? {
        target.map { Standing(value: value, reference: $0, polarity: polarity) != .worse }
    }

    /// How `value` stands against `comparator`, in the measure's polarity.
    public func standing(of value: Double, against comparator: Comparator) -> Standing {
        Standing(value: value, reference: comparator.value, polarity: polarity)
    }

    /// The direction of travel from `previous` to `current` in the measure's polarity:
    /// ``Direction/new`` without a previous value, ``Direction/stable`` when equal (within
    /// ``Direction/tolerance``).
    public func direction(current: Double, previous: Double?) -> Direction {
        Direction(current: current, previous: previous, polarity: polarity)
    }
}
