import Crypto
import Foundation
import QuorumDomain

/// SHA-256 in lower-case hex: the content address of pack files and the stylesheet's validator.
enum ContentHash {
    static func sha256Hex(_ data: some DataProtocol) -> String {
        Hex.lowercase(SHA256.hash(data: data))
    }

    static func sha256Base64(_ data: some DataProtocol) -> String {
        Data(SHA256.hash(data: data)).base64EncodedString()
    }

    static func isAddress(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
