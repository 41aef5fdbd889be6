/// One HTTP header field, as sent or as received.
public struct HTTPHeaderField: Hashable, Sendable, CustomStringConvertible {
    /// The field name; compare it case-insensitively.
    public var name: String
    /// The field value, without surrounding white space.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name): \(value)" }
}
