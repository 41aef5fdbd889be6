/// A figure a measure is compared with: the national average, the statistical neighbours'
/// average, or the region's, for a stated period and from a stated source ("the last published
/// national figure of 15.1%").
public struct Comparator: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case national
        /// The average of the council's statistical neighbours (the DfE's ten most similar authorities).
        case statisticalNeighbours = "statistical_neighbours"
        case regional

        /// "England", "Statistical neighbours", "Region".
        public var label: String {
            switch self {
            case .national: "National"
            case .statisticalNeighbours: "Statistical neighbours"
            case .regional: "Regional"
            }
        }
    }

    public var kind: Kind
    public var value: Double
    /// The period the figure is for.
    public var period: Period
    /// Where it comes from: "DfE Children's social work workforce, 2017".
    public var source: String

    public init(kind: Kind, value: Double, period: Period, source: String) {
        self.kind = kind
        self.value = value
        self.period = period
        self.source = source
    }
}

/// How a value stands against a target or a comparator, in the measure's polarity.
public enum Standing: String, Hashable, Sendable, Codable, CaseIterable {
    case better
    case level
    case worse

    /// Compares `value` with `reference` the way ``Direction`` compares it with a previous value.
    public init(value: Double, reference: Double, polarity: Polarity) {
        switch Direction(current: value, previous: reference, polarity: polarity) {
        case .improving: self = .better
        case .declining: self = .worse
        case .stable, .new: self = .level
        }
    }
}
