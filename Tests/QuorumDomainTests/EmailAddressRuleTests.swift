import QuorumDomain
import Testing

@Suite("The one email address rule")
struct EmailAddressRuleTests {
    static let addresses = [
        "head.childrens.social.care@example.org", "a@b.co", "x@y", "@example.org", "name@", "two@@example.org",
        "a@b@example.org", "name@.example.org", "name@example.org.", "name@example..org", "name@-example.org",
        "name@exa-mple.org", "name.@example.org", "first last@example.org", "name@exam ple.org", "<name>@example.org",
        "name@example.org;", "naïve@example.org", "name@exämple.org", "tab\t@example.org", "del\u{7F}@example.org",
        "quote\"@example.org", "back\\slash@example.org", "colon:@example.org", "comma,@example.org", "",
        "@", ".", "a@.", "a@b.", "a@.b", String(repeating: "l", count: 64) + "@example.org",
        String(repeating: "l", count: 65) + "@example.org", "a@" + String(repeating: "d", count: 248) + ".org",
        "a@" + String(repeating: "d", count: 247) + ".org", "a@" + String(repeating: "d", count: 249) + ".org", "plus+tag@example.org", "under_score@example.org",
        "ünï@example.org", "name@example.org\n",
    ]

    @Test("the one-pass check agrees with the rule that explains", arguments: addresses)
    func fastCheckAgrees(address: String) {
        #expect(EmailAddressRule.isPlausible(address) == (EmailAddressRule.problem(address) == nil), "\(address.debugDescription)")
    }

    @Test func knownAnswers() {
        #expect(EmailAddressRule.isPlausible("quality.assurance.manager@example.org"))
        #expect(!EmailAddressRule.isPlausible("quality.assurance.manager@example"))
        #expect(!EmailAddressRule.isPlausible("Quality Assurance Manager"))
    }
}
