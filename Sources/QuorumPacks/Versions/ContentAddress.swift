import Crypto
import Foundation
import QuorumDomain

/// The SHA-256 of some bytes, written as 64 lower-case hex digits: how packs are named and
/// checked (a pack's part is stored, fetched and compared by it).
///
/// ```swift
/// let address = ContentAddress(of: Data("abc".utf8))
/// address.hex  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct ContentAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    public let hex: String

    /// The address of `bytes`.
    public init(of bytes: some DataProtocol) {
        hex = Hex.lowercase(SHA256.hash(data: bytes))
    }

    /// The address of the UTF-8 bytes of `text`.
    public init(ofUTF8 text: String) {
        self.init(of: Array(text.utf8))
    }

    /// An address as written: 64 hex digits (either case); nil otherwise.
    public init?(hex: String) {
        guard hex.utf8.count == 64, hex.allSatisfy(\.isHexDigit) else { return nil }
        self.hex = hex.lowercased()
    }

    /// The SHA-256 of `bytes` in hex: shorthand for `ContentAddress(of: bytes).hex`.
    public static func sha256Hex(_ bytes: some DataProtocol) -> String {
        ContentAddress(of: bytes).hex
    }

    public var description: String { hex }

    public static func < (lhs: ContentAddress, rhs: ContentAddress) -> Bool { lhs.hex < rhs.hex }
}
