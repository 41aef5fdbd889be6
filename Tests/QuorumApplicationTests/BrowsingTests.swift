import Foundation
import QuorumApplication
import QuorumDomain
import QuorumWire
import Testing

@Suite("Browsing through the application core: boards, meetings, pack files, feeds and search as the acting user", .serialized)
struct BrowsingTests {
    static let oscMember = User(name: "osc.member.1@example.org", role: .member, boardCode: "OSC")
    static let oscSecretary = User(name: "scrutiny.officer@example.org", role: .secretary, boardCode: "OSC")
    static let hwbbSecretary = User(name: "hwbb.officer@example.org", role: .secretary, boardCode: "HWBB")
    /// Seated on the LSCB by its board file, with no board of their own.
    static let lscbSeat = User(name: "police.public.protection@example.org", role: .lead)

    @Test func aPrivateBoardIsNotThereForThePublicOrAnotherBoardsMember() async throws {
        let fixture = try await ApplicationFixture()
        let governance = fixture.application.governance
        let lscbMeeting = try #require(try await governance.meetings(of: "LSCB", from: nil, to: nil, as: fixture.admin).first).id
        for outsider in [nil, Self.oscMember, Self.hwbbSecretary] as [User?] {
            #expect(!(try await governance.visibleBoards(as: outsider)).map(\.board.code).contains("LSCB"))
            let board = await #expect(throws: ApplicationError.self) { try await governance.visibleBoard("LSCB", as: outsider) }
            #expect(board?.code == .notFound, "not found, not refused: its meetings are not advertised")
            let meeting = await #expect(throws: ApplicationError.self) { try await fixture.application.packs.meetingView(lscbMeeting, as: outsider) }
            #expect(meeting?.code == .notFound)
            #expect(try await governance.calendar(from: nil, to: nil, as: outsider).allSatisfy { $0.meeting.board != "LSCB" })
        }
        for insider in [Self.lscbSeat, fixture.admin, User(name: "lscb.business.manager@example.org", role: .secretary, boardCode: "LSCB")] {
            #expect(try await governance.visibleBoard("LSCB", as: insider).board.code == "LSCB")
            #expect(try await fixture.application.packs.meetingView(lscbMeeting, as: insider).meeting.id == lscbMeeting)
            #expect(try await governance.calendar(from: nil, to: nil, as: insider).contains { $0.meeting.id == lscbMeeting })
        }
        let publicBoards = Set(try await governance.visibleBoards(as: nil).map(\.board.code))
        #expect(publicBoards == ["OSC", "CABINET", "HWBB"])
    }

    @Test func aMeetingsAgendaShowsEachOwnerByTheirRoleWhereTheFilesKnowIt() async throws {
        let fixture = try await ApplicationFixture()
        _ = try await fixture.application.plan.importCSV("actions", csv: try ApplicationFixture.demo("actions.csv"), as: fixture.admin)
        let packs = fixture.application.packs
        let meeting = "OSC-2017-11-14"
        let owners: [(String, String?)] = [
            ("A member's item", "OSC.Member.1@example.org"), ("Another board's chair's item", "council.leader@example.org"),
            ("An action lead's item", "service.manager.early.help@example.org"), ("A stranger's item", "someone.else@example.org"),
            ("Nobody's item", nil),
        ]
        for (title, owner) in owners {
            _ = try await packs.addItem(.init(title: title, ownerEmail: owner), to: meeting, as: fixture.admin)
        }
        let items = try await packs.meetingView(meeting, as: nil).meeting.items ?? []
        let shown = Dictionary(items.map { ($0.title, $0.ownerTitle ?? "none") }, uniquingKeysWith: { first, _ in first })
        // The report owner is also an action lead under another title: the board's file comes first.
        #expect(shown["Bi-annual progress report, Children's Social Care performance"] == "Head of Children's Social Care")
        #expect(shown["A member's item"] == "Committee Member (Councillor)", "addresses match whatever their case")
        #expect(shown["Another board's chair's item"] == "Leader of the Council")
        #expect(shown["An action lead's item"] == "Service Manager (Early Help)")
        #expect(shown["A stranger's item"] == "someone.else@example.org", "no title known: the address")
        #expect(shown["Nobody's item"] == "none")
    }

    @Test func aBoardSaysWhatTheUserMayDoWithItsPacks() async throws {
        let fixture = try await ApplicationFixture()
        let governance = fixture.application.governance
        let anyone = try await governance.visibleBoard("OSC", as: nil)
        #expect(!anyone.readsExempt && !anyone.seesDrafts && !anyone.builds && !anyone.publishes)
        let member = try await governance.visibleBoard("OSC", as: Self.oscMember)
        #expect(member.readsExempt && !member.seesDrafts && !member.builds && !member.publishes)
        let secretary = try await governance.visibleBoard("OSC", as: Self.oscSecretary)
        #expect(secretary.readsExempt && secretary.seesDrafts && secretary.builds && secretary.publishes)
        let other = try await governance.visibleBoard("OSC", as: Self.hwbbSecretary)
        #expect(!other.readsExempt && !other.seesDrafts && !other.builds && !other.publishes)
    }

    @Test func packFilesFeedsAndSearchGiveEachUserOnlyWhatTheyMayRead() async throws {
        let fixture = try await ApplicationFixture()
        let packs = fixture.application.packs
        let meeting = "OSC-2017-11-14"
        let item = try await packs.addItem(.init(title: "Placement commissioning contract", exemptParagraph: 3), to: meeting, as: fixture.admin)
        let exemptReport = try String(
            contentsOf: ApplicationFixture.repositoryRoot.appendingPathComponent("Tests/e2e/fixtures/exempt-report.md"), encoding: .utf8)
        _ = try await packs.submitReport(exemptReport, item: "\(item.number)", meeting: meeting, as: fixture.admin)
        let built = try await packs.build(meeting, as: fixture.admin)
        // The PDF is made after the build's reply.
        await packs.pdfMaker.settled(built.id)
        let draft = try #require(try await packs.versions(of: meeting, as: fixture.admin).first { $0.id == built.id })
        let publicHTML = try #require(draft.file(.public, .html)).sha256
        let exemptPDF = try #require(draft.file(.exempt, .pdf)).sha256

        // Unpublished: not there for the public or a member; the secretary has it.
        for user in [nil, Self.oscMember] as [User?] {
            let refusal = await #expect(throws: ApplicationError.self) { try await packs.file(sha256: publicHTML, format: .html, as: user) }
            #expect(refusal?.code == .notFound)
            #expect(try await packs.meetingView(meeting, as: user).packs.isEmpty)
        }
        #expect(try await packs.file(sha256: publicHTML, format: .html, as: Self.oscSecretary).packID == draft.id)
        #expect(try await packs.meetingView(meeting, as: Self.oscSecretary).packs.map(\.id) == [draft.id])
        #expect(try await packs.search("refreshed", board: nil, from: nil, to: nil, as: nil).isEmpty, "nothing published, nothing found")

        _ = try await packs.publish(draft.id, reason: "its report is not yet approved: a test of access", as: fixture.admin)
        // The publication wrote its search text: nothing is left for a later catch-up to index.
        #expect(try await fixture.database.unindexedPublishedPacks().isEmpty)
        #expect(try await packs.indexEarlierPublications() == 0)
        let file = try await packs.file(sha256: publicHTML, format: .html, as: nil)
        #expect(file.part == .public && file.packID == draft.id)
        let wrongFormat = await #expect(throws: ApplicationError.self) { try await packs.file(sha256: publicHTML, format: .pdf, as: nil) }
        #expect(wrongFormat?.code == .notFound)
        let anonymous = await #expect(throws: ApplicationError.self) { try await packs.file(sha256: exemptPDF, format: .pdf, as: nil) }
        #expect(anonymous?.code == .authenticationRequired, "Part II of a board the public sees: sign in")
        let outsider = await #expect(throws: ApplicationError.self) {
            try await packs.file(sha256: exemptPDF, format: .pdf, as: Self.hwbbSecretary)
        }
        #expect(outsider?.code == .notPermitted)
        #expect(try await packs.file(sha256: exemptPDF, format: .pdf, as: Self.oscMember).part == .exempt)

        let latest = try await packs.latestPublished(limit: 5, as: nil)
        #expect(latest.map(\.pack.id) == [draft.id])
        #expect(latest.first?.boardName.hasPrefix("Overview and Scrutiny") == true)

        let hits = try await packs.search("exempt placement commissioning", board: "osc", from: nil, to: nil, as: nil)
        #expect(hits.allSatisfy { !$0.snippet.contains("CONFIDENTIAL-MARKER-7731") })
        #expect(try await packs.search("CONFIDENTIAL-MARKER-7731", board: nil, from: nil, to: nil, as: fixture.admin).isEmpty,
            "Part II is never indexed, whoever searches")
        let found = try await packs.search("\"Overview and Scrutiny\"", board: "OSC", from: LocalDate(iso: "2017-11-01"), to: LocalDate(iso: "2017-11-30"), as: nil)
        #expect(found.map(\.pack) == [draft.id])
        #expect(try await packs.search("Scrutiny", board: nil, from: LocalDate(iso: "2017-12-01"), to: nil, as: nil).isEmpty, "outside the dates")
        let privateBoard = await #expect(throws: ApplicationError.self) { try await packs.search("board", board: "LSCB", from: nil, to: nil, as: nil) }
        #expect(privateBoard?.code == .badArgument)
    }

    @Test func aPrivateBoardsPublishedPackIsInNoFeedAndNoSearch() async throws {
        let fixture = try await ApplicationFixture()
        let packs = fixture.application.packs
        let meeting = try #require(try await fixture.application.governance.meetings(of: "LSCB", from: nil, to: nil, as: fixture.admin).first)
        let pack = try await packs.build(meeting.id, as: fixture.admin)
        _ = try await packs.publish(pack.id, reason: "a test of access", as: fixture.admin)
        #expect(try await packs.latestPublished(limit: 5, as: Self.lscbSeat).isEmpty, "the feeds are the public's, whoever asks")
        #expect(try await packs.search("Safeguarding", board: nil, from: nil, to: nil, as: Self.lscbSeat).isEmpty)
        let publicHTML = try #require(pack.file(.public, .html)).sha256
        let refusal = await #expect(throws: ApplicationError.self) { try await packs.file(sha256: publicHTML, format: .html, as: nil) }
        #expect(refusal?.code == .notFound, "a private board's part is not there for the public")
        #expect(try await packs.file(sha256: publicHTML, format: .html, as: Self.lscbSeat).packID == pack.id)
    }
}
