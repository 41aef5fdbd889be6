import CCurl
import Foundation
import Logging
import NIOPosix

/// Sends email over SMTP and webhooks over HTTP(S) with libcurl.
///
/// Every transfer is a blocking `curl_easy_perform`, so it runs on an `NIOThreadPool`, never
/// on an event loop or Swift's cooperative pool. Easy handles are kept per destination
/// between transfers (``CurlTransportConfiguration/maximumIdleHandlesPerHost``), so that a
/// run of messages to one server reuses one connection. Every transfer has a connect time-out
/// and an overall time-out. Failures are thrown as ``DeliveryError``, temporary or permanent;
/// cancelling the awaiting task aborts the transfer and throws `CancellationError`.
///
/// ```swift
/// let transport = CurlTransport()
/// let accepted = try await transport.send(message, configuration: smtp)
/// let answer = try await transport.post(
///     url: "https://hooks.example.org/quorum", headers: signedHeaders, body: json, timeout: .seconds(15))
/// ```
public final class CurlTransport: Sendable {
    let configuration: CurlTransportConfiguration
    let threadPool: NIOThreadPool
    let handles: CurlHandlePool
    let logger: Logger

    /// - Parameters:
    ///   - configuration: handle pool sizes, user agent, response limits.
    ///   - threadPool: where the blocking transfers run; it must be started. The shared
    ///     `NIOThreadPool.singleton` suits a daemon that sends a few messages at a time.
    ///   - logger: receives a debug line per transfer.
    public init(
        configuration: CurlTransportConfiguration = .init(), threadPool: NIOThreadPool = .singleton,
        logger: Logger = Logger(label: "quorum.delivery")
    ) {
        // libcurl is initialised with the first handle (``CurlEasy``), not here: a daemon that
        // has not sent anything yet keeps TLS and the other libraries libcurl loads out of memory.
        self.configuration = configuration
        self.threadPool = threadPool
        self.handles = CurlHandlePool(
            maximumIdlePerKey: configuration.maximumIdleHandlesPerHost, maximumIdle: configuration.maximumIdleHandles)
        self.logger = logger
    }

    /// Idle handles (each with a connection that may still be open), for INFO and tests.
    public var idleConnections: Int { handles.idleCount }

    /// Closes the idle connections, on the thread pool since an SMTP server is sent QUIT and
    /// may take a moment to answer. Call it on shutdown.
    public func closeIdleConnections() async {
        let handles = self.handles
        do {
            try await threadPool.runIfActive { handles.removeAll() }
        } catch {
            // The pool has stopped already: close them here instead.
            handles.removeAll()
        }
    }

    /// Runs `work` on the thread pool with a handle for `key`, aborting it if the task is
    /// cancelled, and checks the handle back in afterwards.
    func withHandle<Result: Sendable>(
        key: String, target: String,
        _ work: @escaping @Sendable (CurlEasy, CurlCancellation) throws -> Result
    ) async throws -> Result {
        try Task.checkCancellation()
        let cancellation = CurlCancellation()
        let handles = self.handles
        return try await withTaskCancellationHandler {
            try await threadPool.runIfActive {
                let easy: CurlEasy
                do throws(CurlError) {
                    easy = try handles.checkOut(key)
                } catch {
                    throw DeliveryError(kind: .temporary, detail: error.description, target: target, curlCode: Int(error.code.rawValue))
                }
                defer { handles.checkIn(easy, key: key) }
                return try work(easy, cancellation)
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// `scheme://host:port` of a URL, the pool key and the target shown in errors: never the
    /// credentials, path or query.
    static func origin(of url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return nil }
        let port = url.port.map { ":\($0)" } ?? ""
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed.lowercased())\(port)"
    }

    /// Milliseconds for a `_MS` time-out option, at least 1 (0 would mean "no time-out").
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
