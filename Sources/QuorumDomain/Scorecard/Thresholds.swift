/// A measure's three thresholds, Requires Improvement / Good / Outstanding, read in its polarity.
///
/// **The band of a value** (docs/plan.md) is the best band whose *worst edge* the value reaches:
/// the edge of the range on the worse side (its lower bound when higher is better, its upper
/// bound when lower is better). Only worst edges decide, so:
/// - a value in a gap between two written ranges falls to the worse band: `65-74 75-80 85+`
///   gives 80.5 good, 74.5 requires improvement;
/// - where two ranges overlap the better band wins: `65-75 75-84 85+` gives 75 good;
/// - a value beyond the best written edge keeps the best band: 101 against `90-100` is
///   outstanding;
/// - a value that does not reach the requires-improvement edge is inadequate.
///
/// **Refused** (``ThresholdError``, code `contradictsPolarity`, naming the column), because they
/// contradict the polarity:
/// - worst edges that do not strictly improve from requires improvement to good to outstanding
///   (when higher is better, good must start above requires improvement, outstanding above good;
///   when lower is better, below);
/// - a worse range that reaches further towards the better end than a better one
///   (`65-90 75-80 85+`: requires improvement may not run past good's 80).
///
/// **One reading of the written text.** The seed writes the outstanding threshold of a
/// lower-is-better measure as `>24` (assessments completed as NFA, `40-50 49-25 >24`), where it
/// can only mean 24 or under: an outstanding band cannot run on without end towards the worse
/// values. So a bare `>N` in the outstanding column of a lower-is-better measure reads as
/// "N or under", and a bare `<N` in the outstanding column of a higher-is-better measure as
/// "N or over"; ``readings`` records it so that an import can say so. Other columns and other
/// signs (`>=`, `+`) are read as written.
///
/// ```swift
/// let t = try Thresholds(requiresImprovement: "25-20", good: "19-15", outstanding: "<14", polarity: .lower)
/// t.band(for: 17.1)  // .good
/// t.band(for: 13)    // .outstanding
/// t.band(for: 26)    // .inadequate
/// ```
public struct Thresholds: Hashable, Sendable {
    /// Higher or lower: trend-only polarities have no thresholds.
    public let polarity: Polarity
    /// The Requires Improvement range, as read.
    public let requiresImprovement: BandRange
    /// The Good range, as read.
    public let good: BandRange
    /// The Outstanding range, as read (see the type's note on `>24`).
    public let outstanding: BandRange
    /// How a written range was read other than literally, in words; empty for most measures.
    public let readings: [String]

    /// Reads the three columns of a measure as written and checks them against `polarity`.
    ///
    /// - Throws: ``ThresholdError`` naming the column: a range that cannot be read
    ///   (`malformedRange`), ranges that contradict the polarity (`contradictsPolarity`), or a
    ///   trend-only polarity (`trendOnly`, no column).
    public init(requiresImprovement: String, good: String, outstanding: String, polarity: Polarity) throws(ThresholdError) {
        try Self.refuseTrendOnly(polarity)
        func parse(_ text: String, _ column: ThresholdError.Column) throws(ThresholdError) -> BandRange {
            do {
                return try BandRange(parsing: text)
            } catch {
                throw error.inColumn(column)
            }
        }
        try self.init(
            requiresImprovement: parse(requiresImprovement, .requiresImprovement),
            good: parse(good, .good),
            outstanding: parse(outstanding, .outstanding),
            polarity: polarity)
    }

    /// Checks three ranges against `polarity`, as ``init(requiresImprovement:good:outstanding:polarity:)``
    /// does once it has read them.
    public init(requiresImprovement: BandRange, good: BandRange, outstanding: BandRange, polarity: Polarity) throws(ThresholdError) {
        try Self.refuseTrendOnly(polarity)
        let written = outstanding
        let (outstanding, reading) = Self.reading(written, polarity: polarity)
        if let error = Self.contradiction((requiresImprovement, good, outstanding), polarity: polarity) {
            // Say so when the columns would suit the other polarity: the likeliest slip.
            let other: Polarity = polarity == .higher ? .lower : .higher
            let (otherOutstanding, _) = Self.reading(written, polarity: other)
            guard Self.contradiction((requiresImprovement, good, otherOutstanding), polarity: other) == nil else {
                throw error
            }
            throw ThresholdError(
                error.code, column: error.column, text: error.text,
                reason: "\(error.reason); the columns run the way they do for a measure where \(other.rawValue) is better: check the polarity")
        }
        self.polarity = polarity
        self.requiresImprovement = requiresImprovement
        self.good = good
        self.outstanding = outstanding
        self.readings = reading.map { [$0] } ?? []
    }

    /// The band of `value`: the best band whose worst edge it reaches, else inadequate.
    /// Not-a-number has no band (``Band/none``).
    public func band(for value: Double) -> Band {
        guard !value.isNaN else { return .none }
        let sign = polarity.risingIsBetter ? 1.0 : -1.0
        let score = value * sign
        for (band, range) in [(Band.outstanding, outstanding), (.good, good), (.requiresImprovement, requiresImprovement)] {
            if Self.reaches(score, Self.worstEdge(of: range, sign: sign)) { return band }
        }
        return .inadequate
    }

    /// The range written for `band`, or nil for ``Band/inadequate`` and ``Band/none``.
    public func range(for band: Band) -> BandRange? {
        switch band {
        case .outstanding: outstanding
        case .good: good
        case .requiresImprovement: requiresImprovement
        case .inadequate, .none: nil
        }
    }

    // MARK: - Reading in the polarity

    // Edges live on a "score" axis where larger is always better (value × +1 when higher is
    // better, × −1 when lower is), so one set of comparisons serves both polarities.

    /// An end of a range on the score axis; nil stands for no end.
    private struct Edge {
        var score: Double
        var isInclusive: Bool
    }

    private static func refuseTrendOnly(_ polarity: Polarity) throws(ThresholdError) {
        guard !polarity.isTrendOnly else {
            throw ThresholdError(
                .trendOnly,
                reason: "a measure whose polarity is \(polarity.rawValue) is trend-only and has no thresholds; "
                    + "leave requires_improvement, good and outstanding empty, or give it polarity higher or lower")
        }
    }

    /// The edge on the worse side: the lowest score the range admits, or nil when it has none.
    private static func worstEdge(of range: BandRange, sign: Double) -> Edge? {
        let bound = sign > 0 ? range.lower : range.upper
        return bound.map { Edge(score: $0.value * sign, isInclusive: $0.isInclusive) }
    }

    /// The edge on the better side: the highest score the range admits, or nil when it has none.
    private static func bestEdge(of range: BandRange, sign: Double) -> Edge? {
        let bound = sign > 0 ? range.upper : range.lower
        return bound.map { Edge(score: $0.value * sign, isInclusive: $0.isInclusive) }
    }

    private static func reaches(_ score: Double, _ edge: Edge?) -> Bool {
        guard let edge else { return true }
        return score > edge.score || (edge.isInclusive && score == edge.score)
    }

    /// Whether worst edge `a` asks strictly more than worst edge `b` (no edge asks nothing).
    private static func asksMore(_ a: Edge?, than b: Edge?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        return a.score > b.score || (a.score == b.score && !a.isInclusive && b.isInclusive)
    }

    /// Whether best edge `a` reaches no further than best edge `b` (no edge reaches without end).
    private static func reachesNoFurther(_ a: Edge?, than b: Edge?) -> Bool {
        guard let b else { return true }
        guard let a else { return false }
        return a.score < b.score || (a.score == b.score && (!a.isInclusive || b.isInclusive))
    }

    /// The outstanding range as read for `polarity`, and the reading in words if it is not literal.
    private static func reading(_ range: BandRange, polarity: Polarity) -> (BandRange, String?) {
        switch (range.lower, range.upper) {
        case (let lower?, nil) where polarity == .lower && !lower.isInclusive:
            let read = BandRange(lower: nil, upper: .init(lower.value, inclusive: true), text: range.text)
            return (read, "outstanding '\(range.text)' is read as \(lower.value.plain) or under: "
                + "for a measure where lower is better, outstanding cannot run upwards without end")
        case (nil, let upper?) where polarity == .higher && !upper.isInclusive:
            let read = BandRange(lower: .init(upper.value, inclusive: true), upper: nil, text: range.text)
            return (read, "outstanding '\(range.text)' is read as \(upper.value.plain) or over: "
                + "for a measure where higher is better, outstanding cannot run downwards without end")
        default:
            return (range, nil)
        }
    }

    /// Why the three ranges contradict `polarity`, or nil when they do not.
    private static func contradiction(
        _ ranges: (BandRange, BandRange, BandRange), polarity: Polarity
    ) -> ThresholdError? {
        let sign = polarity.risingIsBetter ? 1.0 : -1.0
        let side = polarity.risingIsBetter ? "above" : "below"
        let context = "for a measure where \(polarity.rawValue) is better"
        let columns: [(ThresholdError.Column, BandRange)] = [
            (.requiresImprovement, ranges.0), (.good, ranges.1), (.outstanding, ranges.2),
        ]
        for index in 1..<columns.count {
            let (worse, better) = (columns[index - 1], columns[index])
            if !asksMore(worstEdge(of: better.1, sign: sign), than: worstEdge(of: worse.1, sign: sign)) {
                return ThresholdError(
                    .contradictsPolarity, column: better.0, text: better.1.text,
                    reason: "'\(better.1.text)' must lie \(side) \(worse.0) '\(worse.1.text)' \(context)")
            }
        }
        for index in 1..<columns.count {
            let (worse, better) = (columns[index - 1], columns[index])
            if !reachesNoFurther(bestEdge(of: worse.1, sign: sign), than: bestEdge(of: better.1, sign: sign)) {
                return ThresholdError(
                    .contradictsPolarity, column: worse.0, text: worse.1.text,
                    reason: "'\(worse.1.text)' must not reach \(side) \(better.0) '\(better.1.text)' \(context)")
            }
        }
        return nil
    }
}
