import CCurl

/// What one transfer's callbacks read and write: the bytes to upload, the response, the
/// header (or, for SMTP, server reply) lines, and libcurl's error text.
///
/// It lives on the thread-pool thread that performs the transfer, and libcurl reaches it
/// through the opaque pointer given as `CURLOPT_READDATA`/`WRITEDATA`/`HEADERDATA`/`XFERINFODATA`.
final class CurlTransfer {
    private let upload: [UInt8]
    private var uploadOffset = 0
    /// The response body, up to ``responseLimit`` bytes; the rest is read and dropped.
    private(set) var responseBody: [UInt8] = []
    let responseLimit: Int
    /// Header lines of the final HTTP response, or every SMTP server reply line, without CRLF.
    private(set) var headerLines: [String] = []
    let cancellation: CurlCancellation
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(upload: [UInt8] = [], responseLimit: Int = 64 * 1024, cancellation: CurlCancellation) {
        self.upload = upload
        self.responseLimit = responseLimit
        self.cancellation = cancellation
        let size = Int(CURL_ERROR_SIZE) + 1
        self.errorBuffer = .allocate(capacity: size)
        self.errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message for the last failure, or its generic text for `code`.
    func errorText(for code: CURLcode) -> String {
        let detailed = String(cString: errorBuffer)
        return detailed.isEmpty ? String(cString: curl_easy_strerror(code)) : detailed
    }

    /// Points the handle's callbacks at this transfer. The handle must be reset (as
    /// ``CurlHandlePool/checkIn(_:key:)`` does) before this object goes away.
    func attach(to easy: CurlEasy, uploads: Bool, downloads: Bool) throws(CurlError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer), "CURLOPT_ERRORBUFFER")
        if uploads {
            try easy.check(quorum_curl_setopt_read_function(easy.handle) { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: size * count)
            }, "CURLOPT_READFUNCTION")
            try easy.set(CURLOPT_READDATA, pointer: me, "CURLOPT_READDATA")
        }
        if downloads {
            try easy.check(quorum_curl_setopt_write_function(easy.handle) { data, size, count, context in
                guard let context else { return 0 }
                Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().receiveBody(data, count: size * count)
                return size * count
            }, "CURLOPT_WRITEFUNCTION")
            try easy.set(CURLOPT_WRITEDATA, pointer: me, "CURLOPT_WRITEDATA")
        }
        try easy.check(quorum_curl_setopt_header_function(easy.handle) { data, size, count, context in
            guard let context else { return 0 }
            Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().receiveHeader(data, count: size * count)
            return size * count
        }, "CURLOPT_HEADERFUNCTION")
        try easy.set(CURLOPT_HEADERDATA, pointer: me, "CURLOPT_HEADERDATA")
        try easy.set(CURLOPT_NOPROGRESS, false, "CURLOPT_NOPROGRESS")
        try easy.check(quorum_curl_setopt_xferinfo_function(easy.handle) { context, _, _, _, _ in
            guard let context else { return 0 }
            // Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
            return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().cancellation.isCancelled ? 1 : 0
        }, "CURLOPT_XFERINFOFUNCTION")
        try easy.set(CURLOPT_XFERINFODATA, pointer: me, "CURLOPT_XFERINFODATA")
    }

    private func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, upload.count - uploadOffset)
        guard count > 0 else { return 0 }
        upload.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + uploadOffset, byteCount: count)
        }
        uploadOffset += count
        return count
    }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, count: Int) {
        guard let data, responseBody.count < responseLimit else { return }
        let kept = min(count, responseLimit - responseBody.count)
        responseBody += UnsafeRawBufferPointer(start: data, count: kept)
    }

    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, count: Int) {
        guard let data else { return }
        var line = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
        while line.last?.isNewline == true { line.removeLast() }
        // A new status line starts a new response (after a 100 Continue, say): keep the last.
        if line.hasPrefix("HTTP/") { headerLines = [] }
        if !line.isEmpty { headerLines.append(line) }
    }
}
