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
        public var entry: ForwardPlanEntry
        public var notice: ForwardPlanEntry.NoticeAssessment

        public init(entry: ForwardPlanEntry, notice: ForwardPlanEntry.NoticeAssessment) {
            self.entry = entry
            self.notice = notice
        }
    }

    /// The day the plan is published as of.
    public var asOf: LocalDate
    /// Board names by code, for the decision makers.
    public var boardNames: [String: String]
    public var entries: [Entry]

    public init(asOf: LocalDate, boardNames: [String: String] = [:], entries: [Entry]) {
        self.asOf = asOf
        self.boardNames = boardNames
        self.entries = entries
    }
}
