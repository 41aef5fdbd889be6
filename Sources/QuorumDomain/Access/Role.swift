/// What a signed-in user may do (docs/access.md). The public is whoever has not signed in.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case admin
    case secretary
    case analyst
    case lead
    case member
    /// A finance officer: clears reports for finance and gives the `FD.` reference.
    case finance
    /// A legal officer: clears reports for legal and gives the `LD.` reference.
    case legal
}
