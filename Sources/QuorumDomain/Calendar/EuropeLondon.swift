/// The clock rules of Europe/London, computed without tzdata.
///
/// British Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on
/// the last Sunday of October; the rest of the year is Greenwich Mean Time (UTC+0). That has
/// been the rule since 1996, and these functions apply it to every year: instants before 1996
/// (when summer time ended on a different Sunday of October, or followed other rules entirely)
/// may get the wrong offset. Quorum deals in meetings from 2017 on, so a pure rule beats
/// depending on the host's time zone database.
///
/// ```swift
/// let local = EuropeLondon.localDateTime(at: 1_509_240_600)  // 2017-10-29T01:30:00Z
/// // local.description == "2017-10-29T01:30:00" (GMT, half an hour after the change)
/// ```
public enum EuropeLondon {
    /// The zone's identifier in the tz database.
    public static let identifier = "Europe/London"

    /// Seconds to add to UTC for the wall time at `unixSeconds`: 3600 in summer time, else 0.
    public static func offsetSeconds(at unixSeconds: Int64) -> Int {
        isSummerTime(at: unixSeconds) ? 3600 : 0
    }

    /// Whether British Summer Time is in force at `unixSeconds`.
    public static func isSummerTime(at unixSeconds: Int64) -> Bool {
        // The changes happen at 01:00 UTC, so the UTC year decides which pair applies.
        let year = LocalDateTime(secondsReadAsUTC: unixSeconds).date.year
        return unixSeconds >= summerTimeStart(in: year) && unixSeconds < summerTimeEnd(in: year)
    }

    /// `BST` in summer time, else `GMT`.
    public static func abbreviation(at unixSeconds: Int64) -> String {
        isSummerTime(at: unixSeconds) ? "BST" : "GMT"
    }

    /// The instant summer time starts in `year`: 01:00 UTC on the last Sunday of March, when
    /// clocks go from 01:00 GMT to 02:00 BST.
    public static func summerTimeStart(in year: Int) -> Int64 {
        changeInstant(YearMonth(year: year, month: 3))
    }

    /// The instant summer time ends in `year`: 01:00 UTC on the last Sunday of October, when
    /// clocks go back from 02:00 BST to 01:00 GMT.
    public static func summerTimeEnd(in year: Int) -> Int64 {
        changeInstant(YearMonth(year: year, month: 10))
    }

    /// The wall time in London at `unixSeconds`.
    public static func localDateTime(at unixSeconds: Int64) -> LocalDateTime {
        LocalDateTime(secondsReadAsUTC: unixSeconds + Int64(offsetSeconds(at: unixSeconds)))
    }

    /// The instant at which London's clocks show `local`.
    ///
    /// Two wall times need a choice, and both choices are the ones most calendars make:
    /// - a time in the spring gap, which clocks skip (01:00–01:59 on the last Sunday of March),
    ///   is moved forward by the hour: 01:30 becomes the instant of 02:30 BST (01:30 UTC);
    /// - a time that happens twice in autumn (01:00–01:59 on the last Sunday of October) is
    ///   the earlier of the two, in summer time: 01:30 becomes 00:30 UTC, not 01:30 UTC.
    public static func unixSeconds(for local: LocalDateTime) -> Int64 {
        let readAsUTC = local.secondsReadAsUTC
        // Trying summer time first makes the ambiguous autumn hour take its earlier instant.
        let inSummerTime = readAsUTC - 3600
        if offsetSeconds(at: inSummerTime) == 3600 { return inSummerTime }
        if offsetSeconds(at: readAsUTC) == 0 { return readAsUTC }
        // Neither reading is consistent: the wall time is in the spring gap. Read as GMT, the
        // instant already lies in summer time, which shows it an hour later: moved forward.
        return readAsUTC
    }

    private static func changeInstant(_ month: YearMonth) -> Int64 {
        Int64(month.last(.sunday).dayNumber) * 86_400 + 3600
    }
}
