import Foundation
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("Synchronising board files into the database")
struct GovernanceSyncTests {
    @Test func firstSyncStoresBoardsMembersAndCalendarMeetings() async throws {
        let database = try AppDatabase.makeInMemory()
        let summary = try await database.synchronise(
            try Fixtures.governance(
                Fixtures.board("OSC", reportsTo: ["CABINET"], dates: ["2017-09-26", "2017-11-14"]),
                Fixtures.board("CABINET", dates: ["2017-10-05"])),
            through: Fixtures.horizon, now: testNow)
        #expect(summary.boards == 2)
        #expect(summary.meetingsAdded == 3)
        let boards = try await database.boards()
        #expect(boards.map(\.code) == ["CABINET", "OSC"])
        #expect(boards[1].reportsTo == ["CABINET"])
        let meetings = try await database.meetings(of: "OSC")
        #expect(meetings.map(\.id) == ["OSC-2017-09-26", "OSC-2017-11-14"])
        #expect(meetings.allSatisfy { $0.origin == .calendar && $0.venue == "Committee Room 1" })
        #expect(try await database.boardCodes(seating: "OSC.MEMBER@example.org") == ["OSC"])
    }

    @Test func resyncFollowsTheFileButKeepsMeetingsAddedOverTheWire() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-09-26", "2017-11-14"])), through: Fixtures.horizon, now: testNow)
        let added = Meeting(
            boardCode: "OSC", date: Fixtures.date("2018-12-12"), time: LocalTime(hour: 10, minute: 0)!,
            venue: "Room 2", origin: .added)
        _ = try await database.addMeeting(added, addedBy: "admin", now: testNow)

        let summary = try await database.synchronise(
            try Fixtures.governance(
                Fixtures.board("OSC", dates: ["2017-09-26", "2017-11-14", "2018-01-16"], cancelled: ["2017-09-26"], venue: "Council Chamber")),
            through: Fixtures.horizon, now: testNow)
        #expect(summary.meetingsRemoved == 1)
        #expect(summary.meetingsAdded == 1)
        #expect(summary.meetingsUpdated == 1)
        let meetings = try await database.meetings(of: "OSC")
        #expect(meetings.map(\.date.description) == ["2017-11-14", "2018-01-16", "2018-12-12"])
        #expect(meetings[0].venue == "Council Chamber")
        #expect(meetings[2].origin == .added && meetings[2].venue == "Room 2")
    }

    @Test func aBoardWhoseFileIsGoneIsRetiredNotDeleted() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14"]), Fixtures.board("CPB", dates: ["2017-10-10"])),
            through: Fixtures.horizon, now: testNow)
        let summary = try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14"])), through: Fixtures.horizon, now: testNow)
        #expect(summary.retiredBoards == ["CPB"])
        #expect(try await database.boards().map(\.code) == ["OSC"])
        #expect(try await database.meetings(of: "CPB").count == 1)
        #expect(try await database.boardCodes(seating: "cpb.member@example.org").isEmpty)
    }

    @Test func datesBeyondTheHorizonAreNotStored() async throws {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14", "2031-01-14"])), through: Fixtures.horizon, now: testNow)
        #expect(try await database.meetings(of: "OSC").map(\.date.description) == ["2017-11-14"])
    }
}
