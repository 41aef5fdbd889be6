import Foundation
import QuorumDomain
import Testing

@testable import QuorumApplication

@Suite struct WallClockTests {
    /// Every 20 minutes across a winter midnight, the spring and autumn changes of 2018, and a
    /// midnight of summer time (23:00 UTC), in an order that keeps returning to an earlier hour.
    static let instants: [Int64] = {
        let spans: [ClosedRange<Int64>] = [
            1_514_757_600...1_514_764_800,  // 2017-12-31 22:00 to 2018-01-01 00:00 UTC
            1_521_936_000...1_521_946_800,  // 2018-03-25 00:00 to 03:00 UTC
            1_529_877_600...1_529_888_400,  // 2018-06-24 22:00 to 2018-06-25 01:00 UTC
            1_540_681_200...1_540_692_000,  // 2018-10-27 23:00 to 2018-10-28 02:00 UTC
        ]
        let forward = spans.flatMap { stride(from: $0.lowerBound, through: $0.upperBound, by: 1200) }
        return zip(forward, forward.reversed()).flatMap { [$0, $1] }
    }()

    @Test func todayIsLondonsDateAtEveryInstantWhateverWasAskedBefore() {
        for seconds in Self.instants {
            let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(WallClock.fixed(instant).today == EuropeLondon.localDateTime(at: seconds).date, "at \(seconds)")
        }
    }

    @Test(arguments: [
        (Int64(1_529_881_199), "2018-06-24"),  // 22:59:59 UTC: 23:59:59 BST
        (Int64(1_529_881_200), "2018-06-25"),  // 23:00:00 UTC: midnight BST
        (Int64(1_514_764_799), "2017-12-31"),  // 23:59:59 GMT
        (Int64(1_514_764_800), "2018-01-01"),
    ])
    func todayChangesAtLondonsMidnight(seconds: Int64, date: String) {
        #expect(WallClock.fixed(Date(timeIntervalSince1970: TimeInterval(seconds))).today == LocalDate(iso: date))
    }
}
