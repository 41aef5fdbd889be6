/// A measure's value for one period: 76.4 for assessments within 45 days in 2017/18.
public struct MeasureValue: Hashable, Sendable, Codable {
    /// The ``Measure/id`` it is a value of.
    public var measureID: String
    /// The year, quarter or month it is for.
    public var period: Period
    /// The figure, in the measure's own unit (mostly a percentage, as 76.4).
    public var value: Double

    /// The value of measure `measureID` for `period`.
    public init(measureID: String, period: Period, value: Double) {
        self.measureID = measureID
        self.period = period
        self.value = value
    }
}
