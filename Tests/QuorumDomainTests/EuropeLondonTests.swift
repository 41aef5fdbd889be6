import Foundation
import Testing

@testable import QuorumDomain

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// Seconds since the epoch of a UTC wall time.
private func utc(_ date: String, _ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
    Int64(day(date).dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
}

private func local(_ date: String, _ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> LocalDateTime {
    LocalDateTime(date: day(date), hour: hour, minute: minute, second: second)!
}

@Suite("EuropeLondon")
struct EuropeLondonTests {
    @Test(
        "summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October",
        arguments: [(2017, "2017-03-26", "2017-10-29"), (2018, "2018-03-25", "2018-10-28"), (2019, "2019-03-31", "2019-10-27")])
    func changes(year: Int, spring: String, autumn: String) {
        #expect(EuropeLondon.summerTimeStart(in: year) == utc(spring, 1))
        #expect(EuropeLondon.summerTimeEnd(in: year) == utc(autumn, 1))
        #expect(EuropeLondon.offsetSeconds(at: utc(spring, 0, 59, 59)) == 0)
        #expect(EuropeLondon.offsetSeconds(at: utc(spring, 1)) == 3600)
        #expect(EuropeLondon.offsetSeconds(at: utc(autumn, 0, 59, 59)) == 3600)
        #expect(EuropeLondon.offsetSeconds(at: utc(autumn, 1)) == 0)
        #expect(EuropeLondon.abbreviation(at: utc(spring, 1)) == "BST")
        #expect(EuropeLondon.abbreviation(at: utc(autumn, 1)) == "GMT")
    }

    @Test("in spring the clocks go from 00:59:59 GMT to 02:00:00 BST")
    func springWallTimes() {
        #expect(EuropeLondon.localDateTime(at: utc("2017-03-26", 0, 59, 59)) == local("2017-03-26", 0, 59, 59))
        #expect(EuropeLondon.localDateTime(at: utc("2017-03-26", 1)) == local("2017-03-26", 2))
    }

    @Test("in autumn the clocks go from 01:59:59 BST back to 01:00:00 GMT")
    func autumnWallTimes() {
        #expect(EuropeLondon.localDateTime(at: utc("2017-10-29", 0, 59, 59)) == local("2017-10-29", 1, 59, 59))
        #expect(EuropeLondon.localDateTime(at: utc("2017-10-29", 1)) == local("2017-10-29", 1))
        #expect(EuropeLondon.localDateTime(at: 1_509_240_600).description == "2017-10-29T01:30:00")
    }

    @Test("a summer evening meeting is an hour ahead of UTC, a winter one is not")
    func ordinaryTimes() {
        #expect(EuropeLondon.unixSeconds(for: local("2018-07-10", 18)) == utc("2018-07-10", 17))
        #expect(EuropeLondon.unixSeconds(for: local("2017-11-14", 18)) == utc("2017-11-14", 18))
        #expect(EuropeLondon.localDateTime(at: utc("2018-06-30", 23, 30)) == local("2018-07-01", 0, 30))
    }

    @Test(
        "a wall time in the spring gap moves forward by the hour",
        arguments: [("2017-03-26", 1, 0), ("2017-03-26", 1, 30), ("2018-03-25", 1, 59), ("2019-03-31", 1, 30)])
    func springGap(date: String, hour: Int, minute: Int) {
        let instant = EuropeLondon.unixSeconds(for: local(date, hour, minute))
        // 01:30 does not exist; it becomes 02:30 BST, which is 01:30 UTC.
        #expect(instant == utc(date, hour, minute))
        #expect(EuropeLondon.localDateTime(at: instant) == local(date, hour + 1, minute))
    }

    @Test(
        "an autumn wall time that happens twice is the earlier, summer-time instant",
        arguments: [("2017-10-29", 1, 0), ("2017-10-29", 1, 30), ("2018-10-28", 1, 59), ("2019-10-27", 1, 30)])
    func autumnRepeat(date: String, hour: Int, minute: Int) {
        let instant = EuropeLondon.unixSeconds(for: local(date, hour, minute))
        #expect(instant == utc(date, hour - 1, minute))
        #expect(EuropeLondon.offsetSeconds(at: instant) == 3600)
        #expect(EuropeLondon.localDateTime(at: instant) == local(date, hour, minute))
    }

    @Test("just outside the changes, wall times have one instant each")
    func aroundChanges() {
        #expect(EuropeLondon.unixSeconds(for: local("2017-03-26", 0, 59, 59)) == utc("2017-03-26", 0, 59, 59))
        #expect(EuropeLondon.unixSeconds(for: local("2017-03-26", 2)) == utc("2017-03-26", 1))
        #expect(EuropeLondon.unixSeconds(for: local("2017-10-29", 0, 59, 59)) == utc("2017-10-28", 23, 59, 59))
        #expect(EuropeLondon.unixSeconds(for: local("2017-10-29", 2)) == utc("2017-10-29", 2))
    }

    @Test("every instant of 2017–2019 survives the trip to wall time and back, but the repeated autumn hour's second pass")
    func roundTrip() {
        var instant = utc("2017-01-01", 0)
        while instant < utc("2020-01-01", 0) {
            let wall = EuropeLondon.localDateTime(at: instant)
            let back = EuropeLondon.unixSeconds(for: wall)
            let secondPass =
                instant >= EuropeLondon.summerTimeEnd(in: wall.date.year)
                && instant < EuropeLondon.summerTimeEnd(in: wall.date.year) + 3600
            #expect(back == (secondPass ? instant - 3600 : instant), "\(instant)")
            instant += 15 * 60
        }
    }

    @Test("the offsets agree with Foundation's Europe/London from 1996 to 2040")
    func agreesWithFoundation() throws {
        let zone = try #require(TimeZone(identifier: EuropeLondon.identifier))
        var instants: [Int64] = []
        // Every three hours, which lands on and around 01:00 UTC on every day.
        var instant = utc("1996-01-01", 0)
        while instant < utc("2040-01-01", 0) {
            instants.append(instant)
            instant += 3 * 3600
        }
        // And the seconds either side of every change.
        for year in 1996..<2040 {
            for change in [EuropeLondon.summerTimeStart(in: year), EuropeLondon.summerTimeEnd(in: year)] {
                instants += [change - 3601, change - 3600, change - 1, change, change + 1, change + 3599, change + 3600]
            }
        }
        var mismatches: [Int64] = []
        for instant in instants
        where zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) != EuropeLondon.offsetSeconds(at: instant) {
            mismatches.append(instant)
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")

        // Wall times too, around each change.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        for year in [1996, 2017, 2018, 2019, 2039] {
            for change in [EuropeLondon.summerTimeStart(in: year), EuropeLondon.summerTimeEnd(in: year)] {
                for instant in stride(from: change - 7200, through: change + 7200, by: 600) {
                    let parts = calendar.dateComponents(
                        [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(instant)))
                    let wall = EuropeLondon.localDateTime(at: instant)
                    #expect(
                        [wall.date.year, wall.date.month, wall.date.day, wall.hour, wall.minute, wall.second]
                            == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map { $0! },
                        "\(instant)")
                }
            }
        }
    }
}
