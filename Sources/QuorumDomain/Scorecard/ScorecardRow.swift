/// One line of the scorecard: a measure, its value for the period, the value it is compared
/// with, and the judgement.
public struct ScorecardRow: Hashable, Sendable {
    /// The measure.
    public let measure: Measure
    /// The period the row is for.
    public let period: Period
    /// The measure's value for ``period``, or nil when none is recorded.
    public let current: MeasureValue?
    /// The value for the nearest earlier period of the same kind that has one (2016/17 for
    /// 2017/18, 2017/18 Q1 for 2017/18 Q2, 2015/16 when 2016/17 has none), or nil.
    public let previous: MeasureValue?
    /// The band of ``value``; ``Band/none`` for a trend-only measure or without a value.
    public let band: Band
    /// The direction of travel from ``previous`` to ``value``; ``Direction/new`` when either is missing.
    public let direction: Direction
    /// The value for the same period a year before (2016/17 Q2 for 2017/18 Q2, 2016-10 for
    /// 2017-10, 2016/17 for 2017/18), or nil when none is recorded.
    public let yearAgo: MeasureValue?
    /// The direction of travel from ``yearAgo`` to ``value``; ``Direction/new`` when either is missing.
    public let directionSinceYearAgo: Direction

    /// The row for `measure` in `period`, judged from `current`, `previous` and `yearAgo`.
    public init(measure: Measure, period: Period, current: MeasureValue?, previous: MeasureValue?, yearAgo: MeasureValue? = nil) {
        self.measure = measure
        self.period = period
        self.current = current
        self.previous = previous
        self.yearAgo = yearAgo
        if let current {
            band = measure.band(for: current.value)
            direction = measure.direction(current: current.value, previous: previous?.value)
            directionSinceYearAgo = measure.direction(current: current.value, previous: yearAgo?.value)
        } else {
            band = .none
            direction = .new
            directionSinceYearAgo = .new
        }
    }

    /// Whether the value reaches the measure's target; nil without a value or a target.
    public var meetsTarget: Bool? { value.flatMap { measure.meetsTarget($0) } }

    /// The figure for ``period``, or nil.
    public var value: Double? { current?.value }
}
