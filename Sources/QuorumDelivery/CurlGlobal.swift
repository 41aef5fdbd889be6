import CCurl

/// `curl_global_init`, exactly once per process, before the first handle is made.
///
/// A `static let` is initialised once, thread-safely, on first use (Swift's lazy globals run
/// under `swift_once`), which is what curl_global_init(3) asks for. It is never cleaned up:
/// the daemon's handles live until exit.
enum CurlGlobal {
    private static let result: CURLcode = quorum_curl_global_init_default()

    static func ensureInitialized() {
        precondition(result == CURLE_OK, "curl_global_init failed: \(String(cString: curl_easy_strerror(result)))")
    }
}
