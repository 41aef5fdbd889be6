import Foundation

/// Instants on the wire: ISO 8601 with `Z` or an offset (`2017-11-01T08:00:00Z`,
/// `2017-11-01T09:00:00+01:00`), or a Europe/London wall time without one (`2017-11-01T08:00`).
public enum InstantText {
    /// The instant that `text` names, or nil when it is not of these forms.
    public static func parse(_ text: String) -> Date? {
        var body = Substring(text)
        var offset: Int?
        if body.hasSuffix("Z") {
            offset = 0
            body = body.dropLast()
        } else if body.count > 6, let sign = body.dropLast(5).last, sign == "+" || sign == "-" {
            let zone = body.suffix(5)  // HH:MM
            let parts = zone.split(separator: ":")
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60 else {
                return nil
            }
            offset = (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
            body = body.dropLast(6)
        }
        guard let local = LocalDateTime(iso: body.count == 16 ? body + ":00" : body) else { return nil }
        let seconds: Int64
        if let offset {
            seconds = Int64(local.date.dayNumber) * 86_400 + Int64(local.secondsSinceMidnight) - Int64(offset)
        } else {
            seconds = EuropeLondon.unixSeconds(for: local)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
