/// Someone the governance structure names by role: a chair, a secretary, a member, a report owner.
///
/// Demo data and board files name roles ("Head of Children's Social Care"), not people.
public struct Person: Hashable, Sendable, Codable {
    public var role: String
    public var email: String

    public init(role: String, email: String) {
        self.role = role
        self.email = email
    }
}
