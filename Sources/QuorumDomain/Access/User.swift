/// A signed-in user as the permission rules see them.
public struct User: Hashable, Sendable, Codable {
    /// The email given to `USER ADD`, or `admin`.
    public var name: String
    public var role: Role
    /// The board a secretary or member belongs to.
    public var boardCode: String?

    public init(name: String, role: Role, boardCode: String? = nil) {
        self.name = name
        self.role = role
        self.boardCode = boardCode
    }

    /// Whether this user keeps the calendar and packs of `board`.
    public func isSecretary(of board: String) -> Bool {
        role == .admin || (role == .secretary && boardCode == board)
    }
}
