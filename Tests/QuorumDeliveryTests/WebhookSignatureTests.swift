import Foundation
import Testing

@testable import QuorumDelivery

@Suite("Webhook signatures")
struct WebhookSignatureTests {
    // The Standard Webhooks specification's published test vector.
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp: Int64 = 1_614_265_330
    static let body = #"{"test": 2432232314}"#
    static let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static let at = Date(timeIntervalSince1970: TimeInterval(timestamp))

    @Test("The specification's test vector signs to its published signature")
    func specificationVector() throws {
        let secret = try WebhookSecret(Self.secret)
        #expect(WebhookSignature.sign(id: Self.id, timestamp: Self.timestamp, body: Self.body, secret: secret) == Self.expected)
        #expect(WebhookSignature.sign(id: Self.id, timestamp: Self.timestamp, body: Array(Self.body.utf8), secrets: [secret]) == Self.expected)
    }

    @Test("The vector verifies, and a changed id, timestamp or body does not")
    func verification() throws {
        let secrets = [try WebhookSecret(Self.secret)]
        let body = Array(Self.body.utf8)
        #expect(WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: Self.expected, secrets: secrets, now: Self.at))
        #expect(!WebhookSignature.verify(id: "msg_other", timestamp: Self.timestamp, body: body, signatureHeader: Self.expected, secrets: secrets, now: Self.at))
        #expect(!WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp + 1, body: body, signatureHeader: Self.expected, secrets: secrets, now: Self.at))
        #expect(!WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body + [0x20], signatureHeader: Self.expected, secrets: secrets, now: Self.at))
        #expect(!WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: "v2," + Self.expected.dropFirst(3), secrets: secrets, now: Self.at))
    }

    @Test("A timestamp more than five minutes from the receiver's clock is refused")
    func timestampTolerance() throws {
        let secrets = [try WebhookSecret(Self.secret)]
        let body = Array(Self.body.utf8)
        #expect(WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: Self.expected, secrets: secrets, now: Self.at.addingTimeInterval(299)))
        #expect(!WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: Self.expected, secrets: secrets, now: Self.at.addingTimeInterval(301)))
        #expect(!WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: Self.expected, secrets: secrets, now: Self.at.addingTimeInterval(-301)))
    }

    @Test("While a secret is rotated every request carries one signature per secret, and either verifies")
    func rotation() throws {
        let old = try WebhookSecret(Self.secret)
        let new = try WebhookSecret("whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString())
        let body = Array(Self.body.utf8)
        let header = WebhookSignature.sign(id: Self.id, timestamp: Self.timestamp, body: body, secrets: [old, new])
        let signatures = header.split(separator: " ")
        #expect(signatures.count == 2)
        #expect(signatures[0] == Self.expected)
        #expect(signatures.allSatisfy { $0.hasPrefix("v1,") })
        #expect(WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: header, secrets: [old], now: Self.at))
        #expect(WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: header, secrets: [new], now: Self.at))
        let stranger = try WebhookSecret("whsec_" + Data(repeating: 7, count: 24).base64EncodedString())
        #expect(!WebhookSignature.verify(id: Self.id, timestamp: Self.timestamp, body: body, signatureHeader: header, secrets: [stranger], now: Self.at))
    }

    @Test("A signed request's headers are webhook-id, webhook-timestamp and webhook-signature")
    func headers() throws {
        let fields = WebhookSignature.headers(id: Self.id, timestamp: Self.timestamp, body: Array(Self.body.utf8), secrets: [try WebhookSecret(Self.secret)])
        #expect(fields == [
            HTTPHeaderField(name: "webhook-id", value: Self.id),
            HTTPHeaderField(name: "webhook-timestamp", value: "1614265330"),
            HTTPHeaderField(name: "webhook-signature", value: Self.expected),
        ])
    }

    @Test("A secret may omit the whsec_ prefix; one that is not base64 is refused without echoing it")
    func secrets() throws {
        let bare = try WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(WebhookSignature.sign(id: Self.id, timestamp: Self.timestamp, body: Self.body, secret: bare) == Self.expected)
        let error = #expect(throws: WebhookSecretError.self) { try WebhookSecret("whsec_not base64!") }
        #expect(error?.description.contains("not base64!") == false)
        #expect(throws: WebhookSecretError.self) { try WebhookSecret("whsec_") }
    }
}
