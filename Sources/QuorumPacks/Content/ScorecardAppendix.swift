import QuorumDomain

/// The data of the generated scorecard appendix: by recommendation, each measure with what it
/// shows, its thresholds as the plan writes them, its last few values, its band and its
/// direction of travel.
///
/// Build it from the plan and the recorded values with
/// ``init(recommendations:measures:values:period:historyLength:)``, which judges each value the
/// way `SCORECARD` does.
public struct ScorecardAppendix: Hashable, Sendable {
    /// The period the scorecard is for; nil for each measure's latest.
    public var period: Period?
    /// The measures, by recommendation, in the plan's order.
    public var groups: [Group]

    public init(period: Period?, groups: [Group]) {
        self.period = period
        self.groups = groups
    }

    /// The scorecard for `period` (nil: the latest period with values) from the plan's
    /// measures and the recorded values, with up to `historyLength` periods of each measure.
    ///
    /// Measures are grouped under their recommendations in the order of `recommendations`;
    /// a measure whose recommendation is not listed goes in a group of its own at the end.
    public init(
        recommendations: [Recommendation], measures: [QuorumDomain.Measure], values: [MeasureValue], period: Period?,
        historyLength: Int = 5
    ) {
        let rows = Scorecard.rows(measures: measures, values: values, period: period)
        var byMeasure: [String: [Period: Double]] = [:]
        for value in values {
            byMeasure[value.measureID, default: [:]][value.period] = value.value
        }
        var groups: [Group] = recommendations.map {
            Group(recommendationID: $0.id, title: $0.title, measures: [])
        }
        for row in rows {
            let series: [Period: Double] = byMeasure[row.measure.id] ?? [:]
            let periods: [Period] = series.keys
                .filter { $0.kind == row.period.kind && $0 <= row.period }
                .sorted()
            let history: [Point] = periods.suffix(max(historyLength, 1)).map { period in
                let value = series[period]!
                return Point(period: period, value: value, band: row.measure.band(for: value))
            }
            let measure = Measure(row: row, history: history)
            if let index = groups.firstIndex(where: { $0.recommendationID == row.measure.recommendationID }) {
                groups[index].measures.append(measure)
            } else {
                groups.append(Group(recommendationID: row.measure.recommendationID, title: "", measures: [measure]))
            }
        }
        self.init(period: period, groups: groups.filter { !$0.measures.isEmpty })
    }
}

extension ScorecardAppendix {
    /// The measures of one recommendation.
    public struct Group: Hashable, Sendable {
        /// `1.1`.
        public var recommendationID: String
        /// "Assessment and Planning"; may be empty.
        public var title: String
        public var measures: [Measure]

        public init(recommendationID: String, title: String, measures: [Measure]) {
            self.recommendationID = recommendationID
            self.title = title
            self.measures = measures
        }
    }

    /// One measure's line of the scorecard.
    public struct Measure: Hashable, Sendable {
        public var id: String
        public var name: String
        /// "What does it show?"
        public var shows: String
        public var polarity: Polarity
        /// The three thresholds as the plan writes them; nil for a trend-only measure.
        public var thresholds: WrittenThresholds?
        /// Whether its values come from case audits.
        public var isAudit: Bool
        /// The period its figure is for.
        public var period: Period
        /// The figure, or nil when none is recorded for the period.
        public var value: Double?
        /// The figure it is compared with.
        public var previous: Point?
        public var band: Band
        public var direction: Direction
        /// The last few periods' figures, oldest first, ending with ``period`` when it has one.
        public var history: [Point]
        /// The measure's target, unit and comparators, when it has them.
        public var target: Double? = nil
        public var unit: MeasureUnit? = nil
        public var comparators: [Comparator] = []
        /// The figure for the same period a year before, and the direction since.
        public var yearAgo: Point? = nil
        public var directionSinceYearAgo: Direction = .new

        public init(
            id: String, name: String, shows: String, polarity: Polarity, thresholds: WrittenThresholds?,
            isAudit: Bool, period: Period, value: Double?, previous: Point?, band: Band, direction: Direction,
            history: [Point]
        ) {
            self.id = id
            self.name = name
            self.shows = shows
            self.polarity = polarity
            self.thresholds = thresholds
            self.isAudit = isAudit
            self.period = period
            self.value = value
            self.previous = previous
            self.band = band
            self.direction = direction
            self.history = history
        }

        /// The line for a scorecard row, with `history`.
        public init(row: ScorecardRow, history: [Point]) {
            self.init(
                id: row.measure.id, name: row.measure.name, shows: row.measure.shows, polarity: row.measure.polarity,
                thresholds: row.measure.thresholds.map(WrittenThresholds.init), isAudit: row.measure.isAudit,
                period: row.period, value: row.value,
                previous: row.previous.map { Point(period: $0.period, value: $0.value, band: row.measure.band(for: $0.value)) },
                band: row.band, direction: row.direction, history: history)
            target = row.measure.target
            unit = row.measure.unit
            comparators = row.measure.comparators
            yearAgo = row.yearAgo.map { Point(period: $0.period, value: $0.value, band: row.measure.band(for: $0.value)) }
            directionSinceYearAgo = row.directionSinceYearAgo
        }
    }

    /// A figure for a period, and its band.
    public struct Point: Hashable, Sendable {
        public var period: Period
        public var value: Double
        public var band: Band

        public init(period: Period, value: Double, band: Band = .none) {
            self.period = period
            self.value = value
            self.band = band
        }
    }

    /// Requires Improvement / Good / Outstanding, as written (`65-74`, `75-80`, `85+`).
    public struct WrittenThresholds: Hashable, Sendable {
        public var requiresImprovement: String
        public var good: String
        public var outstanding: String

        public init(requiresImprovement: String, good: String, outstanding: String) {
            self.requiresImprovement = requiresImprovement
            self.good = good
            self.outstanding = outstanding
        }

        /// The written text of `thresholds`.
        public init(_ thresholds: Thresholds) {
            self.init(
                requiresImprovement: thresholds.requiresImprovement.text, good: thresholds.good.text,
                outstanding: thresholds.outstanding.text)
        }
    }
}
