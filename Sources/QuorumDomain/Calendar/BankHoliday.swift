/// A bank holiday in England and Wales: the date offices are closed and its name.
public struct BankHoliday: Hashable, Comparable, Sendable, Codable {
    public var date: LocalDate
    /// The name gov.uk gives it: `Spring bank holiday`, `Boxing Day`.
    public var name: String
    /// Whether this is the substitute day of a holiday that fell on a weekend (gov.uk's
    /// "Substitute day" note); the name stays that of the holiday it replaces.
    public var isSubstitute: Bool

    public init(date: LocalDate, name: String, isSubstitute: Bool = false) {
        self.date = date
        self.name = name
        self.isSubstitute = isSubstitute
    }

    /// Ordered by date.
    public static func < (lhs: BankHoliday, rhs: BankHoliday) -> Bool {
        (lhs.date, lhs.name) < (rhs.date, rhs.name)
    }
}

extension BankHoliday: CustomStringConvertible {
    /// `2022-12-27 Christmas Day (substitute day)`.
    public var description: String {
        "\(date) \(name)" + (isSubstitute ? " (substitute day)" : "")
    }
}
