import Hummingbird

/// Bounds what one request may cost: a body over the limit is refused before it is read
/// (413), and only the methods the portal serves are let through (405).
struct RequestLimitsMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw PortalError(
                status: .contentTooLarge, title: "Too large",
                message: "The request is larger than the \(maxBodyBytes / 1024) KiB the portal accepts.")
        }
        guard request.method == .get || request.method == .head || request.method == .post else {
            throw PortalError(status: .methodNotAllowed, title: "Not allowed", message: "The portal answers GET, HEAD and POST only.")
        }
        return try await next(request, context)
    }
}

/// Answers 503 for a request still running after the time limit, and cancels its work.
///
/// It wraps the whole router rather than sitting in it as a middleware: a middleware's `next`
/// cannot be handed to a child task, and the race needs one.
struct TimeLimitedResponder<Responder: HTTPResponder>: HTTPResponder where Responder.Context: Sendable {
    typealias Context = Responder.Context
    let responder: Responder
    /// The limit for this request: building a pack renders PDFs and is allowed longer.
    let timeout: @Sendable (Request) -> Duration
    let timedOut: @Sendable () -> Response

    func respond(to request: Request, context: Context) async throws -> Response {
        let timeout = self.timeout(request)
        return try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await responder.respond(to: request, context: context) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else { return timedOut() }
            return response
        }
    }
}
