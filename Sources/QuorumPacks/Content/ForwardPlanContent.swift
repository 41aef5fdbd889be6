import Foundation
import QuorumDomain

/// The Forward Plan as published: the notice of key decisions (SI 2012/2089 reg 9) that the
/// public may inspect, gathered by whoever publishes it and handed to ``PackRenderer``.
///
/// ```swift
/// let content = ForwardPlanContent(asOf: today, entries: [.init(entry: entry, notice: entry.notice(asOf: today, calendar: calendar))])
/// let html = PackRenderer().renderForwardPlanHTML(content)
/// ```
public struct ForwardPlanContent: Hashable, Sendable {
    /// One key decision and where its notice stands.
    public struct Entry: Hashable, Sendable {
        /// The entry as the public sees it (``ForwardPlanEntry/particulars(readsExemptPapers:)``).
        public var entry: ForwardPlanEntry
        public var notice: ForwardPlanEntry.NoticeAssessment
        /// Whether the report's particulars were withheld as exempt information.
        public var reportWithheld: Bool
        /// The agenda items that carry the decision.
        public var items: [LinkedItem]

        public init(
            entry: ForwardPlanEntry, notice: ForwardPlanEntry.NoticeAssessment, reportWithheld: Bool = false, items: [LinkedItem] = []
        ) {
            self.entry = entry
            self.notice = notice
            self.reportWithheld = reportWithheld
            self.items = items
        }

        /// The entry as the published plan shows it to the public: an exempt entry listed with
        /// its report's particulars withheld.
        public static func published(_ entry: ForwardPlanEntry, notice: ForwardPlanEntry.NoticeAssessment, items: [LinkedItem] = []) -> Entry {
            Entry(
                entry: entry.particulars(readsExemptPapers: false), notice: notice, reportWithheld: entry.withholdsReport(from: false),
                items: items)
        }
    }

    /// An agenda item that carries a key decision: its meeting and its place on the agenda.
    public struct LinkedItem: Hashable, Sendable {
        /// `CABINET-2018-12-06`.
        public var meetingID: String
        public var meetingDate: LocalDate
        public var number: Int
        public var title: String

        public init(meetingID: String, meetingDate: LocalDate, number: Int, title: String) {
            self.meetingID = meetingID
            self.meetingDate = meetingDate
            self.number = number
            self.title = title
        }
    }

    /// The day the plan is published as of.
    public var asOf: LocalDate
    /// Board names by code, for the decision makers.
    public var boardNames: [String: String]
    public var entries: [Entry]
    /// The portal's address (`https://democracy.example.org`, no trailing `/`), when known: a
    /// linked item is then a link to its meeting's page; otherwise it is named by meeting and
    /// item.
    public var portalURL: String?

    public init(asOf: LocalDate, boardNames: [String: String] = [:], entries: [Entry], portalURL: String? = nil) {
        self.asOf = asOf
        self.boardNames = boardNames
        self.entries = entries
        self.portalURL = portalURL
    }
}
