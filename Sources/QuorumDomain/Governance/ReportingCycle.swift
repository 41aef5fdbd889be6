/// A report a board must receive on a cadence: "six-monthly performance report to Scrutiny".
public struct ReportingCycle: Hashable, Sendable, Codable {
    /// Unique within the board, used in ids: `performance`.
    public var key: String
    public var title: String
    /// The officer the cover report is "of" (the template's "Report of").
    public var reportOf: String
    public var owner: Person
    /// Months between occurrences: 6 for six-monthly, 12 for annual.
    public var cadenceMonths: Int
    /// The month of the first occurrence.
    public var firstMonth: YearMonth
    /// The last month an occurrence may fall in; `nil` for a cycle that goes on.
    public var lastMonth: YearMonth?
    /// Appendices the pack generates from data for this report.
    public var appendices: [Appendix]

    public init(
        key: String, title: String, reportOf: String, owner: Person, cadenceMonths: Int,
        firstMonth: YearMonth, lastMonth: YearMonth? = nil, appendices: [Appendix]
    ) {
        self.key = key
        self.title = title
        self.reportOf = reportOf
        self.owner = owner
        self.cadenceMonths = cadenceMonths
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.appendices = appendices
    }

    /// Occurrence months from the first month through `horizon`.
    public func occurrenceMonths(through horizon: YearMonth) -> [YearMonth] {
        guard cadenceMonths > 0 else { return [] }
        var months: [YearMonth] = []
        var month = firstMonth
        let end = min(horizon, lastMonth ?? horizon)
        while month <= end {
            months.append(month)
            month = month.adding(months: cadenceMonths)
        }
        return months
    }

    /// The first occurrence in or after `month`.
    public func nextOccurrence(onOrAfter month: YearMonth) -> YearMonth? {
        guard cadenceMonths > 0 else { return nil }
        var candidate = firstMonth
        if candidate < month {
            let steps = (candidate.months(until: month) + cadenceMonths - 1) / cadenceMonths
            candidate = candidate.adding(months: steps * cadenceMonths)
        }
        if let lastMonth, candidate > lastMonth { return nil }
        return candidate
    }
}

/// An appendix generated from the plan and scorecard data.
public enum Appendix: String, Hashable, Sendable, Codable, CaseIterable {
    case scorecard
    case actionTracker = "action_tracker"
}
