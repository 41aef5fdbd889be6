/// An extra header field of an ``EmailMessage`` (`Reply-To`, `X-Quorum-Notice`, …).
///
/// Values are unstructured text: line breaks are collapsed and non-ASCII is encoded when the
/// message is rendered. Fields that the message writes itself (`Date`, `From`, `To`, `Cc`,
/// `Subject`, `Message-ID`, `MIME-Version`, `Content-*`) are not taken from here.
public struct EmailHeader: Hashable, Sendable {
    /// The field name, e.g. `X-Quorum-Notice`.
    public var name: String
    /// The field value, unencoded.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
