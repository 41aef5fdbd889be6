/// Where a notice with a due date stands on a day.
public enum NoticeStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not given yet, and there is still time: its due date is today or later.
    case due
    /// Given on or before its due date.
    case given
    /// Given, but after its due date.
    case late
    /// Not given, and its due date has passed.
    case missing

    /// The status of a notice due on `due`, given on `given` (nil when not given), as of `today`.
    ///
    /// ```swift
    /// NoticeStatus(due: d("2017-10-16"), given: d("2017-10-17"), asOf: d("2017-11-01"))  // .late
    /// NoticeStatus(due: d("2017-10-16"), given: nil, asOf: d("2017-10-16"))              // .due
    /// ```
    public init(due: LocalDate, given: LocalDate?, asOf today: LocalDate) {
        if let given {
            self = given <= due ? .given : .late
        } else {
            self = today <= due ? .due : .missing
        }
    }

    /// Whether the secretary should be warned: the notice is late or missing.
    public var needsWarning: Bool { self == .late || self == .missing }
}
