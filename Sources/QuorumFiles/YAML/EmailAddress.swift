import QuorumDomain

/// Email addresses in the files: the domain's one rule, and mailboxes written with a name.
enum EmailAddress {
    static func isPlausible(_ text: some StringProtocol) -> Bool {
        EmailAddressRule.isPlausible(text)
    }

    /// The address of a mailbox written `Display Name <address>` or as a bare address.
    static func address(inMailbox text: String) -> Substring? {
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            return text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        return text[...]
    }
}
