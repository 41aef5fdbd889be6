/// A notice template that cannot be used, reported at start-up with where the problem is.
///
/// `description` reads like a compiler message, e.g.
/// `Notifications/action_digest.html.mustache:14:3: {{#overdue}} is opened but never closed`.
public struct NotificationTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template file.
    public var file: String
    /// The line (from 1), when known.
    public var line: Int?
    /// The column (from 1), when known.
    public var column: Int?
    /// What is wrong, in words a template editor can act on.
    public var reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(reason)"
    }
}
