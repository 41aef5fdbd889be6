import QuorumDomain
import Testing

@testable import QuorumPacks

@Suite("The minutes document: attendance, the quorum and declarations of interest")
struct MinutesDocumentTests {
    let renderer = PackRenderer()

    @Test func partOneStatesWhoWasAbsentAndThatTheMeetingWasQuorate() {
        let html = renderer.renderMinutesHTML(SampleMinutes.content, part: .public)
        #expect(html.contains("<p class=\"minutes-attendance\"><strong>Absent:</strong> Councillor Ashworth</p>"))
        #expect(html.contains(
            "<p class=\"minutes-quorum\">The meeting was quorate: 3 voting members were present (substitutes counted) and 3 required (quorum 1/4 min 3 of a membership of 5).</p>"))
        #expect(html.contains(
            "Declaration of interest: Councillor Carr declared an other registrable interest (Governor of a school named in the report) and remained in the room."))
        // The declaration on the exempt item is Part II's.
        #expect(!html.contains("Spouse employed by Provider Alpha"))
    }

    @Test func partTwoCarriesTheDeclarationOnTheExemptItem() {
        let html = renderer.renderMinutesHTML(SampleMinutes.content, part: .exempt)
        #expect(html.contains(
            "Declaration of interest: Councillor O&#39;Hanlon declared a disclosable pecuniary interest (Spouse employed by Provider Alpha) and left the room for the item."))
        #expect(!html.contains("Governor of a school named in the report"))
    }

    @Test func aMeetingShortOfItsQuorumIsSaidToBe() {
        var minutes = SampleMinutes.content
        minutes.quorum = MinutesContent.Quorum(rule: "1/3", membership: 8, required: 3, present: 2)
        let html = renderer.renderMinutesHTML(minutes, part: .public)
        #expect(html.contains("The meeting was not quorate: 2 voting members were present (substitutes counted) and 3 required (quorum 1/3 of a membership of 8)."))
        minutes.quorum = nil
        #expect(!renderer.renderMinutesHTML(minutes, part: .public).contains("minutes-quorum"))
    }
}
