import QuorumDomain

/// Small boards built in code, so storage tests do not depend on the shipped files.
enum Fixtures {
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func board(
        _ code: String, reportsTo: [String] = [], dates: [String], cancelled: [String] = [],
        time: String = "18:30", venue: String = "Committee Room 1"
    ) -> Board {
        Board(
            code: code, name: "\(code) board",
            chair: Person(role: "Chair", email: "\(code.lowercased()).chair@example.org"),
            secretary: Person(role: "Secretary", email: "\(code.lowercased()).secretary@example.org"),
            members: [Person(role: "Member", email: "\(code.lowercased()).member@example.org")],
            reportsTo: reportsTo, meetsInPublic: true,
            calendar: MeetingCalendar(
                dates: dates.map(date), cancellations: cancelled.map(date),
                defaultTime: LocalTime(iso: time)!, defaultVenue: venue),
            cycles: [])
    }

    static func governance(_ boards: Board...) throws -> Governance {
        try Governance(boards: boards)
    }

    static let horizon = date("2030-12-31")
}
