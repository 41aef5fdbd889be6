/// One of the improvement plan's numbered priorities: the areas of focus the plan's foreword
/// lists ("1. Ensure frontline practice is consistently good…").
///
/// Recommendations belong to a priority by the first part of their number: `1.1`, `1.2` and `1.3`
/// to priority 1, `2` to priority 2.
public struct Priority: Hashable, Sendable, Codable {
    /// Its number, from 1.
    public var number: Int
    /// What it aims at, as the plan words it.
    public var title: String

    /// A priority numbered `number`.
    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }
}
