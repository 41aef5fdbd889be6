/// The one rule for an email address, used by board files, imports, users, cover reports and
/// delivery: plausible enough to catch a name typed where an address belongs, a missing `@` or a
/// stray space, and safe to put in an SMTP envelope (ASCII, no delimiters). The mail server has
/// the last word on whether the mailbox exists.
public enum EmailAddressRule {
    private static let delimiters = Set("<>()[]\\,;:\"".unicodeScalars)

    /// Why `text` is not a usable address, or nil when it is.
    public static func problem(_ text: some StringProtocol) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, !domain.isEmpty else {
            return "an address needs one @ with text on both sides"
        }
        guard local.count <= 64, text.count <= 254 else { return "the address is too long" }
        for scalar in text.unicodeScalars {
            guard scalar.isASCII else { return "the address must be ASCII" }
            if scalar.value < 0x21 || scalar.value == 0x7F || delimiters.contains(scalar) {
                return "the address contains \"\(scalar.escaped(asASCII: true))\""
            }
        }
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."), !domain.hasPrefix("-")
        else { return "the domain '\(domain)' is not a mail domain" }
        return nil
    }

    /// Whether `text` passes the rule (``problem(_:)`` gives nil).
    public static func isPlausible(_ text: some StringProtocol) -> Bool {
        isPlausible(bytes: text.utf8)
    }

    /// The same, for a `String`: an overload made here, in this module, so that the byte loop is
    /// compiled for `String`'s bytes. Called through the generic one from another module, every
    /// byte went through protocol witnesses, which was most of the check's cost on an import.
    public static func isPlausible(_ text: String) -> Bool {
        isPlausible(bytes: text.utf8)
    }

    @inline(__always)
    private static func isPlausible(bytes: some Sequence<UInt8>) -> Bool {
        // The same rule as `problem`, in one pass over the bytes: an import checks one address per
        // row, and the split and scalar walk above were a tenth of its time.
        var at = -1
        var count = 0
        var previous: UInt8 = 0
        var domainStart = -1
        var domainHasDot = false
        for byte in bytes {
            guard byte >= 0x21, byte < 0x7F, !delimiterBytes[Int(byte)] else { return false }
            if byte == UInt8(ascii: "@") {
                guard at < 0 else { return false }
                at = count
                domainStart = count + 1
            } else if at >= 0 {
                if byte == UInt8(ascii: ".") {
                    // Not first in the domain, not doubled.
                    guard count != domainStart, previous != UInt8(ascii: ".") else { return false }
                    domainHasDot = true
                } else if byte == UInt8(ascii: "-"), count == domainStart {
                    return false
                }
            }
            previous = byte
            count += 1
        }
        return at > 0 && at <= 64 && count <= 254 && count > domainStart && domainHasDot && previous != UInt8(ascii: ".")
    }

    private static let delimiterBytes: [Bool] = (0..<256).map { byte in
        delimiters.contains(Unicode.Scalar(UInt8(byte)))
    }

    /// Whether two addresses name the same mailbox (addresses compare without case here, as
    /// councils' directories treat them).
    public static func same(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.lowercased() == b.lowercased()
    }
}
