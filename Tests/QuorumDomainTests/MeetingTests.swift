import Testing

@testable import QuorumDomain

@Suite("Meeting identities")
struct MeetingTests {
    @Test func anIDIsTheBoardAndTheDate() {
        let meeting = Meeting(
            boardCode: "OSC", date: LocalDate(year: 2017, month: 11, day: 14)!, time: LocalTime(hour: 18, minute: 30)!,
            venue: "Town Hall", origin: .calendar)
        #expect(meeting.id == "OSC-2017-11-14")
        let parsed = Meeting.parseID(meeting.id)
        #expect(parsed?.board == "OSC" && parsed?.date == meeting.date)
    }

    @Test(arguments: ["OSC2017-11-14", "OSC-2017-13-14", "osc-2017-11-14", "-2017-11-14", "OSC-17-11-14", ""])
    func malformedIDsAreRefused(id: String) {
        #expect(Meeting.parseID(id) == nil)
    }
}
