import QuorumDomain

/// Writes an iCalendar (RFC 5545) feed of meetings in Europe/London.
///
/// Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 sequence); text values
/// escape backslash, semicolon, comma and newlines; times are local to a `VTIMEZONE` for
/// Europe/London whose rules (last Sunday of March at 01:00 UTC, last Sunday of October) are
/// those of ``EuropeLondon``; `DTSTAMP` is UTC.
///
/// ```swift
/// let text = ICalendarWriter(name: "Scrutiny", generatedAt: now).write([event])
/// ```
public struct ICalendarWriter: Sendable {
    /// The calendar's name (`X-WR-CALNAME`), shown by calendar apps on subscription.
    public var name: String
    /// When the feed was made: every event's `DTSTAMP`, as Unix seconds.
    public var generatedAt: Int64
    public var productID = "-//Quorum//Quorum portal//EN"

    public init(name: String, generatedAt: Int64) {
        self.name = name
        self.generatedAt = generatedAt
    }

    /// The feed's text.
    public func write(_ events: [ICalendarEvent]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(Self.escape(productID))", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(Self.escape(name))", "X-WR-TIMEZONE:\(EuropeLondon.identifier)",
        ]
        lines += Self.londonTimeZone
        let stamp = Self.utc(generatedAt)
        for event in events {
            let end = EuropeLondon.localDateTime(
                at: EuropeLondon.unixSeconds(for: event.start) + Int64(event.durationMinutes) * 60)
            lines += [
                "BEGIN:VEVENT",
                "UID:\(Self.escape(event.uid))",
                "DTSTAMP:\(stamp)",
                "DTSTART;TZID=\(EuropeLondon.identifier):\(Self.local(event.start))",
                "DTEND;TZID=\(EuropeLondon.identifier):\(Self.local(end))",
                "SEQUENCE:\(event.sequence)",
                "STATUS:\(event.status.rawValue)",
                "SUMMARY:\(Self.escape(event.summary))",
                "LOCATION:\(Self.escape(event.location))",
                "DESCRIPTION:\(Self.escape(event.description))",
                "URL;VALUE=URI:\(event.url)",
                "TRANSP:\(event.status == .cancelled ? "TRANSPARENT" : "OPAQUE")",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// Europe/London since 1996: BST from 01:00 UTC (01:00 GMT) on the last Sunday of March to
    /// 01:00 UTC (02:00 BST) on the last Sunday of October.
    static let londonTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:\(EuropeLondon.identifier)", "X-LIC-LOCATION:\(EuropeLondon.identifier)",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19700329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19701025T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// A TEXT value (RFC 5545 §3.3.11): `\` `;` `,` escaped, newlines as `\n`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    /// A content line folded so that no line exceeds 75 octets, then CRLF (§3.1).
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            // A continuation line starts with one space, which counts towards its 75.
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out + "\r\n"
    }

    static func local(_ time: LocalDateTime) -> String {
        let date = time.date
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "T" + pad(time.hour, 2) + pad(time.minute, 2)
            + pad(time.second, 2)
    }

    static func utc(_ seconds: Int64) -> String {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = Int(seconds) - days * 86_400
        let time = LocalDateTime(date: LocalDate(dayNumber: days), hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)!
        return local(time) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
