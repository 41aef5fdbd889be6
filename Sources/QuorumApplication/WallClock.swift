import Foundation
import QuorumDomain

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
    public var today: LocalDate { now().londonDate }
}
