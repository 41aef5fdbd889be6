import CCurl
import Foundation

extension CurlTransport {
    /// Sends `message` to every address in its `To` and `Cc`, through one SMTP transaction.
    ///
    /// The recipients succeed or fail together: if the server refuses any of them libcurl
    /// abandons the whole transaction, so a retry never sends twice to those it accepted.
    ///
    /// - Returns: the server's acceptance, once it has answered the end of the data with 250.
    /// - Throws: ``DeliveryError``: permanent for a 5xx reply (or an unusable address or URL),
    ///   temporary for a 4xx reply, a refused AUTH, a failed or missing STARTTLS, a connection
    ///   failure or a time-out. `CancellationError` when the task is cancelled.
    public func send(_ message: EmailMessage, configuration: SMTPConfiguration) async throws -> SMTPResult {
        let request = try SMTPRequest(message: message, configuration: configuration)
        let result = try await withHandle(key: request.poolKey, target: request.target) { easy, cancellation in
            try Self.perform(request, on: easy, cancellation: cancellation)
        }
        logger.debug(
            "mail accepted",
            metadata: [
                "server": "\(request.target)", "message_id": "\(message.normalizedMessageID)",
                "recipients": "\(result.recipients.count)", "reused_connection": "\(result.reusedConnection)",
            ])
        return result
    }

    private static func perform(_ request: SMTPRequest, on easy: CurlEasy, cancellation: CurlCancellation) throws -> SMTPResult {
        let transfer = CurlTransfer(upload: request.data, cancellation: cancellation)
        var recipients: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipients) }
        do throws(CurlError) {
            try easy.set(CURLOPT_URL, request.url, "CURLOPT_URL")
            try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps", "CURLOPT_PROTOCOLS_STR")
            // Time-outs without signals: the resolver must not raise SIGALRM in a threaded process.
            try easy.set(CURLOPT_NOSIGNAL, true, "CURLOPT_NOSIGNAL")
            try easy.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout), "CURLOPT_CONNECTTIMEOUT_MS")
            try easy.set(CURLOPT_TIMEOUT_MS, milliseconds(request.timeout), "CURLOPT_TIMEOUT_MS")
            try easy.set(CURLOPT_USE_SSL, Int(request.useSSL.rawValue), "CURLOPT_USE_SSL")
            if let caFile = request.caFile { try easy.set(CURLOPT_CAINFO, caFile, "CURLOPT_CAINFO") }
            if let username = request.username {
                try easy.set(CURLOPT_USERNAME, username, "CURLOPT_USERNAME")
                try easy.set(CURLOPT_PASSWORD, request.password ?? "", "CURLOPT_PASSWORD")
            }
            try easy.set(CURLOPT_MAIL_FROM, "<\(request.envelopeFrom)>", "CURLOPT_MAIL_FROM")
            for recipient in request.recipients {
                recipients = curl_slist_append(recipients, "<\(recipient)>")
            }
            try easy.set(CURLOPT_MAIL_RCPT, list: recipients, "CURLOPT_MAIL_RCPT")
            try easy.set(CURLOPT_UPLOAD, true, "CURLOPT_UPLOAD")
            // The size lets libcurl offer SIZE= on MAIL FROM (RFC 1870) before sending anything.
            try easy.set(CURLOPT_INFILESIZE, request.data.count, "CURLOPT_INFILESIZE")
            try transfer.attach(to: easy, uploads: true, downloads: false)
        } catch {
            throw DeliveryError(kind: .permanent, detail: error.description, target: request.target, curlCode: Int(error.code.rawValue))
        }

        let code = withExtendedLifetime(transfer) { easy.perform() }
        let replyCode = easy.info(CURLINFO_RESPONSE_CODE)
        // The reply that carries the result code; on a failure libcurl then says QUIT, and
        // "221 Bye" would otherwise be the last line.
        let reply = transfer.headerLines.last { $0.hasPrefix(String(replyCode)) } ?? transfer.headerLines.last ?? ""
        let reused = easy.info(CURLINFO_NUM_CONNECTS) == 0
        guard code == CURLE_OK else {
            if code == CURLE_ABORTED_BY_CALLBACK, cancellation.isCancelled { throw CancellationError() }
            throw failure(code: code, replyCode: replyCode, reply: reply, transfer: transfer, target: request.target)
        }
        return SMTPResult(responseCode: replyCode, reply: reply, recipients: request.recipients, reusedConnection: reused)
    }

    /// Classifies a failed SMTP transfer.
    static func failure(code: CURLcode, replyCode: Int, reply: String, transfer: CurlTransfer, target: String) -> DeliveryError {
        var detail = transfer.errorText(for: code)
        if !reply.isEmpty, replyCode >= 400 { detail += " (server said: \(reply))" }
        let kind: DeliveryError.Kind
        switch (code, replyCode) {
        case (CURLE_LOGIN_DENIED, _):
            // The credentials, not the message, are wrong: defer until an operator fixes them,
            // as Postfix does by default (smtp_sasl_auth_soft_bounce).
            kind = .temporary
        case (_, 500..<600):
            kind = .permanent
        case (_, 400..<500):
            kind = .temporary
        case (CURLE_URL_MALFORMAT, _), (CURLE_UNSUPPORTED_PROTOCOL, _):
            kind = .permanent
        default:
            // Connection refused, DNS, TLS, time-out, connection dropped: the server may come back.
            kind = .temporary
        }
        return DeliveryError(
            kind: kind, detail: detail, target: target, curlCode: Int(code.rawValue),
            smtpCode: replyCode > 0 ? replyCode : nil, timedOut: code == CURLE_OPERATION_TIMEDOUT)
    }
}
