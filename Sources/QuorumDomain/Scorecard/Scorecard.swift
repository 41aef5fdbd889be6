/// Builds the scorecard: each measure's value for a period, judged against its thresholds and
/// compared with the previous period of the same kind (`SCORECARD [period]`).
///
/// ```swift
/// let rows = Scorecard.rows(measures: measures, values: values, period: nil)  // the latest period
/// for row in rows { print(row.measure.name, row.value ?? .nan, row.band.symbol, row.direction.arrow) }
/// ```
public enum Scorecard {
    /// One row per measure, in the order given, for `period`; with `period` nil, for
    /// ``latestPeriod(in:)`` of the measures' values (no rows when there are none).
    ///
    /// A measure reported more often than the period (a quarter or a month inside the year
    /// asked for) shows its latest figure within the period, and its row carries that figure's
    /// own period, compared with the one before it of the same kind: a board reading the 2017/18
    /// scorecard sees the Q2 supervision audit rather than a blank.
    ///
    /// A measure with no value in the period still has its row (value nil, band `none`,
    /// direction `new`) with its previous value, so a board sees what was not reported. Values
    /// of measures not listed are ignored; of two values for one measure and period, the later in
    /// `values` counts.
    public static func rows(measures: [Measure], values: [MeasureValue], period: Period?) -> [ScorecardRow] {
        let listed = Set(measures.map(\.id))
        let relevant = values.filter { listed.contains($0.measureID) }
        guard let period = period ?? latestPeriod(in: relevant) else { return [] }
        var byMeasure: [String: [Period: MeasureValue]] = [:]
        for value in relevant {
            byMeasure[value.measureID, default: [:]][value.period] = value
        }
        return measures.map { measure in
            let series = byMeasure[measure.id] ?? [:]
            let current = series[period] ?? latestWithin(period, of: series)
            let rowPeriod = current?.period ?? period
            let previous = series.values
                .filter { $0.period.kind == rowPeriod.kind && $0.period < rowPeriod }
                .max { $0.period < $1.period }
            return ScorecardRow(
                measure: measure, period: rowPeriod, current: current, previous: previous,
                yearAgo: series[rowPeriod.sameOneYearBefore])
        }
    }

    /// The value of the shorter period that ends last inside `period`.
    private static func latestWithin(_ period: Period, of series: [Period: MeasureValue]) -> MeasureValue? {
        latestPeriod(in: series.values.filter { $0.period.firstDay >= period.firstDay && $0.period.lastDay <= period.lastDay })
            .flatMap { series[$0] }
    }

    /// The latest period among `values`: the one that ends last; of periods that end together,
    /// the longest (2017/18 rather than 2017/18 Q4 or 2018-03, as the year sums them up). Nil when
    /// there are no values.
    public static func latestPeriod(in values: [MeasureValue]) -> Period? {
        values.lazy.map(\.period).max { a, b in
            a.lastDay != b.lastDay ? a.lastDay < b.lastDay : a.firstDay > b.firstDay
        }
    }
}
