import Testing

@testable import QuorumPacks

@Suite struct ReportMarkdownTests {
    private func html(_ markdown: String, top: Int = 4) -> String {
        ReportMarkdown.html(from: markdown, topHeadingLevel: top).html
    }

    @Test func headingsStartUnderThePacksOwnAndNeverSkipALevel() {
        #expect(html("# One\n\n### Three\n\n## Two\n\n#### Four") == "<h4>One</h4><h5>Three</h5><h5>Two</h5><h6>Four</h6>")
        #expect(html("## Starts at two") == "<h4>Starts at two</h4>")
        #expect(html("###### Six", top: 4) == "<h4>Six</h4>")
    }

    @Test func ordinaryMarkdownKeepsItsShape() {
        #expect(html("Some *emphasis* and **strength**.") == "<p>Some <em>emphasis</em> and <strong>strength</strong>.</p>")
        #expect(html("- one\n- two") == "<ul><li>one</li><li>two</li></ul>")
        #expect(html("3. three\n4. four") == "<ol start=\"3\"><li>three</li><li>four</li></ol>")
        #expect(html("> quoted") == "<blockquote><p>quoted</p></blockquote>")
        #expect(html("a\n\n---\n\nb").contains("<hr>"))
    }

    @Test func tablesGetHeaderCellsWithScope() {
        let table = html("| Measure | Value |\n| --- | ---: |\n| Re-referrals | 17.1 |")
        #expect(table.contains("<th scope=\"col\">Measure</th>"))
        #expect(table.contains("<td>17.1</td>"))
        #expect(!table.contains("align"))
    }

    @Test func anEmptyBodyRendersNothing() {
        #expect(html("").isEmpty)
        #expect(html(" \n\n \t\n").isEmpty)
    }

    @Test(arguments: [
        ("http://example.org/a", true), ("https://example.org/a?b=c&d=e", true), ("mailto:clerk@example.org", true),
        ("javascript:alert(1)", false), ("JAVASCRIPT:alert(1)", false), ("vbscript:x", false), ("data:text/html,x", false),
        ("/relative", false), ("#anchor", false), ("//evil.example", false), ("http:/x", false), ("https://", false),
        ("http://a b", false), ("java&#x0A;script:alert(1)", false), ("mailto:nobody", false), ("file:///etc/passwd", false),
    ])
    func onlyAbsoluteWebAndMailAddressesAreLinks(_ url: String, _ allowed: Bool) {
        #expect((HTMLSanitizer.safeURL(url) != nil) == allowed)
    }

    @Test func characterReferencesAreDecodedOnceAndReEscaped() {
        #expect(HTMLSanitizer.decodeCharacterReferences(Array("a&amp;b&#60;&#x3e;&unknown;&".unicodeScalars)) == "a&b<>&unknown;&")
        #expect(HTMLSanitizer.decodeCharacterReferences(Array("&#0;&#x110000;".unicodeScalars)) == "\u{FFFD}\u{FFFD}")
    }
}
