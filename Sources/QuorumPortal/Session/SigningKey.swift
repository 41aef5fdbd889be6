import Crypto
import Foundation
import QuorumDomain

/// The key that signs session cookies and form tokens, kept in a file readable by its owner
/// only, so that sign-ins survive a restart.
struct SigningKey: Sendable {
    let key: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
    }

    /// Reads the key file, creating it with a new random key when it does not exist.
    static func load(path: String) throws -> SigningKey {
        if let data = FileManager.default.contents(atPath: path), data.count >= 32 {
            return SigningKey(key: SymmetricKey(data: data))
        }
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw PortalStartupError("cannot write the portal's signing key to \(path)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return SigningKey(key: key)
    }

    /// `value.signature`, the signature an HMAC-SHA256 in unpadded base64url.
    func sign(_ value: String) -> String {
        value + "." + signature(value)
    }

    /// The value of a signed text, or nil when the signature does not match (compared in constant time).
    func verify(_ signed: String) -> String? {
        guard let dot = signed.lastIndex(of: ".") else { return nil }
        let value = String(signed[..<dot])
        let presented = Data(base64URL: String(signed[signed.index(after: dot)...]))
        guard let presented,
            HMAC<SHA256>.isValidAuthenticationCode(presented, authenticating: Data(value.utf8), using: key)
        else { return nil }
        return value
    }

    func signature(_ value: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)).base64URL
    }

    /// 32 random bytes as 64 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.lowercase((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}

struct PortalStartupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
