import CCurl

/// One libcurl easy handle and the connection that it keeps alive between transfers.
///
/// libcurl lets a handle move between threads so long as two threads never use it at once.
/// That is what ownership gives here: a handle is held either by ``CurlHandlePool`` (inside
/// its `Mutex`) or by the one transfer that checked it out, on one thread-pool thread, and
/// it is handed back before that transfer returns. The class is `@unchecked Sendable` only
/// so that it can be stored in the pool's `Mutex`: Swift's region checking cannot express
/// "moved back into the pool" for a class (it rejects putting a non-Sendable value into a
/// `Mutex`'s state from a closure). It is not shared state behind a lock-free queue.
final class CurlEasy: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// - Throws: ``CurlError`` when libcurl cannot make a handle (out of memory).
    init() throws(CurlError) {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            throw CurlError(code: CURLE_FAILED_INIT, option: "curl_easy_init")
        }
        self.handle = handle
    }

    deinit {
        // Closes the handle's cached connections (sending QUIT to an SMTP server).
        curl_easy_cleanup(handle)
    }

    /// Clears every option, keeping the live connections, the DNS and TLS session caches
    /// (curl_easy_reset(3)), so that nothing of one transfer leaks into the next.
    func reset() {
        curl_easy_reset(handle)
    }

    func set(_ option: CURLoption, _ value: Int, _ name: StaticString) throws(CurlError) {
        try check(quorum_curl_setopt_long(handle, option, value), name)
    }

    func set(_ option: CURLoption, _ value: Bool, _ name: StaticString) throws(CurlError) {
        try check(quorum_curl_setopt_long(handle, option, value ? 1 : 0), name)
    }

    /// libcurl copies string options (curl_easy_setopt(3)), so a temporary C string is enough.
    func set(_ option: CURLoption, _ value: String, _ name: StaticString) throws(CurlError) {
        try check(quorum_curl_setopt_string(handle, option, value), name)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?, _ name: StaticString) throws(CurlError) {
        try check(quorum_curl_setopt_pointer(handle, option, pointer), name)
    }

    func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?, _ name: StaticString) throws(CurlError) {
        try check(quorum_curl_setopt_slist(handle, option, list), name)
    }

    /// Runs the transfer, blocking the calling thread until it ends.
    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        _ = quorum_curl_getinfo_long(handle, info, &value)
        return value
    }

    func check(_ code: CURLcode, _ name: StaticString) throws(CurlError) {
        guard code == CURLE_OK else { throw CurlError(code: code, option: "\(name)") }
    }
}
