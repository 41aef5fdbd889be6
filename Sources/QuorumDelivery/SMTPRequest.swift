import CCurl
import Foundation

/// One message's SMTP transfer, checked and made ready before any thread is taken.
struct SMTPRequest: Sendable {
    var url: String
    var target: String
    var poolKey: String
    var envelopeFrom: String
    var recipients: [String]
    var data: [UInt8]
    var username: String?
    var password: String?
    var useSSL: curl_usessl
    var caFile: String?
    var connectTimeout: Duration
    var timeout: Duration

    init(message: EmailMessage, configuration: SMTPConfiguration) throws(DeliveryError) {
        guard var components = URLComponents(string: configuration.url),
            let scheme = components.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps",
            let url = components.url, let origin = CurlTransport.origin(of: url)
        else {
            throw DeliveryError(
                kind: .permanent, detail: "the SMTP URL must be smtp://HOST[:PORT] or smtps://HOST[:PORT]",
                target: configuration.url.split(separator: "@").last.map(String.init) ?? "")
        }
        target = origin
        if let helo = configuration.heloName, !helo.isEmpty {
            // libcurl reads the EHLO name from the URL's path, percent-decoded.
            components.percentEncodedPath = "/" + (helo.addingPercentEncoding(withAllowedCharacters: .urlHostAllowed) ?? helo)
        }
        // Credentials go through CURLOPT_USERNAME/PASSWORD, which need no URL escaping.
        components.user = nil
        components.password = nil
        self.url = components.string ?? configuration.url

        envelopeFrom = configuration.envelopeFrom ?? message.from.address
        recipients = message.recipients
        for address in [envelopeFrom] + recipients {
            if let problem = EmailAddress(address: address).addressProblem {
                throw DeliveryError(kind: .permanent, detail: "cannot send to or from \"\(address)\": \(problem)", target: origin)
            }
        }
        guard !recipients.isEmpty else {
            throw DeliveryError(kind: .permanent, detail: "the message has no recipients", target: origin)
        }
        data = Array(message.rendered().utf8)
        username = configuration.username.flatMap { $0.isEmpty ? nil : $0 }
        password = configuration.password
        switch configuration.tls.mode {
        case .none: useSSL = CURLUSESSL_NONE
        case .optional: useSSL = CURLUSESSL_TRY
        case .required: useSSL = CURLUSESSL_ALL
        }
        caFile = configuration.caFile
        connectTimeout = configuration.connectTimeout
        timeout = configuration.timeout
        // One connection per server and account: libcurl would not reuse it for another login.
        poolKey = "\(origin)|\(username ?? "")|\(self.url)"
    }
}
