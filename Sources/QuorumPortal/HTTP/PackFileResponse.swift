import Foundation
import Hummingbird

/// A content-addressed pack file as HTTP serves it: the SHA-256 as a strong ETag, cached for
/// good (the bytes at an address never change), 304 for a matching `If-None-Match`, and one
/// byte range of a PDF on request (206, or 416 when it lies outside the file).
enum PackFileResponse {
    static func make(data: Data, sha256: String, format: String, fileName: String, isExempt: Bool, request: Request) -> Response {
        let etag = "\"\(sha256)\""
        var headers: HTTPFields = [
            .eTag: etag,
            // Exempt parts are for one reader: no shared cache may keep them.
            .cacheControl: isExempt ? "private, max-age=31536000, immutable" : "public, max-age=31536000, immutable",
            .vary: "Cookie",
        ]
        if format == "pdf" {
            headers[.contentType] = "application/pdf"
            headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
            headers[.acceptRanges] = "bytes"
        } else {
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentDisposition] = "inline; filename=\"\(fileName)\""
            headers[.contentSecurityPolicy] = policy(forPackHTML: data)
        }
        if let match = request.headers[.ifNoneMatch], matches(match, etag: etag) {
            return Response(status: .notModified, headers: headers)
        }
        if format == "pdf", let rangeHeader = request.headers[.range] {
            // If-Range with another validator: the client's copy is stale, send it whole.
            let rangeApplies = request.headers[.ifRange].map { $0.trimmingCharacters(in: .whitespaces) == etag } ?? true
            if rangeApplies {
                switch ByteRange.parse(rangeHeader, size: data.count) {
                case .range(let range):
                    headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(data.count)"
                    return Response(
                        status: .partialContent, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data[range])))
                case .unsatisfiable:
                    headers[.contentRange] = "bytes */\(data.count)"
                    headers[.contentType] = "text/plain; charset=utf-8"
                    return Response(
                        status: .rangeNotSatisfiable, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: "The range lies outside the file (\(data.count) bytes).\n")))
                case .ignored:
                    break
                }
            }
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `*`, or any listed validator equal to ours (weak comparison, as RFC 9110 asks for If-None-Match).
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            var value = candidate.trimmingCharacters(in: .whitespaces)
            if value == "*" { return true }
            if value.hasPrefix("W/") { value.removeFirst(2) }
            return value == etag
        }
    }

    /// A pack's HTML carries its stylesheet inline: allow that block by its hash, and nothing else.
    static func policy(forPackHTML data: Data) -> String {
        var styles = "'none'"
        let html = String(decoding: data, as: UTF8.self)
        var hashes: [String] = []
        var searchFrom = html.startIndex
        while let open = html.range(of: "<style>", range: searchFrom..<html.endIndex),
            let close = html.range(of: "</style>", range: open.upperBound..<html.endIndex)
        {
            hashes.append("'sha256-\(ContentHash.sha256Base64(Data(html[open.upperBound..<close.lowerBound].utf8)))'")
            searchFrom = close.upperBound
        }
        if !hashes.isEmpty { styles = hashes.joined(separator: " ") }
        return "default-src 'none'; style-src \(styles); img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    }
}

/// One `Range: bytes=…` request (RFC 9110 §14): a single range is honoured, several are
/// answered with the whole file, which the standard allows.
enum ByteRange: Equatable {
    case range(Range<Int>)
    case unsatisfiable
    case ignored

    static func parse(_ header: String, size: Int) -> ByteRange {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("bytes=") else { return .ignored }
        let spec = text.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .ignored }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        let isDigits = { (s: String) in !s.isEmpty && s.utf8.allSatisfy { (48...57).contains($0) } && s.count <= 18 }
        if first.isEmpty {
            // The last N bytes.
            guard isDigits(last), let count = Int(last) else { return .ignored }
            guard count > 0, size > 0 else { return .unsatisfiable }
            return .range(max(0, size - count)..<size)
        }
        guard isDigits(first), let start = Int(first) else { return .ignored }
        guard start < size else { return .unsatisfiable }
        if last.isEmpty { return .range(start..<size) }
        guard isDigits(last), let end = Int(last), end >= start else { return .ignored }
        return .range(start..<min(end + 1, size))
    }
}
