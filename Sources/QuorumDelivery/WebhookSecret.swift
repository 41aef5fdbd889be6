import Crypto
import Foundation

/// A webhook signing secret in the Standard Webhooks form: `whsec_` followed by the base64 of
/// the key bytes (the prefix is optional when reading, as the specification's libraries allow).
public struct WebhookSecret: Hashable, Sendable {
    /// The secret as configured, for error messages; never logged by Quorum.
    let text: String
    /// The decoded key bytes.
    let keyBytes: [UInt8]

    /// - Throws: ``WebhookSecretError`` when the text after `whsec_` is not base64 or is empty.
    public init(_ text: String) throws(WebhookSecretError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let encoded = trimmed.hasPrefix("whsec_") ? String(trimmed.dropFirst("whsec_".count)) : trimmed
        guard let data = Data(base64Encoded: encoded), !data.isEmpty else {
            throw WebhookSecretError(reason: "a webhook secret is \"whsec_\" followed by base64 key bytes")
        }
        self.text = trimmed
        self.keyBytes = Array(data)
    }

    var key: SymmetricKey { SymmetricKey(data: keyBytes) }
}
