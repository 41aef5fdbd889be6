import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP server on loopback that records each request and answers with the status it is
/// told to, so the deliverer's webhooks travel over a socket as they do in production.
final class WebhookReceiver: Sendable {
    struct Request: Sendable {
        let headers: [String: String]
        let body: String
    }

    private let channel: any Channel
    private let state: State
    let url: String

    final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var requests: [Request] = []
        private var status: HTTPResponseStatus = .ok

        func record(_ request: Request) -> HTTPResponseStatus {
            lock.withLock {
                requests.append(request)
                return status
            }
        }

        var received: [Request] { lock.withLock { requests } }

        func answer(_ status: HTTPResponseStatus) { lock.withLock { self.status = status } }
    }

    init() async throws {
        let state = State()
        self.state = state
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        url = "http://127.0.0.1:\(channel.localAddress!.port!)/hook"
    }

    var received: [Request] { state.received }

    func answer(_ status: HTTPResponseStatus) { state.answer(status) }

    func close() async throws { try await channel.close() }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let state: State
        var head: HTTPRequestHead?
        var body = ByteBuffer()

        init(state: State) { self.state = state }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body.clear()
            case .body(var chunk):
                body.writeBuffer(&chunk)
            case .end:
                var headers: [String: String] = [:]
                for (name, value) in head?.headers ?? [:] { headers[name.lowercased()] = value }
                let status = state.record(Request(headers: headers, body: String(buffer: body)))
                var responseHeaders = HTTPHeaders()
                responseHeaders.add(name: "content-length", value: "0")
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: responseHeaders))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
