import Foundation
import QuorumApplication
import QuorumDomain
import Testing

/// The Forward Plan and notices of a private meeting on the application core, with the Cabinet
/// meeting of Thursday 6 December 2018: Forward Plan notice by 7 November (28 clear days),
/// general exception by 30 November (5 clear days).
@Suite("The Forward Plan and private-meeting notices through the application core", .serialized)
struct ForwardPlanServiceTests {
    static let meeting = "CABINET-2018-12-06"
    static let secretary = User(name: "democratic.services@example.org", role: .secretary, boardCode: "CABINET")
    static let otherSecretary = User(name: "scrutiny.secretary@example.org", role: .secretary, boardCode: "OSC")

    static func entry(_ reference: String, published: String?) -> ForwardPlanService.NewEntry {
        ForwardPlanService.NewEntry(
            reference: reference, title: "Children's social care sufficiency strategy", decisionMaker: "CABINET", meetingID: meeting,
            reportTitle: "Sufficiency strategy 2019-2022", reportOwner: "head.childrens.social.care@example.org",
            reportOwnerRole: "Head of Children's Social Care", firstPublished: published.flatMap { LocalDate(iso: $0) })
    }

    @Test func anEntryPublished28ClearDaysAheadIsOnTheForwardPlanRoute() async throws {
        let fixture = try await ApplicationFixture(now: "2018-11-02T09:00:00Z")
        let plan = fixture.application.forwardPlan
        let added = try await plan.add(Self.entry("FP-2018-07", published: "2018-11-01"), as: Self.secretary)
        #expect(added.route == "forward_plan" && added.status == "compliant")
        #expect(added.forwardPlanDue == "2018-11-07" && added.generalExceptionDue == "2018-11-30" && added.clearDaysGiven == 34)
        let duplicate = await #expect(throws: ApplicationError.self) { try await plan.add(Self.entry("FP-2018-07", published: nil), as: Self.secretary) }
        #expect(duplicate?.code == .conflict)
        let outsider = await #expect(throws: ApplicationError.self) { try await plan.add(Self.entry("FP-2018-08", published: nil), as: Self.otherSecretary) }
        #expect(outsider?.code == .notPermitted)
        var wrongBoard = Self.entry("FP-2018-09", published: nil)
        wrongBoard.meetingID = "OSC-2017-11-14"
        let mismatch = await #expect(throws: ApplicationError.self) { try await plan.add(wrongBoard, as: Self.secretary) }
        #expect(mismatch?.code == .badArgument && mismatch?.message.contains("not of the decision maker CABINET") == true)
        let badReference = await #expect(throws: ApplicationError.self) { try await plan.add(Self.entry("FP 2018", published: nil), as: Self.secretary) }
        #expect(badReference?.code == .badArgument && badReference?.message.contains("reference") == true)
    }

    @Test func anUnpublishedEntryIsThereOnlyForItsSecretary() async throws {
        let fixture = try await ApplicationFixture(now: "2018-11-02T09:00:00Z")
        let plan = fixture.application.forwardPlan
        _ = try await plan.add(Self.entry("FP-2018-10", published: nil), as: Self.secretary)
        _ = try await plan.add(Self.entry("FP-2018-11", published: "2018-11-02"), as: Self.secretary)
        #expect(try await plan.entries(decisionMaker: nil, asOf: nil, as: nil).map(\.reference) == ["FP-2018-11"])
        #expect(try await plan.entries(decisionMaker: "CABINET", asOf: nil, as: Self.secretary).map(\.reference) == ["FP-2018-10", "FP-2018-11"])
        let hidden = await #expect(throws: ApplicationError.self) { try await plan.entry("FP-2018-10", asOf: nil, as: Self.otherSecretary) }
        #expect(hidden?.code == .notFound)
        let html = String(decoding: try await plan.publishedDocument(format: .html, asOf: nil, as: nil), as: UTF8.self)
        #expect(html.contains("FP-2018-11") && !html.contains("FP-2018-10"))
        #expect(html.contains("<caption>Key decisions, by the date they are expected</caption>"))
    }

    @Test func anExemptEntryWithholdsItsReportFromThoseWhoDoNotReadExemptPapersAtEveryDoor() async throws {
        let fixture = try await ApplicationFixture(now: "2018-11-02T09:00:00Z")
        let plan = fixture.application.forwardPlan
        var exempt = Self.entry("FP-2018-14", published: "2018-11-01")
        exempt.exemptParagraph = 3
        exempt.reportTitle = "Placement contract award: bidder prices"
        _ = try await plan.add(exempt, as: Self.secretary)
        let member = User(name: "cabinet.member@example.org", role: .member, boardCode: "CABINET")

        for shown in [try await plan.entry("FP-2018-14", asOf: nil, as: nil), try await plan.entries(decisionMaker: nil, asOf: nil, as: nil)[0]] {
            #expect(shown.title == "Children's social care sufficiency strategy" && shown.decisionMaker == "CABINET")
            #expect(shown.meetingDate == "2018-12-06" && shown.exemptParagraph == 3 && shown.route == "forward_plan")
            #expect(shown.reportWithheld && shown.reportTitle == nil && shown.reportOwner == nil && shown.reportOwnerRole == nil)
        }
        let outsider = try await plan.entry("FP-2018-14", asOf: nil, as: Self.otherSecretary)
        #expect(outsider.reportWithheld && outsider.reportTitle == nil)
        for reader in [member, Self.secretary] {
            let full = try await plan.entry("FP-2018-14", asOf: nil, as: reader)
            #expect(!full.reportWithheld && full.reportTitle == "Placement contract award: bidder prices")
            #expect(full.reportOwner == "head.childrens.social.care@example.org")
        }
        let listing = try #require(try await plan.publishedPlan(as: nil).first)
        #expect(listing.details == nil && listing.particulars.reportWithheld && listing.particulars.meetingDate == "2018-12-06")
        #expect(try await plan.publishedPlan(as: member).first?.details?.reportTitle == "Placement contract award: bidder prices")

        // The published document is the public's, whoever asks for it.
        let html = String(decoding: try await plan.publishedDocument(format: .html, asOf: nil, as: Self.secretary), as: UTF8.self)
        #expect(html.contains("FP-2018-14") && html.contains("social care sufficiency strategy"))
        #expect(html.contains("Withheld: Exempt information: Schedule 12A paragraph 3") && html.contains("6 December 2018"))
        #expect(!html.contains("bidder prices") && !html.contains("Head of Children"))
    }

    @Test func aLateEntryGoesByTheGeneralExceptionUntilItsDayPassesThenBySpecialUrgency() async throws {
        let fixture = try await ApplicationFixture(now: "2018-11-21T09:00:00Z")
        let plan = fixture.application.forwardPlan
        let late = try await plan.add(Self.entry("FP-2018-12", published: "2018-11-20"), as: Self.secretary)
        #expect(late.route == "general_exception" && late.status == "pending" && late.clearDaysGiven == 15)
        var change = ForwardPlanService.Change()
        change.chairInformedOn = LocalDate(iso: "2018-11-21")
        change.exceptionNoticeOn = LocalDate(iso: "2018-11-22")
        let told = try await plan.update("FP-2018-12", change, as: Self.secretary)
        #expect(told.status == "pending" && told.checks.map(\.status) == ["given", "given", "due"])
        change = ForwardPlanService.Change()
        change.exceptionReasonsOn = LocalDate(iso: "2018-11-22")
        #expect(try await plan.update("FP-2018-12", change, as: Self.secretary).status == "compliant")

        // Nothing done and the general exception's day gone: special urgency, breached once its day passes.
        _ = try await plan.add(Self.entry("FP-2018-13", published: "2018-12-01"), as: Self.secretary)
        let urgent = try await plan.entry("FP-2018-13", asOf: LocalDate(iso: "2018-12-07"), as: Self.secretary)
        #expect(urgent.route == "special_urgency" && urgent.status == "breached")
        change = ForwardPlanService.Change()
        change.urgencyAgreedOn = LocalDate(iso: "2018-12-03")
        let unnamed = await #expect(throws: ApplicationError.self) { try await plan.update("FP-2018-13", change, as: Self.secretary) }
        #expect(unnamed?.code == .badArgument && unnamed?.message.contains("urgency_by") == true)
    }

    @Test func anItemCarryingAnEntryTakesItsForwardPlanLineAndNoticeWarnings() async throws {
        let fixture = try await ApplicationFixture(now: "2018-11-21T09:00:00Z")
        let plan = fixture.application.forwardPlan
        _ = try await plan.add(Self.entry("FP-2018-07", published: "2018-11-01"), as: Self.secretary)
        _ = try await plan.add(Self.entry("FP-2018-14", published: "2018-11-20"), as: Self.secretary)
        let item = try await plan.addItem(
            title: "Sufficiency strategy", ownerEmail: "head.childrens.social.care@example.org", reference: "FP-2018-07",
            exemptParagraph: nil, to: Self.meeting, as: Self.secretary)
        #expect(item.keyDecision)
        let elsewhere = await #expect(throws: ApplicationError.self) {
            try await plan.addItem(
                title: "Wrong board", ownerEmail: nil, reference: "FP-2018-07", exemptParagraph: nil, to: "OSC-2017-11-14",
                as: fixture.admin)
        }
        #expect(elsewhere?.code == .badArgument)
        let linked = try await plan.entry("FP-2018-07", asOf: nil, as: nil)
        #expect(linked.items == ["\(Self.meeting) \(item.key)"])
        _ = try await fixture.application.packs.submitReport(
            try ApplicationFixture.demo("reports/HWBB-2018-12-12.md"), item: item.key, meeting: Self.meeting, as: Self.secretary)
        let pack = try await fixture.application.packs.build(Self.meeting, as: Self.secretary)
        let html = String(decoding: try await fixture.application.packs.part(pack.id, .public, .html, as: Self.secretary), as: UTF8.self)
        #expect(html.contains("<th scope=\"row\">Included in Forward Plan</th><td>Yes: FP-2018-07 (notice published 1 November 2018)</td>"))
        // Never sent through clearance: the cover does not repeat the report's own claim to have consulted.
        #expect(html.contains("<h4>(A) Internal Consultations</h4>\n<p>No internal consultations have been recorded: the report has not been cleared by finance or legal.</p>"))
        #expect(!html.contains("LD.4595/18"))
        // The agenda names the entry the item carries, to the public as the entry is published.
        let agenda = try await fixture.application.governance.meeting(Self.meeting, as: nil).items ?? []
        #expect(agenda.count > 1)
        #expect(agenda.first { $0.key == item.key }?.forwardPlan == "FP-2018-07")
        #expect(agenda.filter { $0.key != item.key }.allSatisfy { $0.forwardPlan == nil })
        // The published plan names the item that carries the entry.
        let planHTML = String(decoding: try await plan.publishedDocument(format: .html, asOf: nil, as: nil), as: UTF8.self)
        #expect(planHTML.contains("<li>\(Self.meeting), item \(item.number): Sufficiency strategy</li>"))
        // The late entry expected at the meeting is pending while its general exception can
        // still be met; once even special urgency's day has passed, it is breached.
        #expect(!pack.warnings.contains { $0.hasPrefix("key decision FP-2018-14") })
        let after = try await fixture.application.clearance.readiness(meeting: Self.meeting, asOf: LocalDate(iso: "2018-12-07"), as: Self.secretary)
        #expect(after.keyDecisions.first { $0.reference == "FP-2018-14" }?.status == "breached")
        #expect(after.warnings.contains(
            "key decision FP-2018-14: obtain the scrutiny chair's agreement that the decision is urgent (reg 11(1)): missing, due 2018-12-06"))
        #expect(after.keyDecisions.first { $0.reference == "FP-2018-07" }?.status == "compliant")
    }

    @Test func aPrivateMeetingsTwoNoticesAreComputedRecordedAndChecked() async throws {
        let fixture = try await ApplicationFixture(now: "2018-11-10T09:00:00Z")
        let notices = fixture.application.privateMeetings
        _ = try await fixture.application.packs.addItem(
            .init(title: "Placement contract award", exemptParagraph: 3), to: Self.meeting, as: Self.secretary)
        let none = try await notices.notices(meeting: Self.meeting, asOf: nil, as: Self.secretary)
        #expect(none.required && none.checks.map(\.due) == ["2018-11-07", "2018-11-30"])
        #expect(none.checks.map(\.status) == ["missing", "due"])
        let pack = try await fixture.application.packs.build(Self.meeting, as: Self.secretary)
        #expect(pack.warnings.contains("private meeting: publish the notice of intention to meet in private (28 clear days) (reg 5(2)): missing, due 2018-11-07"))

        let member = User(name: "deputy.leader@example.org", role: .member, boardCode: "CABINET")
        let refused = await #expect(throws: ApplicationError.self) {
            try await notices.give(.init(kind: .first, givenOn: LocalDate(iso: "2018-11-05")!, reasons: "Paragraph 3"), meeting: Self.meeting, as: member)
        }
        #expect(refused?.code == .notPermitted)
        let misplaced = await #expect(throws: ApplicationError.self) {
            try await notices.give(
                .init(kind: .first, givenOn: LocalDate(iso: "2018-11-05")!, reasons: "Paragraph 3", representations: ["Open it"]),
                meeting: Self.meeting, as: Self.secretary)
        }
        #expect(misplaced?.code == .badArgument)
        let first = try await notices.give(
            .init(kind: .first, givenOn: LocalDate(iso: "2018-11-05")!, reasons: "Paragraph 3: the bidders' prices"), meeting: Self.meeting,
            as: Self.secretary)
        #expect(first.checks.first?.status == "given")
        let second = try await notices.give(
            .init(kind: .second, givenOn: LocalDate(iso: "2018-11-29")!, reasons: "Paragraph 3", representations: ["A resident asks for it in public"]),
            meeting: Self.meeting, as: Self.secretary)
        #expect(second.checks.last?.problems == ["1 representation received but no response stated"] && second.checks.last?.warning == true)
        let answered = try await notices.give(
            .init(
                kind: .second, givenOn: LocalDate(iso: "2018-11-29")!, reasons: "Paragraph 3", representations: ["A resident asks for it in public"],
                response: "The prices are commercially sensitive until the award"),
            meeting: Self.meeting, as: Self.secretary)
        #expect(answered.checks.allSatisfy { !$0.warning })
        let after = await #expect(throws: ApplicationError.self) {
            try await notices.give(.init(kind: .second, givenOn: LocalDate(iso: "2018-12-07")!, reasons: "x"), meeting: Self.meeting, as: Self.secretary)
        }
        #expect(after?.code == .badArgument)
    }
}
