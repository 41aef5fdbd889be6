import Hummingbird
import NIOCore
import QuorumDomain

/// One request's context: who is signed in and the form token their forms carry.
public struct PortalRequestContext: RequestContext, Sendable {
    public var coreContext: CoreRequestContextStorage
    /// Nil for the public.
    var user: User?
    /// The CSRF token for forms on this response (tied to the visitor's `quorum_csrf` cookie).
    var csrfToken = ""
    /// Cookies to set on the response (a new CSRF cookie, a cleared session).
    var cookiesToSet: [Cookie] = []
    /// The peer, for the loopback-only /metrics.
    let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { 16 * 1024 }

    /// The peer is this machine.
    var isLoopback: Bool {
        switch remoteAddress {
        case .v4(let address)?: return address.host.hasPrefix("127.")
        case .v6(let address)?: return address.host == "::1" || address.host.hasPrefix("::ffff:127.")
        default: return false
        }
    }
}
