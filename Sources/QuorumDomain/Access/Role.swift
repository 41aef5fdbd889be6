/// What a signed-in user may do (DESIGN.md §5). The public is whoever has not signed in.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case admin
    case secretary
    case analyst
    case lead
    case member
}
