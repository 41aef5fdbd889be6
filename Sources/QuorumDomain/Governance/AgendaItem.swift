/// An item on a meeting's agenda.
public struct AgendaItem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Apologies, declarations of interest, minutes: on every agenda.
        case standard
        /// A report due from a reporting cycle.
        case report
    }

    public var number: Int
    public var title: String
    public var kind: Kind
    public var ownerEmail: String?
    public var occurrenceID: String?

    public init(number: Int, title: String, kind: Kind, ownerEmail: String? = nil, occurrenceID: String? = nil) {
        self.number = number
        self.title = title
        self.kind = kind
        self.ownerEmail = ownerEmail
        self.occurrenceID = occurrenceID
    }

    /// The opening items of every formal meeting, in the order councils take them.
    public static let openingTitles = [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the previous meeting",
    ]

    /// The agenda of a meeting: the opening items, then one item per report due at it.
    public static func agenda(reports: [(occurrence: CycleOccurrence, cycle: ReportingCycle)]) -> [AgendaItem] {
        var items = openingTitles.enumerated().map { AgendaItem(number: $0.offset + 1, title: $0.element, kind: .standard) }
        for report in reports {
            items.append(
                AgendaItem(
                    number: items.count + 1, title: report.cycle.title, kind: .report,
                    ownerEmail: report.cycle.owner.email, occurrenceID: report.occurrence.id))
        }
        return items
    }
}
