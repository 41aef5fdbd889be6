import Foundation
import QuorumApplication
import QuorumDomain
import QuorumWire
import Testing

@Suite("Attendance, minutes and what resolutions set in motion, through the application core")
struct MeetingRecordServiceTests {
    static let secretary = User(name: "scrutiny.secretary@example.org", role: .secretary, boardCode: "OSC")
    static let otherSecretary = User(name: "hwbb.secretary@example.org", role: .secretary, boardCode: "HWBB")
    static let member = User(name: "osc.member.1@example.org", role: .member, boardCode: "OSC")
    static let meeting = "OSC-2017-11-14"

    /// The demo plan and the 14 November 2017 Scrutiny report, on the day after the meeting.
    static func fixture(now: String = "2017-11-15T10:00:00Z") async throws -> ApplicationFixture {
        let fixture = try await ApplicationFixture(now: now)
        for kind in ["recommendations", "actions", "measures", "values"] {
            _ = try await fixture.application.plan.importCSV(kind, csv: try ApplicationFixture.demo("\(kind).csv"), as: fixture.admin)
        }
        _ = try await fixture.application.packs.submitReport(
            try ApplicationFixture.demo("reports/OSC-2017-11-14.md"), item: "4", meeting: meeting, as: fixture.admin)
        return fixture
    }

    @Test func scrutinyOfSevenNeedsThreeAndSubstitutesCount() async throws {
        let records = try await Self.fixture().application.meetingRecords
        // OSC: the chair and six members; quorum "1/4 min 3": a quarter of 7 is 2, the floor is 3.
        _ = try await records.recordAttendance(Self.meeting, member: "osc.chair@example.org", status: "present", as: Self.secretary)
        var document = try await records.recordAttendance(
            Self.meeting, member: "osc.member.1@example.org", status: "present", as: Self.secretary)
        _ = try await records.recordAttendance(Self.meeting, member: "osc.member.2@example.org", status: "apologies", as: Self.secretary)
        #expect(document.required == 3)
        #expect(document.votingPresent == 2)
        #expect(!document.quorate)
        document = try await records.recordSubstitute(
            Self.meeting, substitute: "substitute.councillor@example.org", role: "Substitute Councillor", for: "osc.member.2@example.org",
            as: Self.secretary)
        #expect(document.votingPresent == 3)
        #expect(document.quorate)
        #expect(document.apologies.map(\.email) == ["osc.member.2@example.org"])
        #expect(document.absent.count == 4)
        // A member present cannot also have had a substitute, and the refusal stores nothing.
        await #expect(throws: ApplicationError.self) {
            try await records.recordAttendance(Self.meeting, member: "osc.member.2@example.org", status: "present", as: Self.secretary)
        }
        #expect(try await records.attendance(Self.meeting, as: Self.member).apologies.count == 1)
    }

    @Test func onlyTheBoardsSecretaryRecordsAndItsMembersRead() async throws {
        let records = try await Self.fixture().application.meetingRecords
        let refusal = await #expect(throws: ApplicationError.self) {
            try await records.recordAttendance(Self.meeting, member: "osc.chair@example.org", status: "present", as: Self.otherSecretary)
        }
        #expect(refusal?.code == .notPermitted)
        let reader = await #expect(throws: ApplicationError.self) {
            try await records.minutes(Self.meeting, as: User(name: "hwbb.member@example.org", role: .member, boardCode: "HWBB"))
        }
        #expect(reader?.code == .notPermitted)
        let anonymous = await #expect(throws: ApplicationError.self) { try await records.attendance(Self.meeting, as: nil) }
        #expect(anonymous?.code == .authenticationRequired)
        _ = try await records.attendance(Self.meeting, as: Self.member)
    }

    @Test func aPecuniaryInterestWithoutLeavingIsFlagged() async throws {
        let records = try await Self.fixture().application.meetingRecords
        let document = try await records.declare(
            Self.meeting, item: "4", member: "osc.member.3@example.org", kind: "disclosable_pecuniary",
            nature: "Spouse employed by a commissioned provider", leftRoom: false, dispensation: false, as: Self.secretary)
        #expect(document.declarations.first?.item == 4)
        #expect(document.warnings.count == 1)
        await #expect(throws: ApplicationError.self) {
            try await records.declare(
                Self.meeting, item: "4", member: "someone@example.org", kind: "other_registrable", nature: "x", leftRoom: true,
                dispensation: false, as: Self.secretary)
        }
    }

    @Test func theMinuteTakesTheReportsRecommendationsAndAReportIsRequestedForJanuary() async throws {
        let fixture = try await Self.fixture()
        let records = fixture.application.meetingRecords
        let minutes = try await records.recordMinute(
            Self.meeting, item: "4", text: "The Committee considered the performance scorecard.", as: Self.secretary)
        let resolutions = try #require(minutes.items.first?.resolutions)
        #expect(resolutions.map(\.wording) == ["Reports continue to be provided on a six monthly basis"])
        #expect(resolutions.first?.id == "OSC-2017-11-14/4.1")
        let effect = try await records.requestReport(
            board: "OSC", month: "January 2018", title: "Update report on re-referrals", ownerEmail: "head.childrens.social.care@example.org",
            ownerRole: "Head of Children's Social Care", resolution: "OSC-2017-11-14/4.1", as: Self.secretary)
        // The first Scrutiny meeting of January 2018 is the second Tuesday, the 9th.
        #expect(effect.meeting == "OSC-2018-01-09")
        #expect(effect.warning == nil)
        let january = try await fixture.application.governance.meeting("OSC-2018-01-09", as: nil)
        let item = try #require(january.items?.first { $0.title == "Update report on re-referrals" })
        #expect(item.owner == "head.childrens.social.care@example.org")
        #expect(item.resolution == "OSC-2017-11-14/4.1")
        #expect(item.number == effect.item)
        // No Scrutiny meeting in February 2018: it does not bind, and says so.
        let unbound = try await records.requestReport(
            board: "OSC", month: "2018-02", title: "Another", ownerEmail: "head.childrens.social.care@example.org", ownerRole: nil,
            resolution: "OSC-2017-11-14/4.1", as: Self.secretary)
        #expect(unbound.meeting == nil)
        #expect(unbound.warning?.contains("no meeting in 2018-02") == true)
    }

    @Test func aReportRequestedForAnotherBoardBindsToThatBoardsMeetingAndIsTheResolutionsSecretarys() async throws {
        let fixture = try await Self.fixture()
        let records = fixture.application.meetingRecords
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        // The Health and Wellbeing Board meets quarterly on the second Wednesday: 14 March 2018.
        let effect = try await records.requestReport(
            board: "HWBB", month: "March 2018", title: "Children's services scorecard for the Board", ownerEmail: "head.childrens.social.care@example.org",
            ownerRole: "Head of Children's Social Care", resolution: "OSC-2017-11-14/4.1", as: Self.secretary)
        #expect(effect.board == "HWBB")
        #expect(effect.meeting == "HWBB-2018-03-14")
        #expect(effect.warning == nil)
        let march = try await fixture.application.governance.meeting("HWBB-2018-03-14", as: nil)
        let item = try #require(march.items?.first { $0.title == "Children's services scorecard for the Board" })
        #expect(item.owner == "head.childrens.social.care@example.org")
        #expect(item.resolution == "OSC-2017-11-14/4.1")
        #expect(item.number == effect.item)
        // The request is the resolution's board's to make: the receiving board's secretary may not.
        let hwbbSecretary = User(name: "hwbb.secretary@example.org", role: .secretary, boardCode: "HWBB")
        let refusal = await #expect(throws: ApplicationError.self) {
            try await records.requestReport(
                board: "HWBB", month: "June 2018", title: "x", ownerEmail: "a@example.org", ownerRole: nil,
                resolution: "OSC-2017-11-14/4.1", as: hwbbSecretary)
        }
        #expect(refusal?.code == .notPermitted)
        let june = try await fixture.application.governance.meeting("HWBB-2018-06-13", as: nil)
        #expect(june.items?.contains { $0.title == "x" } != true)
    }

    @Test func theRequestedReportsOwnerIsRemindedLikeAnyReportOwner() async throws {
        let fixture = try await Self.fixture()
        let records = fixture.application.meetingRecords
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        _ = try await records.requestReport(
            board: "OSC", month: "January 2018", title: "Update report on re-referrals", ownerEmail: "re.referrals.owner@example.org",
            ownerRole: "Service Manager (Front Door)", resolution: "OSC-2017-11-14/4.1", as: Self.secretary)
        // Meeting 9 January 2018: publish by 29 December 2017, draft due 5 working days before it.
        let sweep = try await fixture.application.notifications.preview(asOf: InstantText.parse("2017-12-20T08:00:00Z")!, as: fixture.admin)
        let notice = try #require(sweep.notices.first { $0.to.email == "re.referrals.owner@example.org" })
        #expect(notice.kind == "report.due")
        #expect(notice.report?.meetingDate == "2018-01-09")
        #expect(notice.report?.title == "Update report on re-referrals")
    }

    @Test func aReportRequestedForAMonthWithoutAMeetingWarnsTheSecretaryAndBindsToTheMeetingAddedLater() async throws {
        let fixture = try await Self.fixture()
        let records = fixture.application.meetingRecords
        let owner = "re.referrals.owner@example.org"
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        // Scrutiny meets on 9 January and 13 March 2018: nothing in February.
        let unbound = try await records.requestReport(
            board: "OSC", month: "February 2018", title: "Update on the front door", ownerEmail: owner,
            ownerRole: "Service Manager (Front Door)", resolution: "OSC-2017-11-14/4.1", as: Self.secretary)
        #expect(unbound.meeting == nil)
        // From 30 days before February, the secretary is warned, as of a cycle's report no meeting takes.
        let january = try await fixture.application.notifications.preview(asOf: InstantText.parse("2018-01-15T08:00:00Z")!, as: fixture.admin)
        let warning = try #require(january.notices.first { $0.kind == "report.unscheduled" && $0.report?.title == "Update on the front door" })
        #expect(warning.to.email == "scrutiny.secretary@example.org")
        #expect(!january.notices.contains { $0.to.email == owner })

        // A meeting of 20 February is added: the request becomes its item, with its owner and resolution.
        _ = try await fixture.application.governance.addMeeting(board: "OSC", on: LocalDate(iso: "2018-02-20")!, at: nil, venue: nil, as: Self.secretary)
        let february = try await fixture.application.governance.meeting("OSC-2018-02-20", as: nil)
        let item = try #require(february.items?.first { $0.title == "Update on the front door" })
        #expect(item.owner == owner && item.resolution == "OSC-2017-11-14/4.1")
        // A second February meeting, earlier, takes nothing: the request is bound once.
        _ = try await fixture.application.governance.addMeeting(board: "OSC", on: LocalDate(iso: "2018-02-06")!, at: nil, venue: nil, as: Self.secretary)
        let earlier = try await fixture.application.governance.meeting("OSC-2018-02-06", as: nil)
        #expect(earlier.items?.contains { $0.title == "Update on the front door" } != true)
        // The warning stops; the owner is reminded for the meeting of 20 February instead.
        let later = try await fixture.application.notifications.preview(asOf: InstantText.parse("2018-02-01T08:00:00Z")!, as: fixture.admin)
        #expect(!later.notices.contains { $0.kind == "report.unscheduled" && $0.report?.title == "Update on the front door" })
        let due = try #require(later.notices.first { $0.to.email == owner })
        #expect(due.kind == "report.due" && due.report?.meetingDate == "2018-02-20")
    }

    @Test func anActionCreatedByAResolutionIsInTheNextDigest() async throws {
        let fixture = try await Self.fixture()
        let records = fixture.application.meetingRecords
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        let action = try await records.createAction(
            .init(
                ref: "1.1.40", text: "Report re-referral audit findings to the Committee", leadEmail: "qa.lead@example.org",
                leadRole: "Quality Assurance Manager", reviewDate: "2017-11-20"),
            resolution: "OSC-2017-11-14/4.1", as: Self.secretary)
        #expect(action.resolution == "OSC-2017-11-14/4.1")
        #expect(try await fixture.application.plan.action("1.1.40", asOf: nil, as: fixture.admin).resolution == "OSC-2017-11-14/4.1")
        // ACTION LIST carries it too, and only on the action the resolution created.
        let listed = try await fixture.application.plan.actions(.init(), as: fixture.admin)
        #expect(listed.first { $0.ref == "1.1.40" }?.resolution == "OSC-2017-11-14/4.1")
        #expect(listed.filter { $0.resolution != nil }.map(\.ref) == ["1.1.40"])
        // So does the pack's action tracker, with each action's RAG rating.
        _ = try await fixture.application.plan.updateAction(
            "1.1.4", text: "On track", reviewDate: nil, completes: false, rag: "green", frequency: nil,
            as: User(name: "quality.assurance.manager@example.org", role: .lead))
        let built = try await fixture.application.packs.build(Self.meeting, as: fixture.admin)
        await fixture.application.packs.pdfMaker.settled(built.id)
        let html = String(decoding: try await fixture.application.packs.part(built.id, .public, .html, as: fixture.admin), as: UTF8.self)
        #expect(html.contains("Report re-referral audit findings to the Committee<span class=\"created-by\">Created by resolution OSC-2017-11-14/4.1</span>"))
        #expect(html.contains("<th scope=\"row\">1.1.4</th>"))
        #expect(html.contains("<span class=\"rag rag-green\">Green</span>"))
        let sweep = try await fixture.application.notifications.preview(asOf: InstantText.parse("2017-11-16T08:00:00Z")!, as: fixture.admin)
        let digest = try #require(sweep.notices.first { $0.kind == "action.digest" && $0.to.email == "qa.lead@example.org" })
        #expect(digest.actions.map(\.ref) == ["1.1.40"])
    }

    @Test func anOngoingActionIsChasedWhenNoUpdateComesWithinItsFrequency() async throws {
        let fixture = try await Self.fixture()
        let lead = User(name: "head.childrens.social.care@example.org", role: .lead)
        // 1.1.3 is Ongoing: never due nor overdue, so only its frequency brings it to the digest.
        let updated = try await fixture.application.plan.updateAction(
            "1.1.3", text: "Workshops continue quarterly", reviewDate: nil, completes: false, rag: "amber", frequency: "monthly", as: lead)
        #expect(updated.rag == "amber")
        #expect(updated.updateFrequency == "monthly")
        #expect(updated.nextUpdateDue == "2017-12-15")
        let quiet = try await fixture.application.notifications.preview(asOf: InstantText.parse("2017-12-15T08:00:00Z")!, as: fixture.admin)
        #expect(!quiet.notices.contains { $0.actions.contains { $0.ref == "1.1.3" } })
        let sweep = try await fixture.application.notifications.preview(asOf: InstantText.parse("2017-12-16T08:00:00Z")!, as: fixture.admin)
        let item = try #require(sweep.notices.flatMap(\.actions).first { $0.ref == "1.1.3" })
        #expect(item.updateDue == "2017-12-15")
        #expect(item.reviewDate == "Ongoing")
        await #expect(throws: ApplicationError.self) {
            try await fixture.application.plan.updateAction(
                "1.1.3", text: "x", reviewDate: nil, completes: false, rag: "purple", frequency: nil, as: lead)
        }
    }

    @Test func minutesAreApprovedAtTheNextMeetingOnly() async throws {
        // On the day of the 9 January 2018 meeting that approves them.
        let fixture = try await Self.fixture(now: "2018-01-09T10:00:00Z")
        let records = fixture.application.meetingRecords
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        let wrong = await #expect(throws: ApplicationError.self) {
            try await records.approveMinutes(at: "OSC-2018-03-13", minutesOf: Self.meeting, as: Self.secretary)
        }
        #expect(wrong?.code == .badArgument)
        let approved = try await records.approveMinutes(at: "OSC-2018-01-09", as: Self.secretary)
        #expect(approved.meeting == Self.meeting)
        #expect(approved.status == "approved")
        #expect(approved.approvedAt == "OSC-2018-01-09")
        let changed = await #expect(throws: ApplicationError.self) {
            try await records.recordMinute(Self.meeting, item: "4", text: "Rewritten.", as: Self.secretary)
        }
        #expect(changed?.code == .conflict)
    }

    @Test func minutesAreNotApprovedBeforeTheApprovingMeetingHasHappened() async throws {
        // The day after the minuted meeting: the 9 January 2018 meeting is still ahead.
        let records = try await Self.fixture().application.meetingRecords
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        let early = await #expect(throws: ApplicationError.self) {
            try await records.approveMinutes(at: "OSC-2018-01-09", as: Self.secretary)
        }
        #expect(early?.code == .badArgument)
        #expect(early?.message.contains("2018-01-09") == true)
        #expect(early?.message.contains("has not yet taken place") == true)
        #expect(try await records.minutes(Self.meeting, as: Self.secretary).status == "draft")
    }

    @Test func aLostResolutionSetsNothingInMotion() async throws {
        let records = try await Self.fixture().application.meetingRecords
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", defaultResolutions: false, as: Self.secretary)
        let lost = try await records.addResolution(
            Self.meeting, item: "4", wording: "That the plan be withdrawn", vote: Resolution.Vote(inFavour: 3, against: 3, abstentions: 1),
            as: Self.secretary)
        #expect(lost.id == "OSC-2017-11-14/4.1")
        #expect(!lost.carried)
        let refusal = await #expect(throws: ApplicationError.self) {
            try await records.requestReport(
                board: "OSC", month: "January 2018", title: "x", ownerEmail: "a@example.org", ownerRole: nil, resolution: lost.id,
                as: Self.secretary)
        }
        #expect(refusal?.message.contains("not carried") == true)
    }

    @Test func aDefaultedResolutionIsAmendedAndGivenItsVote() async throws {
        let records = try await Self.fixture().application.meetingRecords
        let minutes = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        let id = try #require(minutes.items.first?.resolutions.first?.id)
        #expect(id == "OSC-2017-11-14/4.1")
        let amended = try await records.amendResolution(
            id, wording: "Reports continue to be provided on a quarterly basis",
            vote: Resolution.Vote(inFavour: 4, against: 2, abstentions: 1), as: Self.secretary)
        #expect(amended.wording == "Reports continue to be provided on a quarterly basis")
        #expect(amended.vote?.inFavour == 4)
        #expect(amended.vote?.abstentions == 1)
        #expect(amended.carried)
        // Without a vote it keeps the one it has; the minutes show the amendment.
        _ = try await records.amendResolution(id, wording: "Reports be provided quarterly", vote: nil, as: Self.secretary)
        let stored = try #require(try await records.minutes(Self.meeting, as: Self.secretary).items.first?.resolutions.first)
        #expect(stored.wording == "Reports be provided quarterly")
        #expect(stored.vote?.against == 2)
        // Another board's secretary may not.
        let other = await #expect(throws: ApplicationError.self) {
            try await records.amendResolution(id, wording: "x", vote: nil, as: Self.otherSecretary)
        }
        #expect(other?.code == .notPermitted)
        let missing = await #expect(throws: ApplicationError.self) {
            try await records.amendResolution("OSC-2017-11-14/4.7", wording: "x", vote: nil, as: Self.secretary)
        }
        #expect(missing?.code == .notFound)
    }

    @Test func aResolutionThatSetSomethingInMotionIsNotAmendedIntoALostOne() async throws {
        let records = try await Self.fixture().application.meetingRecords
        let minutes = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        let id = try #require(minutes.items.first?.resolutions.first?.id)
        _ = try await records.requestReport(
            board: "OSC", month: "January 2018", title: "Update report", ownerEmail: "head.childrens.social.care@example.org", ownerRole: nil,
            resolution: id, as: Self.secretary)
        let lost = await #expect(throws: ApplicationError.self) {
            try await records.amendResolution(
                id, wording: "Reports continue", vote: Resolution.Vote(inFavour: 2, against: 5, abstentions: 0), as: Self.secretary)
        }
        #expect(lost?.code == .conflict)
        #expect(lost?.message.contains("report") == true)
        // Nothing was stored: the wording is the report's recommendation still.
        let stored = try #require(try await records.minutes(Self.meeting, as: Self.secretary).items.first?.resolutions.first)
        #expect(stored.wording == "Reports continue to be provided on a six monthly basis")
        #expect(stored.vote == nil)
        let carried = try await records.amendResolution(
            id, wording: "Reports continue", vote: Resolution.Vote(inFavour: 5, against: 2, abstentions: 0), as: Self.secretary)
        #expect(carried.effects.map(\.kind) == ["report"])
    }

    @Test func approvedMinutesKeepTheirResolutions() async throws {
        let records = try await Self.fixture(now: "2018-01-09T20:00:00Z").application.meetingRecords
        let minutes = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        let id = try #require(minutes.items.first?.resolutions.first?.id)
        _ = try await records.approveMinutes(at: "OSC-2018-01-09", as: Self.secretary)
        let refusal = await #expect(throws: ApplicationError.self) {
            try await records.amendResolution(id, wording: "Rewritten", vote: nil, as: Self.secretary)
        }
        #expect(refusal?.code == .conflict)
        #expect(refusal?.message.contains("approved") == true)
    }

    @Test func theMinutesDocumentStatesAbsenceTheQuorumAndDeclarations() async throws {
        let records = try await Self.fixture().application.meetingRecords
        for member in ["osc.chair@example.org", "osc.vice.chair@example.org", "osc.member.1@example.org"] {
            _ = try await records.recordAttendance(Self.meeting, member: member, status: "present", as: Self.secretary)
        }
        _ = try await records.recordAttendance(Self.meeting, member: "osc.member.2@example.org", status: "apologies", as: Self.secretary)
        _ = try await records.recordSubstitute(
            Self.meeting, substitute: "substitute.councillor@example.org", role: "Substitute Councillor", for: "osc.member.2@example.org",
            as: Self.secretary)
        _ = try await records.declare(
            Self.meeting, item: "4", member: "osc.vice.chair@example.org", kind: "other_registrable",
            nature: "Governor of a school named in the report", leftRoom: true, dispensation: false, as: Self.secretary)
        _ = try await records.recordMinute(Self.meeting, item: "4", text: "Considered.", as: Self.secretary)
        let html = String(decoding: try await records.renderMinutes(Self.meeting, part: .public, format: .html, as: Self.secretary), as: UTF8.self)
        #expect(html.contains(
            "<strong>Absent:</strong> Committee Member (Councillor); Co-opted Member (Diocesan Representative); Co-opted Member (Parent Governor Representative)</p>"))
        // OSC: the chair and six members, "1/4 min 3": 3 needed; three members and a substitute present.
        #expect(html.contains(
            "The meeting was quorate: 4 voting members were present (substitutes counted) and 3 required (quorum 1/4 min 3 of a membership of 7)."))
        #expect(html.contains(
            "Declaration of interest: Vice-Chair of the Overview and Scrutiny Committee declared an other registrable interest (Governor of a school named in the report) and left the room for the item."))
    }

    @Test func targetAndComparatorAppearInTheScorecard() async throws {
        let fixture = try await Self.fixture()
        let plan = fixture.application.plan
        let row = try #require(try await plan.scorecard(period: "2017/18", as: nil).first { $0.value != nil })
        let analyst = User(name: "performance.analyst@example.org", role: .analyst)
        _ = try await plan.setTarget(measure: row.id, target: "\(row.value! + 1)", unit: "percent", as: analyst)
        _ = try await plan.setComparator(
            measure: row.id, kind: "national", value: "\(row.value! - 1)", period: "2016/17", source: "DfE statistics 2017", as: analyst)
        let judged = try #require(try await plan.scorecard(period: "2017/18", as: nil).first { $0.id == row.id })
        #expect(judged.target == row.value! + 1)
        #expect(judged.unit == "percent")
        #expect(judged.comparators.first?.kind == "national")
        #expect(judged.comparators.first?.source == "DfE statistics 2017")
        let higher = judged.polarity == "higher" || judged.polarity == "increase"
        #expect(judged.meetsTarget == !higher)
        #expect(judged.comparators.first?.standing == (higher ? "better" : "worse"))
        let refusal = await #expect(throws: ApplicationError.self) {
            try await plan.setTarget(measure: row.id, target: "1", unit: nil, as: Self.secretary)
        }
        #expect(refusal?.code == .notPermitted)
    }
}
