import Testing

@testable import QuorumDomain

@Suite("The daily sweep at 08:00 London time")
struct SweepScheduleTests {
    let schedule = SweepSchedule(time: LocalTime(hour: 8, minute: 0)!)

    static func utc(_ text: String) -> Int64 {
        let local = LocalDateTime(iso: text)!
        return Int64(local.date.dayNumber) * 86_400 + Int64(local.secondsSinceMidnight)
    }

    @Test(arguments: [
        // GMT: 08:00 London is 08:00 UTC; BST: 07:00 UTC.
        ("2017-01-10", "2017-01-10T08:00:00"), ("2017-07-10", "2017-07-10T07:00:00"),
        // The clocks go forward at 01:00 UTC on Sunday 26 March 2017 and back on Sunday 29 October.
        ("2017-03-25", "2017-03-25T08:00:00"), ("2017-03-26", "2017-03-26T07:00:00"),
        ("2017-10-28", "2017-10-28T07:00:00"), ("2017-10-29", "2017-10-29T08:00:00"),
    ])
    func theSweepIsAtEightOClockLocalAcrossTheClockChanges(date: String, utc: String) {
        #expect(schedule.instant(on: LocalDate(iso: date)!) == Self.utc(utc))
    }

    @Test func theNextSweepAfterTheSpringChangeIsTwentyThreeHoursLater() {
        let saturday = schedule.instant(on: LocalDate(iso: "2017-03-25")!)
        #expect(schedule.next(after: saturday) - saturday == 23 * 3600)
        let autumn = schedule.instant(on: LocalDate(iso: "2017-10-28")!)
        #expect(schedule.next(after: autumn) - autumn == 25 * 3600)
    }

    @Test func nextIsStrictlyLaterAndLatestIsAtOrBefore() {
        let eight = Self.utc("2017-11-01T08:00:00")
        #expect(schedule.next(after: eight) == Self.utc("2017-11-02T08:00:00"))
        #expect(schedule.next(after: eight - 1) == eight)
        #expect(schedule.latest(atOrBefore: eight) == eight)
        #expect(schedule.latest(atOrBefore: eight - 1) == Self.utc("2017-10-31T08:00:00"))
    }

    @Test func anOutageOfSeveralDaysYieldsOneCatchUpSweepAsOfTheLatestMissedTime() {
        let lastRan = Self.utc("2017-11-01T08:00:00")
        let backAt = Self.utc("2017-11-06T12:30:00")
        #expect(schedule.catchUp(lastSweep: lastRan, now: backAt) == Self.utc("2017-11-06T08:00:00"))
    }

    @Test func nothingMissedMeansNoCatchUp() {
        let lastRan = Self.utc("2017-11-06T08:00:00")
        #expect(schedule.catchUp(lastSweep: lastRan, now: Self.utc("2017-11-06T17:00:00")) == nil)
        #expect(schedule.catchUp(lastSweep: lastRan, now: Self.utc("2017-11-07T07:59:59")) == nil)
        #expect(schedule.catchUp(lastSweep: nil, now: Self.utc("2017-11-07T09:00:00")) == nil, "a first start missed nothing")
    }
}
