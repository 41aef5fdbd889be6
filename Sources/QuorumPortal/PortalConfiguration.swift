import Foundation

/// How the portal listens and behaves; every field has a working default.
public struct PortalConfiguration: Sendable {
    public var host: String
    /// 0 takes any free port (tests).
    public var port: Int
    /// The address people reach the portal at, for links in feeds and emails; nil means the
    /// address it listens on. `https://` marks the session cookie Secure.
    public var publicURL: String?
    /// The templates (`templates/*.mustache`) and the stylesheet (`assets/portal.css`).
    public var directory: String
    /// Where the key that signs cookies and form tokens is kept (created on first start, 0600).
    public var keyFile: String
    /// The largest request body accepted (a sign-in form is a few hundred bytes).
    public var maxBodyBytes: Int
    /// A request that takes longer is answered 503 and abandoned.
    public var requestTimeout: Duration
    /// A secretary's pack build renders PDFs: it may take this long.
    public var packBuildTimeout: Duration
    /// A connection silent this long is closed (also bounds slow headers).
    public var idleTimeout: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 7879, publicURL: String? = nil, directory: String = "Portal",
        keyFile: String = "var/portal.key", maxBodyBytes: Int = 16 * 1024, requestTimeout: Duration = .seconds(20),
        packBuildTimeout: Duration = .seconds(900), idleTimeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.directory = directory
        self.keyFile = keyFile
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
        self.packBuildTimeout = packBuildTimeout
        self.idleTimeout = idleTimeout
    }

    /// Whether cookies are marked Secure: the portal is reached over TLS.
    var isSecure: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }
}
