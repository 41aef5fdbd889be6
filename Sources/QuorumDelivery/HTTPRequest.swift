import Foundation

/// One webhook POST, checked and made ready before any thread is taken.
struct HTTPRequest: Sendable {
    var url: String
    var origin: String
    var headers: [HTTPHeaderField]
    var body: [UInt8]
    var timeout: Duration
    var userAgent: String
    var responseLimit: Int

    init(
        url: String, headers: [HTTPHeaderField], body: [UInt8], timeout: Duration, configuration: CurlTransportConfiguration
    ) throws(DeliveryError) {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let origin = CurlTransport.origin(of: parsed)
        else {
            throw DeliveryError(kind: .permanent, detail: "a webhook URL must be http(s)://HOST[:PORT]/PATH", target: "webhook")
        }
        self.url = url
        self.origin = origin
        for field in headers where field.name.isEmpty || (field.name + field.value).contains(where: \.isNewline) {
            // A line break would let a value add header fields of its own.
            throw DeliveryError(
                kind: .permanent, detail: "the request header \"\(field.name)\" is empty or contains a line break", target: origin)
        }
        var fields = headers
        if !fields.contains(where: { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }) {
            fields.append(HTTPHeaderField(name: "Content-Type", value: "application/json"))
        }
        // An empty "Expect:" stops libcurl waiting for 100 Continue before a large body.
        fields.append(HTTPHeaderField(name: "Expect", value: ""))
        self.headers = fields
        self.body = body
        self.timeout = timeout
        self.userAgent = configuration.userAgent
        self.responseLimit = configuration.maximumResponseBytes
    }
}
