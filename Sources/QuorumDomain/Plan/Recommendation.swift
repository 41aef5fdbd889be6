/// A recommendation of the improvement plan (`1.1 Assessment and Planning`, `2 Management
/// Oversight`): what the plan commits to under one of its priorities, with its ambition.
///
/// Actions (``PlanAction``) and measures belong to a recommendation by its ``id``.
public struct Recommendation: Hashable, Sendable, Codable {
    /// Its number as the plan writes it: `1.1`, `1.3`, `2`, `3`.
    public var id: String
    /// The number of the ``Priority`` it belongs to.
    public var priority: Int
    /// Its heading: "Front Line Practice – Assessment and Planning".
    public var title: String
    /// "Our ambition (what 'good' looks like)": the plan's description of success.
    public var ambition: String

    /// A recommendation numbered `id` under priority `priority`.
    public init(id: String, priority: Int, title: String, ambition: String) {
        self.id = id
        self.priority = priority
        self.title = title
        self.ambition = ambition
    }

    /// Whether `id` is a recommendation number: one or two dot-separated positive whole numbers
    /// with no leading zeros (`1.1`, `2`, `3`). The seed's heading "Recommendation 2.0" is
    /// recommendation `2`.
    @inlinable
    public static func isValidID(_ id: some StringProtocol) -> Bool {
        PlanAction.isNumbered(id, parts: 1...2)
    }
}
