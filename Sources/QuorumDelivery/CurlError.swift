import CCurl

/// A libcurl call that failed before any transfer: setting an option this libcurl does not
/// support (a build without SMTP or TLS), or making a handle. Transports turn it into a
/// permanent ``DeliveryError``: the same call would fail again.
struct CurlError: Error, CustomStringConvertible {
    var code: CURLcode
    /// The option or function, e.g. `CURLOPT_MAIL_RCPT`.
    var option: String

    var description: String {
        "\(option) failed: \(String(cString: curl_easy_strerror(code))) (CURLcode \(code.rawValue))"
    }
}
