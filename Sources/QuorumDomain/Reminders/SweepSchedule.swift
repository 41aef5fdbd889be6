/// When the daily sweep runs: a local time in Europe/London, every day, across clock changes.
public struct SweepSchedule: Hashable, Sendable {
    public var time: LocalTime

    public init(time: LocalTime) {
        self.time = time
    }

    /// The sweep instant (Unix seconds) of `date`.
    public func instant(on date: LocalDate) -> Int64 {
        EuropeLondon.unixSeconds(for: LocalDateTime(date: date, time: time))
    }

    /// The first sweep instant strictly after `instant`.
    public func next(after instant: Int64) -> Int64 {
        let today = EuropeLondon.localDateTime(at: instant).date
        let candidate = self.instant(on: today)
        return candidate > instant ? candidate : self.instant(on: today.adding(days: 1))
    }

    /// The last sweep instant at or before `instant`.
    public func latest(atOrBefore instant: Int64) -> Int64 {
        let today = EuropeLondon.localDateTime(at: instant).date
        let candidate = self.instant(on: today)
        return candidate <= instant ? candidate : self.instant(on: today.adding(days: -1))
    }

    /// The sweep to run at start-up, if one was missed while the daemon was down: the latest
    /// scheduled instant, once, however many days were missed (systemd's `Persistent=`, Quartz's
    /// fire-once-now misfire policy). Nil when none was missed, and on the very first start,
    /// when nothing was ever due.
    public func catchUp(lastSweep: Int64?, now: Int64) -> Int64? {
        guard let lastSweep else { return nil }
        let due = latest(atOrBefore: now)
        return due > lastSweep ? due : nil
    }
}
