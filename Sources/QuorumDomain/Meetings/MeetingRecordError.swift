/// A meeting record (a Forward Plan entry, an attendance, a resolution, a decision…) refused
/// because one of its fields is wrong: which field, what it held, and why.
public struct MeetingRecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field, as the wire and the files name it (`decision_maker`).
    public var field: String
    /// What it held.
    public var value: String
    public var reason: String

    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String { "\(field) '\(value)': \(reason)" }
}
