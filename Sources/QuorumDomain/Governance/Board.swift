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
    /// How many voting members it needs present, as its board file gives it; nil for the
    /// default (``QuorumRule/default``, a third of the membership rounded up).
    public var quorum: QuorumRule?
    /// Codes of the executive boards whose decisions this board scrutinises and may call in
    /// (the board file's `scrutinises:`); empty for a board that scrutinises none.
    public var scrutinises: [String]

    public init(
        code: String, name: String, chair: Person, secretary: Person, members: [Person],
        reportsTo: [String], meetsInPublic: Bool, calendar: MeetingCalendar, cycles: [ReportingCycle],
        quorum: QuorumRule? = nil, scrutinises: [String] = []
    ) {
        self.scrutinises = scrutinises
        self.code = code
        self.name = name
        self.chair = chair
        self.secretary = secretary
        self.members = members
        self.reportsTo = reportsTo
        self.meetsInPublic = meetsInPublic
        self.calendar = calendar
        self.cycles = cycles
        self.quorum = quorum
    }

    /// The board that scrutinises the decisions of `decisionMaker` and may call them in: the
    /// one whose `scrutinises:` names it (``Governance`` allows at most one), or nil.
    public static func scrutinising(_ decisionMaker: String, among boards: [Board]) -> Board? {
        boards.first { $0.scrutinises.contains(decisionMaker) }
    }

    /// The quorum rule in force: the board file's, else the default.
    public var quorumRule: QuorumRule { quorum ?? .default }

    /// The membership the quorum counts: the chair and the members (the secretary is an officer).
    public var votingMembers: [Person] { [chair] + members.filter { $0.email.lowercased() != chair.email.lowercased() } }

    /// Board codes are upper-case letters and digits, so that they read the same on the wire,
    /// in meeting ids and in file names.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 16
            && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}

extension Board {
    private enum CodingKeys: String, CodingKey {
        case code, name, chair, secretary, members, reportsTo, meetsInPublic, calendar, cycles, quorum, scrutinises
    }

    /// Decodes a board stored before `scrutinises` existed as scrutinising none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(String.self, forKey: .code), name: try container.decode(String.self, forKey: .name),
            chair: try container.decode(Person.self, forKey: .chair), secretary: try container.decode(Person.self, forKey: .secretary),
            members: try container.decode([Person].self, forKey: .members),
            reportsTo: try container.decode([String].self, forKey: .reportsTo),
            meetsInPublic: try container.decode(Bool.self, forKey: .meetsInPublic),
            calendar: try container.decode(MeetingCalendar.self, forKey: .calendar),
            cycles: try container.decode([ReportingCycle].self, forKey: .cycles),
            quorum: try container.decodeIfPresent(QuorumRule.self, forKey: .quorum),
            scrutinises: try container.decodeIfPresent([String].self, forKey: .scrutinises) ?? [])
    }
}
