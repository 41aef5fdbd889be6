/// What the mail server said when it accepted a message.
public struct SMTPResult: Hashable, Sendable {
    /// The reply code to the end of the data (250).
    public var responseCode: Int
    /// The server's last reply line, e.g. `250 OK queued as 7F3A2`, for the outbox record.
    public var reply: String
    /// The envelope recipients the message went to.
    public var recipients: [String]
    /// True when the message went over a connection kept open from an earlier send.
    public var reusedConnection: Bool

    public init(responseCode: Int, reply: String, recipients: [String], reusedConnection: Bool) {
        self.responseCode = responseCode
        self.reply = reply
        self.recipients = recipients
        self.reusedConnection = reusedConnection
    }
}
