import Foundation
import Testing

@testable import QuorumDomain

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("LocalDateTime")
struct LocalDateTimeTests {
    @Test("a date-time is written YYYY-MM-DDTHH:MM:SS and read back")
    func text() {
        let value = LocalDateTime(date: day("2017-11-14"), hour: 18, minute: 30)!
        #expect(value.description == "2017-11-14T18:30:00")
        #expect(LocalDateTime(iso: "2017-11-14T18:30:00") == value)
        #expect(LocalDateTime(iso: "2017-11-14T18:30") == value)
        #expect(value.time == LocalTime(hour: 18, minute: 30))
        #expect(LocalDateTime(date: day("2017-11-14"), time: LocalTime(hour: 18, minute: 30)!) == value)
    }

    @Test(
        "impossible times are refused",
        arguments: ["2017-11-14T24:00:00", "2017-11-14T18:60", "2017-11-14T18:30:60", "2017-11-14 18:30", "2017-02-30T10:00", "2017-11-14T1:30"])
    func refused(text: String) {
        #expect(LocalDateTime(iso: text) == nil)
    }

    @Test("date-times order by date, then time")
    func ordering() {
        let early = LocalDateTime(date: day("2017-11-14"), hour: 9, minute: 0)!
        let late = LocalDateTime(date: day("2017-11-14"), hour: 18, minute: 0)!
        let next = LocalDateTime(date: day("2017-11-15"), hour: 0, minute: 0)!
        #expect(early < late && late < next)
    }

    @Test("a date-time encodes as its text")
    func codable() throws {
        let value = LocalDateTime(date: day("2017-11-14"), hour: 18, minute: 30, second: 5)!
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["2017-11-14T18:30:05"]"#)
        #expect(try JSONDecoder().decode([LocalDateTime].self, from: data) == [value])
    }
}
