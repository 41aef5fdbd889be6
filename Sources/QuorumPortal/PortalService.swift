import Foundation
import Hummingbird
import Logging
import NIOCore
import QuorumApplication
import QuorumDomain
import ServiceLifecycle

/// The web portal: a Hummingbird application run as one service of `quorumd`'s group.
///
/// ```swift
/// let portal = try PortalService(configuration: configuration, application: application, logger: logger) {
///     print("portal on \($0)")
/// }
/// let group = ServiceGroup(services: [server, portal], …)
/// ```
public struct PortalService: Service {
    let configuration: PortalConfiguration
    let application: Hummingbird.Application<TimeLimitedResponder<RouterResponder<PortalRequestContext>>>

    /// Reads the templates and the signing key and builds the routes.
    /// - Parameter onListening: called with the address (`http://host:port`) once the socket is bound.
    /// - Throws: `PortalTemplateError` for a template that does not render; an error when the key cannot be written.
    public init(
        configuration: PortalConfiguration, application app: QuorumApplication.Application, metrics: PortalMetrics? = nil,
        logger: Logger, onListening: @escaping @Sendable (String) -> Void
    ) throws {
        self.configuration = configuration
        let templates = try PortalTemplates(directory: configuration.directory)
        let key = try SigningKey.load(path: configuration.keyFile)
        let sessions = PortalSessions(core: app.sessions, key: key, isSecure: configuration.isSecure)
        let renderer = PageRenderer(templates: templates)
        let links = PortalLinks(configured: configuration.publicURL, host: configuration.host, port: configuration.port)

        let router = Router(context: PortalRequestContext.self, options: [.autoGenerateHeadEndpoints])
        router.middlewares.add(SecurityHeadersMiddleware())
        // Outside the error pages, so that refusals are counted with their status.
        router.middlewares.add(MetricsMiddleware<PortalRequestContext>())
        router.middlewares.add(ErrorPageMiddleware(renderer: renderer, logger: logger))
        router.middlewares.add(RequestLimitsMiddleware(maxBodyBytes: configuration.maxBodyBytes))
        router.middlewares.add(SessionMiddleware(sessions: sessions))
        PortalRoutes(
            app: app, renderer: renderer, templates: templates, sessions: sessions, links: links,
            maxBodyBytes: configuration.maxBodyBytes, metrics: metrics
        ).add(to: router)

        let limit = configuration.requestTimeout
        let buildLimit = configuration.packBuildTimeout
        let responder = TimeLimitedResponder(
            responder: router.buildResponder(),
            timeout: { request in request.method == .post && request.uri.path.hasSuffix("/build") ? buildLimit : limit }
        ) {
            var response = Response(
                status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8", .retryAfter: "5"],
                body: .init(byteBuffer: ByteBuffer(string: "The portal could not answer in time. Please try again in a moment.\n")))
            response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.pagePolicy
            response.headers[.xContentTypeOptions] = "nosniff"
            return response
        }
        let host = configuration.host
        application = Hummingbird.Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .init(configuration.idleTimeout))),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                links.bound(port: port)
                onListening("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            },
            logger: logger)
    }

    public func run() async throws {
        do {
            try await application.run()
        } catch let error as IOError where [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode) {
            // Only binding the socket fails with these: say which address, in a line.
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            throw ListenError(address: "\(host):\(configuration.port)", reason: String(cString: strerror(error.errnoCode)))
        }
    }

    /// The portal's address could not be listened on.
    public struct ListenError: Error, CustomStringConvertible {
        public let address: String
        public let reason: String

        public var description: String { "the portal cannot listen on \(address): \(reason)" }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
