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
    /// Everything the plan records of it, with its notice; nil when the visitor sees an exempt
    /// entry by its title and paragraph only.
    public let details: ForwardPlanEntryDocument?
}

extension ForwardPlanService {
    /// The Forward Plan as `user` may read it, by expected date (undated entries, and exempt ones
    /// listed without their date, last): every
    /// published entry, and the unpublished ones of the boards whose secretary the user is.
    /// An exempt entry is listed by its reference, title and paragraph only, except to those who
    /// read its decision maker's exempt papers.
    public func publishedPlan(as user: User?) async throws -> [ForwardPlanListing] {
        try await authorizer.authorize(.forwardPlanView, user)
        let boards = Dictionary(uniqueKeysWithValues: try await database.boards().map { ($0.code, $0) })
        let today = clock.today
        let published = Set(try await database.forwardPlanEntries().filter { $0.entry.isPublic(on: today) }.map(\.entry.reference))
        var listings: [ForwardPlanListing] = []
        for entry in try await entries(decisionMaker: nil, asOf: today, as: user) {
            var details: ForwardPlanEntryDocument? = entry
            if entry.exemptParagraph != nil {
                let rule = PackRules.readers(of: .exempt, published: true, boardMeetsInPublic: boards[entry.decisionMaker]?.meetsInPublic ?? false)
                if !(try await authorizer.allows(rule, user, scope: AccessScope(boardCode: entry.decisionMaker))) { details = nil }
            }
            listings.append(
                ForwardPlanListing(
                    reference: entry.reference, title: entry.title, exemptParagraph: entry.exemptParagraph, published: published.contains(entry.reference),
                    details: details))
        }
        let dates = Dictionary(uniqueKeysWithValues: listings.map { ($0.reference, $0.details?.meetingDate ?? "9999") })
        return listings.sorted { (dates[$0.reference] ?? "", $0.reference) < (dates[$1.reference] ?? "", $1.reference) }
    }
}
