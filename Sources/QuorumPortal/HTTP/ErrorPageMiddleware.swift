import Hummingbird
import Logging

/// Turns refusals and failures into pages in the portal's style: 404, 403, 400, 413 as they
/// are; anything unexpected as 500 with a log line (the visitor sees no detail).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext
    let renderer: PageRenderer
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PortalError {
            return renderer.error(error, context: context, path: request.uri.path)
        } catch let error as HTTPError {
            let portalError: PortalError
            switch error.status {
            case .notFound: portalError = .notFound()
            case .contentTooLarge:
                portalError = PortalError(status: .contentTooLarge, title: "Too large", message: "The request is larger than the portal accepts.")
            case .methodNotAllowed:
                portalError = PortalError(status: .methodNotAllowed, title: "Not allowed", message: "This address does not take that method.")
            default:
                portalError = PortalError(status: error.status, title: error.status.reasonPhrase, message: error.body ?? "The request could not be used.")
            }
            return renderer.error(portalError, context: context, path: request.uri.path)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("portal request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return renderer.error(
                PortalError(
                    status: .internalServerError, title: "Something went wrong",
                    message: "The portal could not answer this request. It has been logged; please try again later."),
                context: context, path: request.uri.path)
        }
    }
}
