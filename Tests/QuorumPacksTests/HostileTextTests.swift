import QuorumDomain
import Testing

@testable import QuorumPacks

/// Reports and agendas come from users: whatever they type, it reads as text and never as markup.
@Suite struct HostileTextTests {
    /// Script, attribute break-out, table break-out and an already-escaped ampersand, tagged
    /// with where it was put so each field's copy can be found.
    static func payload(_ tag: String) -> String {
        "<script>alert(\"\(tag)\")</script>\"><img src=x onerror=alert('\(tag)')></table>&amp;\(tag)"
    }

    static func escaped(_ tag: String) -> String {
        "&lt;script&gt;alert(&quot;\(tag)&quot;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(&#39;\(tag)&#39;)&gt;&lt;/table&gt;&amp;amp;\(tag)"
    }

    enum Field: String, CaseIterable, Sendable {
        case boardName, venue, itemTitle, itemOwner, warning
        case subject, reportOf, wards, portfolio, summary, recommendation, reasons, alternativeOptions
        case revenueCosts, capitalCosts, resource, legal, equality, corePurpose, internalConsultation
        case externalConsultation, implementationDate, contactRole, contactEmail, contactTelephone, ownAppendix
        case backgroundPaper
        case recommendationTitle, measureID, measureName, measureShows, threshold
        case actionRef, actionText, actionLead, actionUpdate, changedItemTitle
    }

    /// The sample pack with `field` set to the payload, and the part it shows in.
    static func content(hostile field: Field) throws -> MeetingPackContent {
        var content = try SamplePack.content()
        let text = payload(field.rawValue)
        var report = content.items[3].report!
        switch field {
        case .boardName: content.board.name = text
        case .venue: content.meeting.venue = text
        case .itemTitle: content.items[3].title = text
        case .itemOwner:
            content.items[4].owner = text
        case .warning: content.warnings.append(text)
        case .subject: report.subject = text
        case .reportOf: report.reportOf = text
        case .wards: report.wards = [text]
        case .portfolio: report.portfolio = text
        case .summary: report.summary = text
        case .recommendation: report.recommendations.append(text)
        case .reasons: report.reasons = text
        case .alternativeOptions: report.alternativeOptions = text
        case .revenueCosts: report.revenueCosts = text
        case .capitalCosts: report.capitalCosts = text
        case .resource: report.implications.resource = text
        case .legal: report.implications.legal = text
        case .equality: report.implications.equality = text
        case .corePurpose: report.corePurpose[.cleanerGreener] = text
        case .internalConsultation: report.consultations.internal = text
        case .externalConsultation: report.consultations.external = text
        case .implementationDate: report.implementationDate = text
        case .contactRole: report.contactOfficer.role = text
        case .contactEmail: report.contactOfficer.email = text
        case .contactTelephone: report.contactOfficer.telephone = text
        case .ownAppendix: report.appendices.append(text)
        case .backgroundPaper: report.backgroundPapers.append(text)
        case .recommendationTitle: content.scorecard!.groups[0].title = text
        case .measureID: content.scorecard!.groups[0].measures[0].id = text
        case .measureName: content.scorecard!.groups[0].measures[0].name = text
        case .measureShows: content.scorecard!.groups[0].measures[0].shows = text
        case .threshold: content.scorecard!.groups[0].measures[0].thresholds!.good = text
        case .actionRef: content.actionTracker!.groups[0].actions[0].ref = text
        case .actionText: content.actionTracker!.groups[0].actions[0].text = text
        case .actionLead: content.actionTracker!.groups[0].actions[0].leadRole = text
        case .actionUpdate: content.actionTracker!.groups[0].actions[0].latestUpdate!.text = text
        case .changedItemTitle: content.changes!.replaced[0].title = text
        }
        content.items[3].report = report
        return content
    }

    @Test(arguments: Field.allCases)
    func everyFieldIsEscapedWhereverItAppears(_ field: Field) throws {
        let html = PackRenderer().renderHTML(try Self.content(hostile: field), part: .public)
        #expect(html.contains(Self.escaped(field.rawValue)), "\(field) not shown escaped")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("alert(\""))
        #expect(HTMLAudit(html).leaks == [])
    }

    @Test func frontMatterFieldsReadFromYAMLAreEscapedToo() throws {
        let markdown = """
            ---
            subject: '<script>alert(1)</script>'
            report_of: '"><img src=x onerror=alert(2)>'
            summary: '</table></section></main>&amp; &lt;b&gt;'
            recommendations: ['<a href="javascript:alert(3)">click</a>']
            reasons: "R&D; costs & <b>bold</b>"
            contact_officer: {role: '<iframe src=//evil>'}
            ---
            """
        var content = try SamplePack.content()
        content.items[3].report = try CoverReport.parse(markdown: markdown)
        let html = PackRenderer().renderHTML(content, part: .public)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;/table&gt;&lt;/section&gt;&lt;/main&gt;&amp;amp; &amp;lt;b&amp;gt;"))
        #expect(html.contains("&lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;"))
        #expect(html.contains("R&amp;D; costs &amp; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("&lt;iframe src=//evil&gt;"))
        #expect(HTMLAudit(html).leaks == [])
    }

    @Test func theExemptPartEscapesItsItemsToo() throws {
        var content = try SamplePack.content()
        content.items[5].title = Self.payload("exemptTitle")
        content.items[5].report!.summary = Self.payload("exemptSummary")
        let exempt = PackRenderer().renderHTML(content, part: .exempt)
        #expect(exempt.contains(Self.escaped("exemptTitle")))
        #expect(exempt.contains(Self.escaped("exemptSummary")))
        #expect(HTMLAudit(exempt).leaks == [])
        let open = PackRenderer().renderHTML(content, part: .public)
        #expect(open.contains(Self.escaped("exemptTitle")))
        #expect(HTMLAudit(open).leaks == [])
    }

    // MARK: - The Markdown body

    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("</table></section></main>", "&lt;/table&gt;&lt;/section&gt;&lt;/main&gt;"),
        ("<p onclick=\"x()\">hi</p>", "&lt;p onclick=&quot;x()&quot;&gt;hi&lt;/p&gt;"),
        ("<!-- hidden --> seen", "&lt;!-- hidden --&gt; seen"),
        ("Children seen <5 days and >10 days", "Children seen &lt;5 days and &gt;10 days"),
        ("AT&T and R&D; and &amp; and &lt;b&gt;", "AT&amp;T and R&amp;D; and &amp; and &lt;b&gt;"),
        ("&#60;script&#62;", "&lt;script&gt;"),
        ("`<script>` and &amp; in code", "<code>&lt;script&gt;</code> and &amp; in code"),
        ("```\n<script>alert(1)</script>\n&amp;\n```", "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n&amp;amp;\n</code></pre>"),
        ("[click](javascript:alert(1))", "<p>click</p>"),
        ("[click](JaVaScRiPt:alert(1))", "<p>click</p>"),
        ("[click](javascript&#58;alert(1))", "<p>click</p>"),
        ("[click](data:text/html,<script>alert(1)</script>)", "click"),
        ("[click](http://ok.example/\" onmouseover=\"alert(1))", "click"),
        ("[click](//evil.example/x)", "<p>click</p>"),
        ("[mail](mailto:clerk@example.org)", "<a href=\"mailto:clerk@example.org\">mail</a>"),
        ("![chart](http://tracker.example/pixel.png)", "<span class=\"omitted\">[Image not included: chart]</span>"),
        ("![a\" onerror=\"alert(1)](x.png)", "[Image not included: a]"),
        ("| a | <b>b</b> |\n| - | - |\n| </table> | 2 |", "<td>&lt;/table&gt;</td>"),
    ])
    func hostileMarkdownIsEscapedOrRemoved(_ markdown: String, _ expected: String) throws {
        let body = ReportMarkdown.html(from: markdown, topHeadingLevel: 4).html
        #expect(body.contains(expected), "got \(body)")
        #expect(HTMLAudit(body).leaks == [], "got \(body)")
        #expect(!body.contains("<script"))
        #expect(!body.contains("<img"))
        #expect(!body.lowercased().contains("href=\"javascript"))
        #expect(!body.contains("onerror=\""))
        #expect(!body.contains("onmouseover=\""))
    }

    @Test func aHostileBodyInThePackLeavesTheDocumentWhole() throws {
        var content = try SamplePack.content()
        content.items[3].report!.body = "</section></main></body><script>alert(1)</script>\n\n# Heading\n\n<style>body{display:none}</style>"
        let html = PackRenderer().renderHTML(content, part: .public)
        let audit = HTMLAudit(html)
        #expect(audit.leaks == [])
        #expect(audit.tags.filter { $0.name == "style" && !$0.isClosing }.count == 1)
        #expect(html.contains("&lt;style&gt;body{display:none}&lt;/style&gt;"))
    }
}
