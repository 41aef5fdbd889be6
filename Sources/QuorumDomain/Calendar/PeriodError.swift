/// Why a text is not a ``Period``.
public struct PeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What is wrong with it, in words.
    public let reason: String

    /// An error for `text`, with `reason` saying what is wrong.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// `'2017/19' is not a period: …`.
    public var description: String { "'\(text)' is not a period: \(reason)" }
}
