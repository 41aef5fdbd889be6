import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// One key decision as the published Forward Plan shows it to a visitor.
public struct ForwardPlanListing: Sendable {
    public let reference: String
    public let title: String
    /// The Schedule 12A paragraph when the decision's papers are exempt.
    public let exemptParagraph: Int?
    /// Whether it is on the plan (or published by a reg 10 or 11 notice) today; an unpublished
    /// entry reaches only its decision maker's secretary and admins.
    public let published: Bool
    /// Everything the plan records of it, with its notice; nil when the report's particulars of
    /// an exempt entry are withheld from the visitor (then see ``particulars``).
    public let details: ForwardPlanEntryDocument?
    /// The entry as the visitor may read it, by the one rule every door uses
    /// (``ForwardPlanEntry/particulars(readsExemptPapers:)``): of an exempt entry, the decision
    /// maker, date, paragraph and notice, with the report's title and owner withheld unless the
    /// visitor reads the decision maker's exempt papers.
    public let particulars: ForwardPlanEntryDocument
}

extension ForwardPlanService {
    /// The Forward Plan as `user` may read it, by expected date (undated entries, and exempt ones
    /// listed without their date, last): every
    /// published entry, and the unpublished ones of the boards whose secretary the user is.
    /// An exempt entry is listed with its report's particulars withheld, except to those who
    /// read its decision maker's exempt papers (the rule FORWARD GET, FORWARD LIST and the
    /// published document use).
    public func publishedPlan(as user: User?) async throws -> [ForwardPlanListing] {
        try await authorizer.authorize(.forwardPlanView, user)
        let today = clock.today
        let published = Set(try await database.forwardPlanEntries().filter { $0.entry.isPublic(on: today) }.map(\.entry.reference))
        var listings: [ForwardPlanListing] = []
        for entry in try await entries(decisionMaker: nil, asOf: today, as: user) {
            listings.append(
                ForwardPlanListing(
                    reference: entry.reference, title: entry.title, exemptParagraph: entry.exemptParagraph, published: published.contains(entry.reference),
                    details: entry.reportWithheld ? nil : entry, particulars: entry))
        }
        let dates = Dictionary(uniqueKeysWithValues: listings.map { ($0.reference, $0.details?.meetingDate ?? "9999") })
        return listings.sorted { (dates[$0.reference] ?? "", $0.reference) < (dates[$1.reference] ?? "", $1.reference) }
    }
}
