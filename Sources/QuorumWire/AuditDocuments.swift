/// One write as AUDIT shows it: who, when, which operation, what it touched, and its arguments
/// with secrets left out.
public struct AuditEntryDocument: Codable, Sendable, Hashable {
    public let id: Int64
    /// ISO 8601 with London's offset.
    public let at: String
    public let user: String
    /// The operation: `meeting.add`, `user.rotate`, …
    public let kind: String
    public let target: String
    public let details: [String: String]

    public init(id: Int64, at: String, user: String, kind: String, target: String, details: [String: String]) {
        self.id = id
        self.at = at
        self.user = user
        self.kind = kind
        self.target = target
        self.details = details
    }
}
