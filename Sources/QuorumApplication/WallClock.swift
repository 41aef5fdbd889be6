import Foundation
import QuorumDomain
import Synchronization

/// The source of "now": the system clock in production, a fixed or stepped one in tests. Every
/// operation that records or judges a time takes it from here, so tests drive time.
public struct WallClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = WallClock { Date() }

    /// A clock stopped at `instant`.
    public static func fixed(_ instant: Date) -> WallClock { WallClock { instant } }

    /// Today's date in Europe/London.
    public var today: LocalDate { LondonDateOfHour.date(at: now()) }
}

/// London's date, kept for the hour of UTC it was worked out in. London is always a whole
/// hour from UTC, so its date is the same all through each hour of UTC; every kept reply is
/// checked against today's date, thousands of times a second, so the date is worked out once an
/// hour instead. The last hour and its date share one atomic word: no lock on the event loops.
enum LondonDateOfHour {
    /// The hour since 1970 in the low 32 bits, then the day (5 bits), month (4) and year (16).
    private static let kept = Atomic<UInt64>(.max)

    static func date(at instant: Date) -> LocalDate {
        let seconds = instant.unixSeconds
        let hour = seconds >= 0 ? seconds / 3600 : (seconds + 1) / 3600 - 1
        let word = kept.load(ordering: .relaxed)
        if hour >= 0, hour <= 0xffff_fffe, word & 0xffff_ffff == UInt64(hour),
            let date = LocalDate(year: Int(word >> 41), month: Int(word >> 37 & 0xf), day: Int(word >> 32 & 0x1f))
        {
            return date
        }
        let date = EuropeLondon.localDateTime(at: seconds).date
        if hour >= 0, hour <= 0xffff_fffe, (0...0xffff).contains(date.year) {
            kept.store(
                UInt64(hour) | UInt64(date.day) << 32 | UInt64(date.month) << 37 | UInt64(date.year) << 41, ordering: .relaxed)
        }
        return date
    }
}
