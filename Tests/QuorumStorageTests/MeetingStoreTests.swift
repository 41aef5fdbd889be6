import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("Meetings in the database")
struct MeetingStoreTests {
    private func makeDatabase() async throws -> AppDatabase {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-09-26", "2017-11-14", "2018-01-16"])),
            through: Fixtures.horizon, now: testNow)
        return database
    }

    @Test func listingIsBoundedByFromAndToInclusive() async throws {
        let database = try await makeDatabase()
        let listed = try await database.meetings(of: "OSC", from: Fixtures.date("2017-11-14"), to: Fixtures.date("2018-01-16"))
        #expect(listed.map(\.id) == ["OSC-2017-11-14", "OSC-2018-01-16"])
        #expect(try await database.meetings(of: "OSC", from: Fixtures.date("2018-01-17")).isEmpty)
    }

    @Test func addingOnADateTheBoardAlreadyMeetsIsAConflict() async throws {
        let database = try await makeDatabase()
        let clash = Meeting(
            boardCode: "OSC", date: Fixtures.date("2017-11-14"), time: LocalTime(hour: 9, minute: 0)!, venue: "x",
            origin: .added)
        await #expect(throws: MeetingStoreError.alreadyExists(id: "OSC-2017-11-14")) {
            _ = try await database.addMeeting(clash, addedBy: "admin", now: testNow)
        }
    }

    @Test func addingToAnUnknownBoardFails() async throws {
        let database = try await makeDatabase()
        let meeting = Meeting(
            boardCode: "NOPE", date: Fixtures.date("2017-11-14"), time: LocalTime(hour: 9, minute: 0)!, venue: "x",
            origin: .added)
        await #expect(throws: MeetingStoreError.unknownBoard("NOPE")) {
            _ = try await database.addMeeting(meeting, addedBy: "admin", now: testNow)
        }
    }

    @Test func aMeetingIsFoundByItsID() async throws {
        let database = try await makeDatabase()
        #expect(try await database.meeting(id: "OSC-2017-11-14")?.date == Fixtures.date("2017-11-14"))
        #expect(try await database.meeting(id: "OSC-2017-11-15") == nil)
    }
}
