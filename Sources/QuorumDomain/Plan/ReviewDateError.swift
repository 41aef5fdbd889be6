/// Why a text is not a ``ReviewDate``.
public struct ReviewDateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What is wrong with it, in words.
    public let reason: String

    /// An error for `text`, with `reason` saying what is wrong.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// `'Dec 202017' is not a review date: …`.
    public var description: String { "'\(text)' is not a review date: \(reason)" }
}
