import Synchronization

/// Idle easy handles by destination, so that consecutive sends to the same SMTP server or
/// webhook host reuse one open connection (a reused handle keeps its connection cache).
///
/// A handle is checked out for one transfer and checked back in after it, reset. At most
/// ``maximumIdlePerKey`` idle handles are kept per destination, and ``maximumIdle`` in all;
/// a surplus handle is cleaned up (closing its connection) instead.
final class CurlHandlePool: Sendable {
    private let idle = Mutex<[String: [CurlEasy]]>([:])
    let maximumIdlePerKey: Int
    let maximumIdle: Int

    init(maximumIdlePerKey: Int, maximumIdle: Int) {
        self.maximumIdlePerKey = max(0, maximumIdlePerKey)
        self.maximumIdle = max(0, maximumIdle)
    }

    /// An idle handle for `key`, most recently used first (its connection is the likeliest to
    /// be alive), or a new one.
    func checkOut(_ key: String) throws(CurlError) -> CurlEasy {
        if let easy = idle.withLock({ $0[key]?.popLast() }) { return easy }
        return try CurlEasy()
    }

    /// Returns a handle after its transfer. It is reset first, so that it holds no pointer
    /// into the finished transfer's buffers.
    func checkIn(_ easy: CurlEasy, key: String) {
        easy.reset()
        let surplus: CurlEasy? = idle.withLock { handles in
            let total = handles.values.reduce(0) { $0 + $1.count }
            guard handles[key, default: []].count < maximumIdlePerKey, total < maximumIdle else { return easy }
            handles[key, default: []].append(easy)
            return nil
        }
        // Cleaned up outside the lock: curl_easy_cleanup may talk to the server (QUIT).
        _ = surplus
    }

    /// Idle handles now held, for tests and INFO.
    var idleCount: Int {
        idle.withLock { $0.values.reduce(0) { $0 + $1.count } }
    }

    /// Closes every idle connection.
    func removeAll() {
        let handles = idle.withLock { handles in
            let all = handles
            handles = [:]
            return all
        }
        _ = handles
    }
}
