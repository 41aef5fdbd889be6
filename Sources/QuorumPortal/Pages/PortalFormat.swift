import Foundation
import QuorumDomain

/// Dates, times and sizes as the pages write them (British English).
enum PortalFormat {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// "Tuesday 14 November 2017".
    static func longDate(_ date: LocalDate) -> String {
        "\(date.weekday.name) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// An ISO date (`2017-11-14`) as `longDate` writes it; any other text as it is.
    static func longDate(iso text: String) -> String {
        LocalDate(iso: text).map(longDate) ?? text
    }

    /// "14 November 2017".
    static func date(_ date: LocalDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "November 2017".
    static func month(_ month: YearMonth) -> String {
        "\(months[month.month - 1]) \(month.year)"
    }

    /// "6.30pm", "10am", "12 noon".
    static func time(_ time: LocalTime) -> String {
        if time.hour == 12 && time.minute == 0 { return "12 noon" }
        let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
        let minutes = time.minute == 0 ? "" : ".\(time.minute < 10 ? "0" : "")\(time.minute)"
        return "\(hour)\(minutes)\(time.hour < 12 ? "am" : "pm")"
    }

    /// "1.2 MB", "880 KB".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        return "\(max(1, (bytes + 500) / 1000)) KB"
    }

    /// The London date of a stored instant (`2017-11-06T09:00:00Z`), or nil.
    static func londonDate(ofInstant text: String?) -> LocalDate? {
        guard let text, let date = instant(text) else { return nil }
        return EuropeLondon.localDateTime(at: Int64(date.timeIntervalSince1970)).date
    }

    static func instant(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// RFC 3339 in UTC, for Atom.
    static func rfc3339(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
