import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain

/// A secretary builds and publishes a meeting's pack from its page, through the core's
/// operations: the core decides who may, and when a publication is late and needs a reason.
extension PortalRoutes {
    func buildPack(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        let pack = try await Self.core { try await app.packs.build(id, as: context.user) }
        return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#\(pack.id)"])
    }

    func publishPack(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        guard let packID = form["pack"], packID.hasPrefix(id + "-v") else {
            throw PortalError.badRequest("The form did not say which version of this meeting's pack to publish.")
        }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try await app.packs.publish(packID, reason: reason.isEmpty ? nil : reason, as: context.user)
        } catch let error as ApplicationError where error.code == .badArgument {
            // Late without a reason: the page again, the reason field marked with what the core said.
            let message = "Give the special circumstances for publishing late: \(error.message)."
            return try await meetingPage(id, context: context, problem: (packID, message, reason))
        } catch let error as ApplicationError {
            throw PortalError(error)
        }
        return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#\(packID)"])
    }
}
