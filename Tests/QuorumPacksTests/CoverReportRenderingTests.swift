import QuorumDomain
import Testing

@testable import QuorumPacks

/// Each field of the council template, from known data, lands in its place in the pack.
@Suite struct CoverReportRenderingTests {
    let html: String
    let audit: HTMLAudit

    init() throws {
        html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        audit = HTMLAudit(html)
    }

    private func field(_ label: String) -> String? {
        guard let table = audit.element(id: "item-4"),
            let row = table.range(of: "<tr><th scope=\"row\">\(label)</th><td>")
        else { return nil }
        let rest = table[row.upperBound...]
        return String(rest[..<rest.range(of: "</td></tr>")!.lowerBound])
    }

    @Test(arguments: [
        ("Report to", "Overview and Scrutiny Committee (Children&#39;s Services and Safeguarding)"),
        ("Date of Meeting", "Tuesday 14 November 2017"),
        ("Subject", "Bi-annual progress report, Children&#39;s Social Care performance"),
        ("Report of", "Director of Social Care and Health"),
        ("Wards Affected", "All wards"),
        ("Portfolio", "Cabinet Member, Children, Schools and Safeguarding"),
        ("Is this a Key Decision", "No"),
        ("Included in Forward Plan", "No"),
        ("Exempt / Confidential Report", "No"),
    ])
    func theTableOfFieldsAtTheTopShowsEachField(_ label: String, _ value: String) {
        #expect(field(label) == value)
    }

    @Test func theTableOfFieldsComesFirstThenTheSectionsInTemplateOrder() throws {
        let section = try #require(audit.element(id: "item-4"))
        let order = [
            "class=\"template-fields\"", ">Summary<", ">Recommendation(s)<", ">Reasons for the Recommendation(s)<",
            ">Alternative Options Considered and Rejected<", ">What will it cost and how will it be financed?<",
            ">Implications of the Proposals<", ">Contribution to the Council’s Core Purpose<",
            ">What consultations have taken place on the proposals and when?<", ">Implementation Date for the Decision<",
            ">Contact Officer<", ">Appendices<", ">Background Papers<", ">Report<", "Appendix A to item 4",
            "Appendix B to item 4",
        ]
        let positions = order.map { section.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
    }

    @Test(arguments: [
        ("summary", "In April 2016 an inspection took place"),
        ("summary", "<p>This report considers the performance scorecard that underpins the current plan.</p>"),
        ("recommendations", "<li>Reports continue to be provided on a six-monthly basis.</li>"),
        ("recommendations", "<li>The Committee notes the performance scorecard at Appendix A.</li>"),
        ("reasons", "Overview and Scrutiny Committee have a key role in the governance of the plan and scrutiny"),
        ("alternatives", "<p>N/A</p>"),
        ("costs", "<h4>(A) Revenue Costs</h4>\n<p>There are no direct revenue costs as a result of this report.</p>"),
        ("costs", "<h4>(B) Capital Costs</h4>\n<p>N/A</p>"),
        ("implications", "<h4>Resource Implications (Financial, IT, Staffing and Assets)</h4>\n<p>None arising from this report.</p>"),
        ("implications", "<h4>Legal Implications</h4>\n<p>None arising from this report.</p>"),
        ("implications", "<h4>Equality Implications</h4>\n<p>There are no equality implications.</p>"),
        ("core-purpose", "<tr><th scope=\"row\">Protect the most vulnerable</th><td>Children&#39;s Social Care have a statutory duty"),
        ("core-purpose", "<tr><th scope=\"row\">Facilitate confident and resilient communities</th><td>Children&#39;s social care work"),
        ("core-purpose", "<tr><th scope=\"row\">Place – leadership and influencer</th><td>Scrutiny of performance"),
        ("core-purpose", "<tr><th scope=\"row\">Cleaner Greener</th><td>N/A</td></tr>"),
        ("consultations", "<h4>(A) Internal Consultations</h4>\n<p>The Head of Corporate Resources (FD 4914/17)"),
        ("consultations", "<h4>(B) External Consultations</h4>\n<p>None.</p>"),
        ("implementation", "<p>With immediate effect.</p>"),
        ("contact", "<dt>Role</dt><dd>Head of Children&#39;s Social Care</dd>"),
        ("contact", "<a href=\"mailto:head.childrens.social.care@example.org\">head.childrens.social.care@example.org</a>"),
        ("contact", "<dt>Telephone</dt><dd>01632 960 123</dd>"),
        ("appendices", "<a href=\"#item-4-appendix-a\">Appendix A: Performance scorecard</a>"),
        ("appendices", "<a href=\"#item-4-appendix-b\">Appendix B: Improvement plan action tracker</a>"),
        ("background", "<li>There are no background papers available for inspection.</li>"),
    ])
    func eachSectionHoldsItsField(_ section: String, _ expected: String) throws {
        let text = try #require(audit.templateSection(item: 4, section), "no section \(section)")
        #expect(text.contains(expected), "\(section) lacks \(expected)")
    }

    @Test func theReportBodyFollowsTheTemplateWithItsHeadingsUnderThePacks() throws {
        let body = try #require(audit.element(id: "item-4-report"))
        #expect(body.contains("<h3 id=\"item-4-report-heading\">Report</h3>"))
        #expect(body.contains("<h4>1. Introduction and background</h4>"))
        #expect(body.contains("<h5>2.1 Frontline practice</h5>"))
        #expect(body.contains("<strong>11 recommendations</strong>"))
        #expect(body.contains("<th scope=\"col\">Measure</th>"))
        #expect(body.contains("<a href=\"https://www.example.org/audit\">the council&#39;s website</a>"))
        #expect(body.contains("<blockquote>"))
    }

    @Test func emptyOptionalSectionsSayNoneStated() throws {
        var content = try SamplePack.content()
        let minimal = try CoverReport.parse(markdown: CoverReportParsingTests.minimal)
        content.items[3].report = minimal
        let audit = HTMLAudit(PackRenderer().renderHTML(content, part: .public))
        for section in ["alternatives", "implementation", "background"] {
            #expect(audit.templateSection(item: 4, section)?.contains("None stated.") == true, "\(section)")
        }
        let table = try #require(audit.element(id: "item-4"))
        #expect(table.contains("<tr><th scope=\"row\">Wards Affected</th><td>Not stated</td></tr>"))
        #expect(table.contains("<tr><th scope=\"row\">Included in Forward Plan</th><td>Not stated</td></tr>"))
    }

    @Test func aKeyDecisionWithItsForwardPlanNoticeShowsTheNoticeDate() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .exempt)
        #expect(html.contains("<tr><th scope=\"row\">Is this a Key Decision</th><td>Yes</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Included in Forward Plan</th><td>Yes (notice published 10 October 2017)</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Exempt / Confidential Report</th><td>Yes: Exempt information: Schedule 12A paragraph 3</td></tr>"))
    }

    @Test func aReportNotYetSubmittedSaysSoInItsItemAndOnTheAgenda() throws {
        let item = try #require(audit.element(id: "item-5"))
        #expect(item.contains("The report for this item has not been submitted."))
        let agenda = try #require(audit.element(id: "agenda"))
        #expect(agenda.contains("Report not yet submitted"))
    }

    @Test func theCoverPageCarriesTheMeetingThePartTheVersionTheDeadlineAndTheWarnings() throws {
        let cover = String(html[html.range(of: "<header class=\"cover\">")!.lowerBound..<html.range(of: "id=\"contents\"")!.lowerBound])
        #expect(cover.contains("<h1><span class=\"board-name\">Overview and Scrutiny Committee (Children&#39;s Services and Safeguarding)</span></h1>"))
        #expect(cover.contains("Part I — public"))
        #expect(cover.contains("<dd class=\"meeting-date\">Tuesday 14 November 2017</dd>"))
        #expect(cover.contains("<dt>Time</dt><dd>6:30pm</dd>"))
        #expect(cover.contains("<dt>Venue</dt><dd>Committee Room 1, Bootle Town Hall</dd>"))
        #expect(cover.contains("<dt>Version</dt><dd>2, built 6 November 2017 at 9:15am (GMT)</dd>"))
        #expect(cover.contains("<dt>Publish by</dt><dd>Monday 6 November 2017"))
        #expect(cover.contains("Item 5: the report has not been submitted"))
        #expect(cover.contains("Item 6: notice of the intention to meet in private"))
        #expect(cover.contains("<h2 id=\"changes-heading\">Changes since version 1</h2>"))
        #expect(cover.contains("<strong>Replaced:</strong> item 4, Children&#39;s Social Care performance"))
    }

    @Test func theConfiguredCouncilNameHeadsTheCover() throws {
        let html = PackRenderer(configuration: .init(councilName: "Example Council")).renderHTML(try SamplePack.content(), part: .public)
        #expect(html.contains("<p class=\"council\">Example Council</p>"))
    }
}
