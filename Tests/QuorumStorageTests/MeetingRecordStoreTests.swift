import GRDB
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("The meeting record's coded columns are Swift enums stored as the text they always held")
struct MeetingRecordStoreTests {
    private let meetingID = "OSC-2017-11-14"

    private func makeDatabase() async throws -> AppDatabase {
        let database = try AppDatabase.makeInMemory()
        try await database.synchronise(
            try Fixtures.governance(Fixtures.board("OSC", dates: ["2017-11-14"])), through: Fixtures.horizon, now: testNow)
        return database
    }

    @Test func attendanceStatusesAreStoredAsTheirWordsAndReadBack() async throws {
        let database = try await makeDatabase()
        let rows = [
            AttendanceRow(person: Person(role: "Member", email: "a@example.org"), status: .present),
            AttendanceRow(person: Person(role: "Member", email: "b@example.org"), status: .apologies),
            AttendanceRow(
                person: Person(role: "Substitute", email: "c@example.org"), status: .substitute, substituteFor: "b@example.org"),
        ]
        _ = try await database.recordAttendance(meetingID: meetingID, by: "admin", now: testNow) { _ in rows }
        let stored = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT status FROM attendance ORDER BY rowid")
        }
        #expect(stored == ["present", "apologies", "substitute"])
        #expect(try await database.attendance(meetingID: meetingID) == rows)
    }

    @Test func aCastingVoteIsStoredAsForOrAgainstAndAnOlderRowStillReads() async throws {
        let database = try await makeDatabase()
        _ = try await database.recordMinute(
            meetingID: meetingID, itemNumber: 4, itemKey: "item:4", title: "Performance", text: "Considered.", exemptParagraph: nil,
            defaults: [], by: "admin", now: testNow)
        let tie = Resolution.Vote(inFavour: 3, against: 3, abstentions: 0, castingVoteInFavour: true)
        _ = try await database.addResolution(meetingID: meetingID, itemNumber: 4, wording: "Agreed.", vote: tie, by: "admin", now: testNow)
        #expect(try await database.writer.read { db in try String.fetchOne(db, sql: "SELECT castingVote FROM resolution") } == "for")

        try await database.writer.write { db in try db.execute(sql: "UPDATE resolution SET castingVote = 'against'") }
        let read = try await database.minutes(meetingID: meetingID).items.first?.resolutions.first?.resolution.vote
        #expect(read?.castingVoteInFavour == false)
    }
}
