import Foundation
import Hummingbird
import QuorumDomain

/// A document the core renders on request (the Forward Plan, a meeting's minutes): unlike a pack
/// file it has no content address and may change, so no cache keeps it; its HTML may use its own
/// inline stylesheet, as a pack's does.
enum DocumentResponse {
    static func make(data: Data, format: PackFormat, fileName: String, isExempt: Bool) -> Response {
        var headers: HTTPFields = [.cacheControl: isExempt ? "private, no-store" : "no-cache", .vary: "Cookie"]
        switch format {
        case .pdf:
            headers[.contentType] = "application/pdf"
            headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        case .html:
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentDisposition] = "inline; filename=\"\(fileName)\""
            headers[.contentSecurityPolicy] = PackFileResponse.policy(forPackHTML: data)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
