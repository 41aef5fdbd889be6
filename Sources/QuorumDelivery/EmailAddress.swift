import Foundation
import QuorumDomain

/// A mailbox: an address and, optionally, the name shown with it (`Quorum <quorum@example.org>`).
///
/// The address itself must be ASCII (Quorum does not ask servers for SMTPUTF8); the display
/// name may be any text and is encoded (RFC 2047) when the message is rendered.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The `local@domain` part, without angle brackets.
    public var address: String
    /// The name shown by mail clients, or nil.
    public var displayName: String?

    /// - Parameters:
    ///   - address: `local@domain`, without angle brackets.
    ///   - displayName: the name mail clients show; empty means none.
    public init(address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName?.isEmpty == true ? nil : displayName
    }

    /// Reads the forms the configuration file uses: `quorum@example.org`,
    /// `Quorum <quorum@example.org>` and `"Quorum, Children's Services" <quorum@example.org>`.
    ///
    /// ```swift
    /// let from = try EmailAddress(parsing: "Quorum <quorum@example.org>")
    /// ```
    /// - Throws: ``EmailAddressError`` naming the text and what is wrong with it.
    public init(parsing text: String) throws(EmailAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var phrase = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if phrase.count >= 2, phrase.first == "\"", phrase.last == "\"" {
                phrase = String(phrase.dropFirst().dropLast())
                    .replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            name = phrase.isEmpty ? nil : phrase
        }
        let candidate = EmailAddress(address: address.trimmingCharacters(in: .whitespaces), displayName: name)
        if let problem = candidate.addressProblem {
            throw EmailAddressError(text: text, reason: problem)
        }
        self = candidate
    }

    /// Why ``address`` cannot be used in an SMTP envelope, or nil when it can.
    public var addressProblem: String? {
        EmailAddressRule.problem(address)
    }

    /// `Name <address>` or `address`, unencoded, for logs.
    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }
}
