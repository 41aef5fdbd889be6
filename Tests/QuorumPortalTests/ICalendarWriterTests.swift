import QuorumDomain
import Testing

@testable import QuorumPortal

@Suite("The iCalendar feed writer")
struct ICalendarWriterTests {
    static let stamp: Int64 = 1_509_958_800  // 2017-11-06T09:00:00Z

    static func event(
        summary: String = "Overview and Scrutiny Committee", location: String = "Committee Room 1, Town Hall",
        status: ICalendarEvent.Status = .confirmed, sequence: Int = 0, date: String = "2017-11-14", time: String = "18:30"
    ) -> ICalendarEvent {
        ICalendarEvent(
            uid: "OSC-\(date)@quorum.example.org", summary: summary,
            start: LocalDateTime(date: LocalDate(iso: date)!, time: LocalTime(iso: time)!), location: location,
            description: "Agenda and reports", url: "https://quorum.example.org/meetings/OSC-\(date)", sequence: sequence, status: status)
    }

    @Test func everyLineEndsInCRLFAndNoneIsLongerThan75Octets() {
        let long = String(repeating: "Children’s services scrutiny, ", count: 8)
        let text = ICalendarWriter(name: "Scrutiny", generatedAt: Self.stamp).write([Self.event(summary: long)])
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        // Unfolding (remove CRLF + space) gives the summary back whole, multi-byte characters intact.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + long.replacingOccurrences(of: ",", with: "\\,")))
    }

    @Test func foldingNeverSplitsAUTF8Sequence() {
        let line = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = ICalendarWriter.fold(line)
        for piece in folded.components(separatedBy: "\r\n").dropLast() {
            #expect(piece.utf8.count <= 75)
            #expect(String(validating: Array(piece.utf8), as: UTF8.self) != nil)
        }
        #expect(folded.components(separatedBy: "\r\n").count == 4, "108 characters of 2 octets need three lines")
    }

    @Test(arguments: [
        ("Room 1, Town Hall", "Room 1\\, Town Hall"),
        ("a;b", "a\\;b"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("two\r\nlines", "two\\nlines"),
    ])
    func textValuesAreEscaped(_ input: String, _ expected: String) {
        #expect(ICalendarWriter.escape(input) == expected)
    }

    @Test func aMeetingIsInLondonTimeWithItsZoneAndAUTCStamp() {
        let text = ICalendarWriter(name: "Scrutiny", generatedAt: Self.stamp).write([Self.event(sequence: 2)])
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"))
        #expect(text.contains("TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/London:20171114T183000\r\n"))
        #expect(text.contains("DTEND;TZID=Europe/London:20171114T203000\r\n"))
        #expect(text.contains("DTSTAMP:20171106T090000Z\r\n"))
        #expect(text.contains("UID:OSC-2017-11-14@quorum.example.org\r\n"))
        #expect(text.contains("SEQUENCE:2\r\n"))
        #expect(text.contains("STATUS:CONFIRMED\r\n"))
        #expect(text.contains("URL;VALUE=URI:https://quorum.example.org/meetings/OSC-2017-11-14\r\n"))
    }

    @Test func aMeetingThatRunsOverTheClockChangeEndsInLocalTime() {
        // 29 October 2017: clocks go back at 02:00 BST. A meeting at 00:30 for two hours ends at 01:30 GMT.
        let text = ICalendarWriter(name: "x", generatedAt: Self.stamp).write([Self.event(date: "2017-10-29", time: "00:30")])
        #expect(text.contains("DTEND;TZID=Europe/London:20171029T013000\r\n"))
    }

    @Test func aCancelledMeetingSaysSo() {
        let text = ICalendarWriter(name: "x", generatedAt: Self.stamp).write([Self.event(status: .cancelled, sequence: 1)])
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(text.contains("TRANSP:TRANSPARENT\r\n"))
    }

    @Test func theSameMeetingsGiveTheSameFeed() {
        let writer = ICalendarWriter(name: "x", generatedAt: Self.stamp)
        #expect(writer.write([Self.event()]) == writer.write([Self.event()]))
    }
}
