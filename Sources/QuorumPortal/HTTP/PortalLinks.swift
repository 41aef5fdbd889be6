import Synchronization

/// Absolute links for feeds: the configured public address, or the address bound.
final class PortalLinks: Sendable {
    private let configured: String?
    private let host: String
    private let port: Mutex<Int>

    init(configured: String?, host: String, port: Int) {
        self.configured = configured
        self.host = host
        self.port = Mutex(port)
    }

    func bound(port: Int) {
        self.port.withLock { $0 = port }
    }

    /// `https://quorum.example.org` or `http://127.0.0.1:7879`, without a trailing slash.
    var base: String {
        if let configured { return configured }
        let port = self.port.withLock { $0 }
        return "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// The host part, for calendar UIDs.
    var uidDomain: String {
        var text = base
        if let scheme = text.range(of: "://") { text = String(text[scheme.upperBound...]) }
        return String(text.split(separator: "/").first ?? "quorum").split(separator: ":").first.map(String.init) ?? "quorum"
    }

    func absolute(_ path: String) -> String { base + path }
}
