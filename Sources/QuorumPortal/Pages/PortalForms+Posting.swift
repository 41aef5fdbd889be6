import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain

/// How a form's post runs: the CSRF check, then one write of the core; a refusal for input or
/// state becomes a ``FormProblem`` shown on the page again, any other refusal its own page.
extension PortalRoutes {
    /// Whether the operation's declared rule admits `user` on `board`, so that the page offers its
    /// form. The core's Authorizer checks the same rule when the form is sent.
    func offers(_ operation: QuorumApplication.Operation, board: String?, user: User?) -> Bool {
        guard user != nil else { return false }
        // A rule that needs the boards the user sits on is not judged here: the form is offered
        // to whoever it could admit, and the core decides.
        if operation.access.needsSeats { return operation.access.couldAllow(user) }
        return operation.access.allows(user, in: AccessScope(boardCode: board))
    }

    /// Reads a posted form after its CSRF check, runs `body`, and shows a problem it throws on
    /// the page `page` renders.
    func formRoute(
        _ request: Request, _ context: PortalRequestContext, parameter: String,
        page: (String, FormProblem) async throws -> Response,
        _ body: (String, [String: String]) async throws -> Response
    ) async throws -> Response {
        let target = try context.parameters.require(parameter)
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        do {
            return try await body(target, form)
        } catch let failed as FormFailure {
            return try await page(target, failed.problem)
        }
    }

    /// Runs a write of the core for form `form`; its refusals for input (400) or state (409)
    /// become a problem on the field `field` picks from the core's message.
    static func write<T>(
        form: String, values: [String: String], field: (String) -> String, _ body: () async throws -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch let error as ApplicationError where error.code == .badArgument || error.code == .conflict {
            throw FormFailure(
                FormProblem(
                    form: form, field: field(error.message), message: sentence(error.message), values: values,
                    status: error.code == .conflict ? .conflict : .badRequest))
        } catch let error as ApplicationError {
            throw PortalError(error)
        }
    }

    /// A field's text as a day (nil when empty and `optional`), or a problem naming the field.
    static func day(_ values: [String: String], _ field: String, label: String, form: String, optional: Bool = false) throws -> LocalDate? {
        let written = (values[field] ?? "").trimmed
        if written.isEmpty {
            if optional { return nil }
            throw FormFailure(FormProblem(form: form, field: field, message: "Enter \(label) (YYYY-MM-DD).", values: values))
        }
        guard let date = LocalDate(iso: written) else {
            throw FormFailure(
                FormProblem(
                    form: form, field: field,
                    message: "'\(written)' is not a date: write \(label) as YYYY-MM-DD, for example 2017-11-14.", values: values))
        }
        return date
    }

    /// A field that must not be empty, or a problem naming it.
    static func requiredText(_ values: [String: String], _ field: String, message: String, form: String) throws -> String {
        let text = (values[field] ?? "").trimmed
        guard !text.isEmpty else { throw FormFailure(FormProblem(form: form, field: field, message: message, values: values)) }
        return text
    }
}

/// A form's problem on its way back to the page.
struct FormFailure: Error, Sendable {
    let problem: FormProblem
    init(_ problem: FormProblem) { self.problem = problem }
}
