import Foundation

// An instant's place on London's clocks, defined once for every layer.

extension Date {
    /// Whole seconds since 1970, rounded down (the resolution of every stored instant).
    public var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    /// The Europe/London calendar date of this instant.
    public var londonDate: LocalDate { EuropeLondon.localDateTime(at: unixSeconds).date }

    /// ISO 8601 in UTC, to the second (`2017-11-06T09:00:00Z`, fractions dropped): how instants
    /// are stored, and how replies that carry a stored instant as it is (a pack's `built_at`, an
    /// outbox row's `next_attempt_at`) write it.
    public var utcISOText: String {
        // Written from the calendar rule, not Foundation's format styles: those go through ICU's
        // time zones, whose code and data a daemon that never shows another zone need not load.
        "\(LocalDateTime(secondsReadAsUTC: unixSeconds))Z"
    }

    /// ISO 8601 with the Europe/London offset of that moment (`2017-11-01T08:00:00+00:00`,
    /// `2018-06-01T09:00:00+01:00`): how replies write instants.
    public var londonISOText: String {
        let offset = EuropeLondon.offsetSeconds(at: unixSeconds) == 0 ? "+00:00" : "+01:00"
        return "\(EuropeLondon.localDateTime(at: unixSeconds))\(offset)"
    }
}
