import Foundation
import Testing

@testable import QuorumDomain

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("BankHolidayAdjustment")
struct BankHolidayAdjustmentTests {
    @Test("an added day is read from {date, name}")
    func decodeAdded() throws {
        let json = Data(#"{"date": "2023-05-08", "name": "Coronation"}"#.utf8)
        let adjustment = try JSONDecoder().decode(BankHolidayAdjustment.self, from: json)
        #expect(adjustment == .added(day("2023-05-08"), name: "Coronation"))
        #expect(adjustment.date == day("2023-05-08"))
    }

    @Test("a moved day is read from {moved_from, to, name}")
    func decodeMoved() throws {
        let json = Data(#"{"moved_from": "2022-05-30", "to": "2022-06-02", "name": "Spring bank holiday"}"#.utf8)
        let adjustment = try JSONDecoder().decode(BankHolidayAdjustment.self, from: json)
        #expect(adjustment == .moved(from: day("2022-05-30"), to: day("2022-06-02"), name: "Spring bank holiday"))
        #expect(adjustment.date == day("2022-06-02"))
        #expect(adjustment.name == "Spring bank holiday")
    }

    @Test("the shipped adjustments survive encoding and decoding")
    func roundTrip() throws {
        let data = try JSONEncoder().encode(BankHolidays.shippedAdjustments)
        #expect(try JSONDecoder().decode([BankHolidayAdjustment].self, from: data) == BankHolidays.shippedAdjustments)
    }

    @Test("an object with neither a date nor moved_from and to is refused")
    func refused() {
        let json = Data(#"{"name": "Somewhen"}"#.utf8)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BankHolidayAdjustment.self, from: json)
        }
    }
}
