/// How to reach the mail server (`smtp:` in `Config/quorum.yaml`).
///
/// ```swift
/// let smtp = SMTPConfiguration(
///     url: "smtp://mail.council.example:587", heloName: "quorum.council.example",
///     username: "quorum", password: secret, tls: .required)
/// ```
public struct SMTPConfiguration: Hashable, Sendable {
    /// Whether to upgrade an `smtp://` connection with STARTTLS (`CURLOPT_USE_SSL`).
    /// `smtps://` is TLS from the first byte whatever this says.
    public struct TLS: Hashable, Sendable, CustomStringConvertible {
        enum Mode: Hashable, Sendable {
            case none
            case optional
            case required
        }

        let mode: Mode

        /// Never STARTTLS (a relay on this machine).
        public static let none = TLS(mode: .none)
        /// STARTTLS when the server offers it, with its certificate checked; plain otherwise.
        public static let optional = TLS(mode: .optional)
        /// STARTTLS or fail (temporarily: the message is fine, the server or its settings are not).
        public static let required = TLS(mode: .required)

        public var description: String {
            switch mode {
            case .none: "none"
            case .optional: "optional"
            case .required: "required"
            }
        }
    }

    /// `smtp://host[:port]` or `smtps://host[:port]`; a path, if any, is replaced by ``heloName``.
    public var url: String
    /// The envelope sender (`MAIL FROM`); nil uses the message's `From` address.
    public var envelopeFrom: String?
    /// The name given in EHLO/HELO. libcurl takes it from the URL's path
    /// (`smtp://host:25/quorum.example.org`: lib/smtp.c `smtp_parse_url_path`), so the transport
    /// puts it there; nil lets libcurl use this machine's host name. (`CURLOPT_MAIL_AUTH` is
    /// something else: the `AUTH=` parameter of MAIL FROM.)
    public var heloName: String?
    /// AUTH user name; nil sends no AUTH.
    public var username: String?
    /// AUTH password.
    public var password: String?
    /// STARTTLS policy.
    public var tls: TLS
    /// A PEM file of CA certificates to trust instead of the system's (a council's own CA).
    public var caFile: String?
    /// The longest wait to connect, TLS and greeting included (`CURLOPT_CONNECTTIMEOUT_MS`).
    public var connectTimeout: Duration
    /// The longest a whole send may take (`CURLOPT_TIMEOUT_MS`).
    public var timeout: Duration

    public init(
        url: String, envelopeFrom: String? = nil, heloName: String? = nil, username: String? = nil,
        password: String? = nil, tls: TLS = .optional, caFile: String? = nil, connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.envelopeFrom = envelopeFrom
        self.heloName = heloName
        self.username = username
        self.password = password
        self.tls = tls
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }
}
