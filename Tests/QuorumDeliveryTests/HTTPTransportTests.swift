import Foundation
import Testing

@testable import QuorumDelivery

/// `CurlTransport.post` against a real webhook receiver (`Support/webhook_receiver.py`) on
/// loopback, which verifies every Standard Webhooks signature itself and fails on demand.
@Suite("Webhook delivery to a real receiver", .serialized)
struct HTTPTransportTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let body = Array(#"{"type":"action.overdue","data":{"ref":"1.1.2","lead":"Quality Assurance Manager"}}"#.utf8)

    /// A signed POST of ``body`` to `path`, as the deliverer makes one.
    static func post(
        _ transport: CurlTransport, port: Int, path: String, id: String = "evt_\(UUID().uuidString)", secret: String = secret,
        timeout: Duration = .seconds(10)
    ) async throws -> HTTPResult {
        let timestamp = Int64(Date().timeIntervalSince1970)
        let headers = WebhookSignature.headers(id: id, timestamp: timestamp, body: body, secrets: [try WebhookSecret(secret)])
        return try await transport.post(url: "http://127.0.0.1:\(port)\(path)", headers: headers, body: body, timeout: timeout)
    }

    static func answer(_ result: HTTPResult) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.body)) as! [String: Any]
    }

    static func receiver(_ body: (LoopbackServer) async throws -> Void) async throws {
        try await withLoopbackServer("webhook_receiver.py", ["--secret", secret], body)
    }

    @Test("A signed event is verified by the receiver and answered 200")
    func signedEventIsAccepted() async throws {
        try await Self.receiver { server in
            let result = try await Self.post(CurlTransport(), port: server.port, path: "/ok", id: "evt_42")
            #expect(result.status == 200)
            #expect(result.header("content-type") == "application/json")
            let answer = try Self.answer(result)
            #expect(answer["verified"] as? Bool == true)
            #expect(answer["webhook_id"] as? String == "evt_42")
            #expect(answer["content_type"] as? String == "application/json")
            #expect(answer["user_agent"] as? String == "Quorum-Webhooks/1.0")
            #expect(answer["expect"] is NSNull, "no Expect: 100-continue")
            #expect(answer["body"] as? String == String(decoding: Self.body, as: UTF8.self))
        }
    }

    @Test("Consecutive posts to one host reuse one connection")
    func connectionReuse() async throws {
        try await Self.receiver { server in
            let transport = CurlTransport()
            var ports: [Int] = []
            var reused: [Bool] = []
            for _ in 0..<3 {
                let result = try await Self.post(transport, port: server.port, path: "/ok")
                ports.append(try Self.answer(result)["client_port"] as! Int)
                reused.append(result.reusedConnection)
            }
            #expect(Set(ports).count == 1)
            #expect(reused == [false, true, true])
        }
    }

    @Test("Retries of one event keep its webhook-id, get a fresh timestamp, and are each verified")
    func retriesKeepTheirID() async throws {
        try await Self.receiver { server in
            let transport = CurlTransport()
            for _ in 0..<2 {
                await #expect(throws: DeliveryError.self) { try await Self.post(transport, port: server.port, path: "/status/503", id: "evt_7") }
            }
            let answer = try Self.answer(try await Self.post(transport, port: server.port, path: "/ok", id: "evt_7"))
            #expect(answer["seen"] as? Int == 3)
            #expect(answer["verified"] as? Bool == true)
        }
    }

    @Test(
        "Receiver answers are classified as the deliverer needs them",
        arguments: [
            ("/status/500", DeliveryError.Kind.temporary, 500, false),
            ("/status/503", .temporary, 503, false),
            ("/status/408", .temporary, 408, false),
            ("/status/410", .permanent, 410, true),
            ("/status/404", .permanent, 404, false),
            ("/status/400", .permanent, 400, false),
            ("/status/302", .temporary, 302, false),
        ]
    )
    func statusClassification(path: String, kind: DeliveryError.Kind, status: Int, disables: Bool) async throws {
        try await Self.receiver { server in
            let error = await #expect(throws: DeliveryError.self) { try await Self.post(CurlTransport(), port: server.port, path: path) }
            #expect(error?.kind == kind)
            #expect(error?.httpStatus == status)
            #expect(error?.disablesEndpoint == disables)
            #expect(error?.description.contains("http://127.0.0.1:\(server.port)") == true)
        }
    }

    @Test("429 with Retry-After in seconds is temporary and carries the wait")
    func retryAfterSeconds() async throws {
        try await Self.receiver { server in
            let error = await #expect(throws: DeliveryError.self) { try await Self.post(CurlTransport(), port: server.port, path: "/retry-after/7") }
            #expect(error?.kind == .temporary)
            #expect(error?.httpStatus == 429)
            #expect(error?.retryAfter == 7)
            // The policy then waits the longer of the two.
            let now = Date()
            let next = RetryPolicy(random: { 0.5 }).nextAttempt(after: 1, now: now, retryAfter: error?.retryAfter)
            #expect(next == now.addingTimeInterval(7))
        }
    }

    @Test("429 with Retry-After as an HTTP-date carries the wait until then")
    func retryAfterDate() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let value = formatter.string(from: Date().addingTimeInterval(120)).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await Self.receiver { server in
            let error = await #expect(throws: DeliveryError.self) { try await Self.post(CurlTransport(), port: server.port, path: "/retry-after/\(value)") }
            let wait = try #require(error?.retryAfter)
            #expect(wait > 100 && wait <= 121)
        }
    }

    @Test("A request signed with the wrong secret is refused by the receiver (401, permanent)")
    func wrongSecret() async throws {
        try await Self.receiver { server in
            let other = "whsec_" + Data(repeating: 9, count: 24).base64EncodedString()
            let error = await #expect(throws: DeliveryError.self) { try await Self.post(CurlTransport(), port: server.port, path: "/ok", secret: other) }
            #expect(error?.httpStatus == 401)
            #expect(error?.kind == .permanent)
        }
    }

    @Test("A receiver slower than the time-out is a temporary, timed-out failure")
    func slowReceiver() async throws {
        try await Self.receiver { server in
            let started = ContinuousClock.now
            let error = await #expect(throws: DeliveryError.self) {
                try await Self.post(CurlTransport(), port: server.port, path: "/slow/3", timeout: .milliseconds(700))
            }
            #expect(error?.kind == .temporary)
            #expect(error?.timedOut == true)
            #expect(ContinuousClock.now - started < .seconds(3))
        }
    }

    @Test("Only http and https URLs are accepted")
    func otherSchemesAreRefused() async throws {
        let transport = CurlTransport()
        for url in ["file:///etc/passwd", "smtp://127.0.0.1:25", "not a url"] {
            let error = await #expect(throws: DeliveryError.self) {
                try await transport.post(url: url, headers: [], body: [], timeout: .seconds(1))
            }
            #expect(error?.kind == .permanent)
        }
    }
}
