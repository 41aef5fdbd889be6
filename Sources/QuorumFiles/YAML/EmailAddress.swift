/// A light plausibility check of email addresses in the files: enough to catch a name typed
/// where an address belongs, a missing `@` or a stray space; the mail server has the last word.
enum EmailAddress {
    private static let forbidden = Set("<>()[]\\,;:\"".unicodeScalars)

    static func isPlausible(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64, text.count <= 254,
            domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
            !domain.hasPrefix("-")
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value != 0x7F && !forbidden.contains($0)
        }
    }

    /// The address of a mailbox written `Display Name <address>` or as a bare address.
    static func address(inMailbox text: String) -> Substring? {
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            return text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        return text[...]
    }
}
