import QuorumDomain
import Testing

@testable import QuorumPacks

/// Part I is published: an exempt item shows there as its number, its title and its paragraph,
/// and nothing else of it, ever.
@Suite struct PartSeparationTests {
    @Test func partOneListsTheExemptItemByNumberTitleAndParagraphOnly() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        for secret in SamplePack.exemptSecrets {
            #expect(!html.contains(secret), "Part I contains \(secret)")
        }
        #expect(!html.contains("negotiat"))
        #expect(!html.contains("Block rates"))
        #expect(html.contains("Placement sufficiency: residential provision"))
        #expect(html.contains("Exempt information: Schedule 12A paragraph 3"))
        let agendaRow = try #require(HTMLAudit(html).element(id: "agenda"))
        #expect(agendaRow.contains(
            "<tr class=\"agenda-exempt\"><th scope=\"row\">6</th><td>Placement sufficiency: residential provision</td><td></td><td>Exempt information: Schedule 12A paragraph 3</td></tr>"))
        let notice = try #require(HTMLAudit(html).element(id: "item-6"))
        #expect(notice.contains("Information relating to the financial or business affairs"))
        #expect(!notice.contains("Key decision"))
    }

    @Test func partOneKeepsEveryItemThatIsNotExemptInFull() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        #expect(html.contains("Bi-annual progress report, Children&#39;s Social Care performance"))
        #expect(html.contains("Appendix A to item 4: Performance scorecard"))
        #expect(html.contains("Local Safeguarding Children Board annual report"))
    }

    @Test func partTwoHoldsOnlyTheExemptItems() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .exempt)
        for secret in SamplePack.exemptSecrets {
            #expect(html.contains(secret), "Part II lacks \(secret)")
        }
        #expect(!html.contains("Bi-annual progress report"))
        #expect(!html.contains("Performance scorecard"))
        #expect(!html.contains("Apologies for absence"))
        #expect(html.contains("Part II — not for publication"))
        #expect(html.contains("Schedule 12A to the Local Government Act 1972"))
    }

    @Test func aReportThatCallsItselfExemptStaysOutOfPartOneEvenIfTheAgendaForgot() throws {
        var content = try SamplePack.content()
        content.items[5].exemptParagraph = nil
        #expect(content.items[5].report?.exemptParagraph == 3)
        let open = PackRenderer().renderHTML(content, part: .public)
        for secret in SamplePack.exemptSecrets {
            #expect(!open.contains(secret), "Part I contains \(secret)")
        }
        #expect(open.contains("Exempt information: Schedule 12A paragraph 3"))
        let exempt = PackRenderer().renderHTML(content, part: .exempt)
        #expect(exempt.contains("SECRET-PROVIDER-RATES"))
    }

    @Test func anExemptItemsGeneratedAppendicesStayInPartTwo() throws {
        var content = try SamplePack.content()
        content.items[3].exemptParagraph = 1
        let open = PackRenderer().renderHTML(content, part: .public)
        #expect(!open.contains("Performance scorecard"))
        #expect(!open.contains("Percentage of assessments completed within 45 days"))
        #expect(!open.contains("Head of Children&#39;s Social Care"))
        #expect(!open.contains("1.1.4"))
        let exempt = PackRenderer().renderHTML(content, part: .exempt)
        #expect(exempt.contains("Percentage of assessments completed within 45 days"))
    }

    @Test func partTwoOfAMeetingWithoutExemptItemsSaysSo() throws {
        var content = try SamplePack.content()
        content.items.removeLast()
        let html = PackRenderer().renderHTML(content, part: .exempt)
        #expect(html.contains("There are no exempt items at this meeting."))
        #expect(HTMLAudit(html).leaks == [])
    }

    @Test func itemsInPartsSplitTheAgendaWithoutOverlap() throws {
        let content = try SamplePack.content()
        let open = content.items(in: .public).map(\.number)
        let exempt = content.items(in: .exempt).map(\.number)
        #expect(open == [1, 2, 3, 4, 5])
        #expect(exempt == [6])
    }
}
