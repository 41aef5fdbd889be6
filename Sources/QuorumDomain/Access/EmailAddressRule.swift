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

    public static func isPlausible(_ text: some StringProtocol) -> Bool { problem(text) == nil }

    /// Whether two addresses name the same mailbox (addresses compare without case here, as
    /// councils' directories treat them).
    public static func same(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.lowercased() == b.lowercased()
    }
}
