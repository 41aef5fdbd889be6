/// The files a council imports, each with its exact header (docs/plan.md).
public enum ImportKind: String, Sendable, CaseIterable {
    case recommendations
    case actions
    case measures
    case values

    public var columns: [String] {
        switch self {
        case .recommendations: ["id", "priority", "priority_title", "title", "ambition"]
        case .actions: ["ref", "recommendation", "action", "review_date", "lead_name", "lead_email", "status", "update", "updated_on"]
        case .measures: ["id", "recommendation", "name", "shows", "polarity", "requires_improvement", "good", "outstanding", "audit"]
        case .values: ["measure_id", "period", "value"]
        }
    }
}
