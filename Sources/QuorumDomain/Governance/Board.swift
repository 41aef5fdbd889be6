/// A board or committee that oversees the improvement plan.
public struct Board: Hashable, Sendable, Codable {
    /// The short code used on the wire: `HWBB`, `LSCB`, `CPB`, `CYPCIB`, `CABINET`, `OSC`.
    public var code: String
    public var name: String
    public var chair: Person
    public var secretary: Person
    public var members: [Person]
    /// Codes of the boards this board reports to.
    public var reportsTo: [String]
    /// Whether its meetings are open to the public (and its packs published).
    public var meetsInPublic: Bool
    public var calendar: MeetingCalendar
    public var cycles: [ReportingCycle]

    public init(
        code: String, name: String, chair: Person, secretary: Person, members: [Person],
        reportsTo: [String], meetsInPublic: Bool, calendar: MeetingCalendar, cycles: [ReportingCycle]
    ) {
        self.code = code
        self.name = name
        self.chair = chair
        self.secretary = secretary
        self.members = members
        self.reportsTo = reportsTo
        self.meetsInPublic = meetsInPublic
        self.calendar = calendar
        self.cycles = cycles
    }

    /// Board codes are upper-case letters and digits, so that they read the same on the wire,
    /// in meeting ids and in file names.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 16
            && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
