import CCurl
import Foundation

extension CurlTransport {
    /// POSTs `body` to `url` and returns the receiver's 2xx answer.
    ///
    /// Redirects are not followed (a webhook URL that moved is a configuration to fix), only
    /// `http` and `https` URLs are accepted, and `Expect: 100-continue` is never sent.
    ///
    /// ```swift
    /// let headers = WebhookSignature.headers(id: "evt_42", timestamp: now, body: json, secrets: secrets)
    ///     + [HTTPHeaderField(name: "Content-Type", value: "application/json")]
    /// let answer = try await transport.post(url: endpoint, headers: headers, body: json, timeout: .seconds(15))
    /// ```
    /// - Parameters:
    ///   - url: the endpoint.
    ///   - headers: request header fields; `Content-Type: application/json` is added if absent.
    ///   - body: the exact bytes that were signed.
    ///   - timeout: the longest the whole exchange may take (the connect phase gets at most 10 s of it).
    /// - Throws: ``DeliveryError`` for anything but a 2xx answer: temporary for 408, 429, 5xx,
    ///   3xx, time-outs and connection failures (with ``DeliveryError/retryAfter`` when the
    ///   receiver sent `Retry-After`), permanent for other 4xx, and permanent with
    ///   ``DeliveryError/disablesEndpoint`` for 410 Gone. `CancellationError` when cancelled.
    public func post(url: String, headers: [HTTPHeaderField], body: [UInt8], timeout: Duration) async throws -> HTTPResult {
        let request = try HTTPRequest(url: url, headers: headers, body: body, timeout: timeout, configuration: configuration)
        let result = try await withHandle(key: request.origin, target: request.origin) { easy, cancellation in
            try Self.perform(request, on: easy, cancellation: cancellation)
        }
        logger.debug(
            "webhook answered",
            metadata: [
                "endpoint": "\(request.origin)", "status": "\(result.status)", "reused_connection": "\(result.reusedConnection)",
            ])
        if let error = Self.failure(status: result, target: request.origin, now: Date()) { throw error }
        return result
    }

    private static func perform(_ request: HTTPRequest, on easy: CurlEasy, cancellation: CurlCancellation) throws -> HTTPResult {
        let transfer = CurlTransfer(responseLimit: request.responseLimit, cancellation: cancellation)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        do throws(CurlError) {
            try easy.set(CURLOPT_URL, request.url, "CURLOPT_URL")
            try easy.set(CURLOPT_PROTOCOLS_STR, "http,https", "CURLOPT_PROTOCOLS_STR")
            try easy.set(CURLOPT_NOSIGNAL, true, "CURLOPT_NOSIGNAL")
            try easy.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(request.timeout, .seconds(10))), "CURLOPT_CONNECTTIMEOUT_MS")
            try easy.set(CURLOPT_TIMEOUT_MS, milliseconds(request.timeout), "CURLOPT_TIMEOUT_MS")
            try easy.set(CURLOPT_FOLLOWLOCATION, false, "CURLOPT_FOLLOWLOCATION")
            try easy.set(CURLOPT_USERAGENT, request.userAgent, "CURLOPT_USERAGENT")
            try easy.set(CURLOPT_POST, true, "CURLOPT_POST")
            // The size first, so that COPYPOSTFIELDS copies exactly these bytes (NULs included).
            try easy.set(CURLOPT_POSTFIELDSIZE, request.body.count, "CURLOPT_POSTFIELDSIZE")
            var body = request.body
            let copied =
                body.isEmpty
                ? quorum_curl_setopt_string(easy.handle, CURLOPT_COPYPOSTFIELDS, "")
                : body.withUnsafeMutableBytes { quorum_curl_setopt_pointer(easy.handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
            try easy.check(copied, "CURLOPT_COPYPOSTFIELDS")
            for field in request.headers {
                headerList = curl_slist_append(headerList, "\(field.name): \(field.value)")
            }
            try easy.set(CURLOPT_HTTPHEADER, list: headerList, "CURLOPT_HTTPHEADER")
            try transfer.attach(to: easy, uploads: false, downloads: true)
        } catch {
            throw DeliveryError(kind: .permanent, detail: error.description, target: request.origin, curlCode: Int(error.code.rawValue))
        }

        let code = withExtendedLifetime(transfer) { easy.perform() }
        guard code == CURLE_OK else {
            if code == CURLE_ABORTED_BY_CALLBACK, cancellation.isCancelled { throw CancellationError() }
            let kind: DeliveryError.Kind =
                code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL ? .permanent : .temporary
            throw DeliveryError(
                kind: kind, detail: transfer.errorText(for: code), target: request.origin, curlCode: Int(code.rawValue),
                timedOut: code == CURLE_OPERATION_TIMEDOUT)
        }
        var headers: [HTTPHeaderField] = []
        for line in transfer.headerLines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                HTTPHeaderField(
                    name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                    value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        return HTTPResult(
            status: easy.info(CURLINFO_RESPONSE_CODE), headers: headers, body: transfer.responseBody,
            reusedConnection: easy.info(CURLINFO_NUM_CONNECTS) == 0)
    }

    /// The error an HTTP answer amounts to, or nil for 2xx.
    static func failure(status result: HTTPResult, target: String, now: Date) -> DeliveryError? {
        let status = result.status
        guard !(200..<300).contains(status) else { return nil }
        let excerpt = String(result.bodyText.prefix(200)).replacingOccurrences(of: "\n", with: " ")
        let detail = "the receiver answered \(status)" + (excerpt.isEmpty ? "" : ": \(excerpt)")
        switch status {
        case 410:
            return DeliveryError(kind: .permanent, detail: detail, target: target, httpStatus: status, disablesEndpoint: true)
        case 408, 429, 500..<600:
            return DeliveryError(
                kind: .temporary, detail: detail, target: target, httpStatus: status, retryAfter: result.retryAfter(now: now))
        case 400..<500:
            return DeliveryError(kind: .permanent, detail: detail, target: target, httpStatus: status)
        default:
            // 1xx and 3xx: Standard Webhooks counts anything but 2xx as a failure to retry.
            return DeliveryError(
                kind: .temporary, detail: detail, target: target, httpStatus: status, retryAfter: result.retryAfter(now: now))
        }
    }
}
