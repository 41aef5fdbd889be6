import Foundation
import QuorumDomain
import QuorumWire

extension DecisionService {
    /// The executive decisions register as `user` may read it, newest decision first: the
    /// published decisions of the boards the user may see, and the unpublished ones of the boards
    /// whose secretary the user is.
    public func register(as user: User?) async throws -> [DecisionDocument] {
        try await authorizer.authorize(.decisionView, user)
        var visible: [DecisionDocument] = []
        for decision in try await database.decisions() where try await maySee(decision, user) {
            visible.append(try await document(decision, asOf: nil))
        }
        return visible.sorted { ($0.decidedOn, $0.reference) > ($1.decidedOn, $1.reference) }
    }

    /// One decision of the register.
    /// - Throws: `notFound` for an unknown decision and for one the user may not see alike.
    public func registered(_ reference: String, as user: User?) async throws -> DecisionDocument {
        try await authorizer.authorize(.decisionView, user)
        guard let decision = try await database.decision(reference: reference), try await maySee(decision, user) else {
            throw ApplicationError(.notFound, "no decision '\(reference)'")
        }
        return try await document(decision, asOf: nil)
    }

    private func maySee(_ decision: ExecutiveDecision, _ user: User?) async throws -> Bool {
        guard try await governance.sees(try await governance.board(decision.decisionMaker), user) else { return false }
        if decision.publishedOn.map({ $0 <= clock.today }) ?? false { return true }
        return try await authorizer.allows(Operation.decisionPublish.access, user, scope: AccessScope(boardCode: decision.decisionMaker))
    }
}
