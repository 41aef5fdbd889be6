import Foundation
import QuorumDomain

/// How packs write dates, times and figures: the way a council's papers do, the same on every
/// machine (no locale, no host time zone).
enum PackFormat {
    private static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "Tuesday 14 November 2017".
    static func longDate(_ date: LocalDate) -> String {
        "\(date.weekday.name) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "14 November 2017".
    static func date(_ date: LocalDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "14 Nov 2017": for table cells.
    static func shortDate(_ date: LocalDate) -> String {
        "\(date.day) \(months[date.month - 1].prefix(3)) \(date.year)"
    }

    /// "6:30pm", "10am", "midday", as GOV.UK writes times.
    static func time(_ time: LocalTime) -> String {
        switch (time.hour, time.minute) {
        case (12, 0): return "midday"
        case (0, 0): return "midnight"
        default:
            let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
            let suffix = time.hour < 12 ? "am" : "pm"
            let minutes = time.minute == 0 ? "" : ":" + (time.minute < 10 ? "0" : "") + String(time.minute)
            return "\(hour)\(minutes)\(suffix)"
        }
    }

    /// "6 November 2017 at 9:15am (GMT)": an instant on London's clocks.
    static func instant(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let local = EuropeLondon.localDateTime(at: seconds)
        return "\(Self.date(local.date)) at \(time(local.time)) (\(EuropeLondon.abbreviation(at: seconds)))"
    }

    /// A review date: "31 Oct 2017", "Ongoing", "Completed".
    static func reviewDate(_ review: ReviewDate) -> String {
        switch review {
        case .date(let date): shortDate(date)
        case .ongoing: "Ongoing"
        case .completed: "Completed"
        }
    }

    /// A figure to at most two decimal places, without trailing zeros: 76.4, 85, 17.25.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 1e15 else { return String(value) }
        let whole = Int64(hundredths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let integer = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(integer)" }
        if fraction % 10 == 0 { return "\(sign)\(integer).\(fraction / 10)" }
        return "\(sign)\(integer).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// "Yes" or "No".
    static func yesNo(_ value: Bool) -> String { value ? "Yes" : "No" }

    /// The letter of the `index`th appendix (from 0): A, B, … Z, AA, AB…
    static func appendixLetter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : appendixLetter(index / 26 - 1) + String(letters[index % 26])
    }
}
