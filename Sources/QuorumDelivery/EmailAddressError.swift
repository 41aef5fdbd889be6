/// An email address that Quorum cannot use, with the text as given and the reason.
public struct EmailAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text that was read.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "invalid email address \"\(text)\": \(reason)" }
}
