import Foundation

/// An email ready to hand to an SMTP server: its envelope-to-be and its content.
///
/// ``rendered()`` writes it as RFC 5322 text with MIME (`multipart/alternative` of a
/// `text/plain` and a `text/html` part, both UTF-8 and quoted-printable). Rendering is
/// deterministic: the same message renders to the same bytes, so a retry sends exactly what
/// the first attempt sent, and receivers can drop duplicates by ``messageID``.
///
/// ```swift
/// let message = EmailMessage(
///     from: EmailAddress(address: "quorum@example.org", displayName: "Quorum"),
///     to: [EmailAddress(address: "qa.manager@example.org", displayName: "QA Manager")],
///     subject: "Actions due: 2 overdue", textBody: text, htmlBody: html,
///     date: now, messageID: "<outbox-42@quorum.example.org>")
/// try await transport.send(message, configuration: smtp)
/// ```
public struct EmailMessage: Hashable, Sendable {
    /// The author (`From:`), also the envelope sender unless the configuration says otherwise.
    public var from: EmailAddress
    /// The main recipients.
    public var to: [EmailAddress]
    /// Recipients copied in (the board secretary on an escalated digest).
    public var cc: [EmailAddress]
    /// The subject, unencoded; line breaks are collapsed.
    public var subject: String
    /// The plain-text part.
    public var textBody: String
    /// The HTML part; nil sends the text part alone.
    public var htmlBody: String?
    /// The `Date:` header: when the notice was made, not when this attempt is made.
    public var date: Date
    /// The `Message-ID:`, stable across retries (`<outbox-42@quorum.example.org>`); angle
    /// brackets are added when missing.
    public var messageID: String
    /// Further header fields, in order.
    public var headers: [EmailHeader]

    public init(
        from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [], subject: String, textBody: String,
        htmlBody: String? = nil, date: Date, messageID: String, headers: [EmailHeader] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.date = date
        self.messageID = messageID
        self.headers = headers
    }

    /// Every envelope recipient (`RCPT TO`): ``to`` then ``cc``, without repeats.
    public var recipients: [String] {
        var seen = Set<String>()
        return (to + cc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }

    /// ``messageID`` with its angle brackets, and nothing that could break the header.
    public var normalizedMessageID: String {
        let bare = messageID.filter { !$0.isWhitespace && $0 != "<" && $0 != ">" }
        return "<" + bare + ">"
    }
}
