import QuorumDomain
import Testing

@testable import QuorumPacks

@Suite struct ActionTrackerAppendixTests {
    let tracker: ActionTrackerAppendix

    init() throws {
        tracker = try #require(try SamplePack.content().actionTracker)
    }

    private func action(_ ref: String) throws -> ActionTrackerAppendix.Action {
        try #require(tracker.groups.flatMap(\.actions).first { $0.ref == ref })
    }

    @Test func actionsAreGroupedByRecommendationAndSortedByReference() {
        #expect(tracker.groups.map(\.recommendationID) == ["1.1", "2", "3"])
        #expect(tracker.groups[0].actions.map(\.ref) == ["1.1.1", "1.1.3", "1.1.4", "1.1.10"])
    }

    @Test func statesAreThoseOnTheDayOfTheMeeting() throws {
        #expect(try action("1.1.1").state == .overdue)
        #expect(try action("1.1.1").daysOverdue == 14)
        #expect(try action("1.1.3").state == .open)
        #expect(try action("1.1.3").reviewDate == .ongoing)
        #expect(try action("1.1.4").state == .open)
        #expect(try action("1.1.10").state == .due)
        #expect(try action("2.1").state == .open)
        #expect(try action("3.1").state == .complete)
        #expect(try action("3.1").reviewDate == .completed)
    }

    @Test func eachActionCarriesItsRAGRatingAndTheResolutionThatCreatedIt() throws {
        #expect(try action("1.1.4").rag == .amber)
        #expect(try action("1.1.1").rag == nil)
        #expect(try action("1.1.10").resolution == "OSC-2017-09-12/4.1")
        #expect(try action("1.1.4").resolution == nil)
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        let appendix = try #require(HTMLAudit(html).element(id: "item-4-appendix-b"))
        #expect(appendix.contains("<th scope=\"col\">RAG</th>"))
        #expect(appendix.contains(
            "<th scope=\"row\">1.1.10</th><td>Ensure that policies and procedures are adhered to in every day practice.<span class=\"created-by\">Created by resolution OSC-2017-09-12/4.1</span></td>"))
        #expect(appendix.contains("<td class=\"rag-rating\"><span class=\"rag rag-amber\">Amber</span></td>"))
        #expect(appendix.contains("<td class=\"rag-rating\"><span class=\"rag rag-green\">Green</span></td>"))
        #expect(appendix.components(separatedBy: "Created by resolution").count == 2)
    }

    @Test func theLatestUpdateIsTheLastOneOnOrBeforeTheMeeting() throws {
        #expect(try action("1.1.4").latestUpdate?.text == "Focus on Practice week completed; learning shared at the September workshop.")
        #expect(try action("1.1.10").latestUpdate == nil)
    }

    @Test func theTrackerShowsRefActionLeadReviewDateStateAndUpdate() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        let appendix = try #require(HTMLAudit(html).element(id: "item-4-appendix-b"))
        #expect(appendix.contains("Appendix B to item 4: Improvement plan action tracker, as at 14 November 2017"))
        #expect(appendix.contains(
            "<tr class=\"state-row-overdue\"><th scope=\"row\">1.1.1</th><td>Ensure all training to front line workers and managers covers analysis, planning and recording.</td><td>Head of Service (Children&#39;s Social Care)</td><td class=\"review-date\">31 Oct 2017</td><td><span class=\"state state-overdue\"><span class=\"symbol\" aria-hidden=\"true\">!</span> Overdue</span><span class=\"overdue-days\">by 14 days</span></td><td class=\"rag-rating\"><span class=\"none-stated\">Not rated</span></td><td class=\"update\"><span class=\"update-date\">15 Sep 2017</span> This work is ongoing.</td></tr>"))
        #expect(appendix.contains("<span class=\"symbol\" aria-hidden=\"true\">✓</span> Complete</span>"))
        #expect(appendix.contains("<span class=\"symbol\" aria-hidden=\"true\">◷</span> Due</span>"))
        #expect(appendix.contains("6 actions: 1 complete, 1 overdue, 1 due, 3 open."))
        #expect(!appendix.contains("must not show"))
        #expect(!appendix.contains("quality.assurance.manager@example.org"))
    }
}
