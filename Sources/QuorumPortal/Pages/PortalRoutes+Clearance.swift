import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// Report clearance from the meeting page: the holder of a report's next step takes it (or sends
/// the report back) through the core's `ClearanceService`, which decides who may and checks the
/// references; the page shows the form only to the step's holder, as the domain names them.
extension PortalRoutes {
    /// The steps a form can take, by the name the form posts.
    enum ClearanceFormStep: String, CaseIterable {
        case submit, finance, legal, approve
        case sendBack = "return"

        init?(_ kind: ClearanceStep.Kind) {
            switch kind {
            case .submit: self = .submit
            case .clearFinance: self = .finance
            case .clearLegal: self = .legal
            case .approve: self = .approve
            case .addToPack, .returnToDraft: return nil
            }
        }
    }

    static func clearanceFormID(item: String, step: ClearanceFormStep) -> String { "clearance-\(item.htmlIDPart)-\(step.rawValue)" }

    /// The forms `user` may use on this report now: its next step when they hold it, and sending it
    /// back, which belongs to the same holder (the build puts an approved report in the pack).
    static func clearanceForms(_ record: ClearanceDocument, board: String, user: User?, meetingID: String) -> [PortalForm] {
        guard let user, let next = record.waitingFor.flatMap(ClearanceStep.Kind.init(rawValue:)) else { return [] }
        let clearance = ReportClearance(
            board: board, owner: Person(role: record.ownerRole, email: record.owner), reportOf: Person(role: record.reportOfRole, email: record.reportOf))
        guard let holder = clearance.holder(of: next), holder.admits(user) else { return [] }
        let action = "/meetings/\(meetingID)/clearance"
        func form(_ step: ClearanceFormStep, button: String, fields: [PortalForm.Field], intro: String? = nil) -> PortalForm {
            PortalForm(
                id: Self.clearanceFormID(item: record.item, step: step), action: action, button: button,
                hidden: [("item", record.item), ("step", step.rawValue)], fields: fields, intro: intro)
        }
        var forms: [PortalForm] = []
        switch ClearanceFormStep(next) {
        case .submit?:
            forms.append(
                form(
                    .submit, button: "Submit for clearance",
                    fields: [
                        .init(
                            name: "of", label: "Email of the officer the report is of",
                            hint: "(only when the board files do not name the \(record.reportOfRole))", kind: .email,
                            initial: record.reportOf, autocomplete: "email")
                    ]))
        case .finance?:
            forms.append(
                form(
                    .finance, button: "Clear for finance",
                    fields: [
                        .init(name: "reference", label: "Finance reference", hint: "(for example FD.5470/18)"),
                        .init(name: "title", label: "Your title, as the cover names you", hint: "(for example Head of Corporate Resources)",
                              autocomplete: "organization-title"),
                    ]))
        case .legal?:
            forms.append(
                form(
                    .legal, button: "Clear for legal",
                    fields: [
                        .init(name: "reference", label: "Legal reference", hint: "(for example LD.4595/18)"),
                        .init(name: "title", label: "Your title, as the cover names you", hint: "(for example Chief Legal and Democratic Officer)",
                              autocomplete: "organization-title"),
                    ]))
        case .approve?:
            forms.append(form(.approve, button: "Approve the report", fields: [], intro: "Approve it as the \(record.reportOfRole)."))
        case .sendBack?, nil:
            break
        }
        if record.stage != ClearanceStage.draft.rawValue {
            forms.append(
                form(
                    .sendBack, button: "Send back to draft",
                    fields: [.init(name: "comment", label: "Why it goes back", hint: "(the owner sees this comment)", kind: .textarea)]))
        }
        return forms
    }

    func clearanceStep(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        guard let item = form["item"], !item.isEmpty, let chosen = form["step"].flatMap(ClearanceFormStep.init(rawValue:)) else {
            throw PortalError.badRequest("The form did not say which report, or which clearance step, it is for.")
        }
        let step: ClearanceService.Step =
            switch chosen {
            case .submit: .submit(approver: (form["of"] ?? "").trimmed.nilIfBlank)
            case .finance: .finance(reference: form["reference"] ?? "", title: form["title"] ?? "")
            case .legal: .legal(reference: form["reference"] ?? "", title: form["title"] ?? "")
            case .approve: .approve
            case .sendBack: .returnToDraft(comment: form["comment"] ?? "")
            }
        let formID = Self.clearanceFormID(item: item, step: chosen)
        do {
            _ = try await app.clearance.take(step, meeting: id, item: item, as: context.user)
        } catch let error as ApplicationError where error.code == .badArgument || error.code == .conflict {
            let problem = FormProblem(
                form: formID, field: Self.clearanceField(chosen, message: error.message), message: Self.sentence(error.message),
                values: form, status: error.code == .conflict ? .conflict : .badRequest)
            return try await meetingPage(id, context: context, form: problem)
        } catch let error as ApplicationError {
            throw PortalError(error)
        }
        return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#clearance-\(item.htmlIDPart)"])
    }

    /// The field the core's message is about: a clearance's reference or title, the return's
    /// comment, the officer's address; else the step itself (its button).
    static func clearanceField(_ step: ClearanceFormStep, message: String) -> String {
        switch step {
        case .finance, .legal:
            if message.contains("reference") { return "reference" }
            return message.contains("title") ? "title" : "submit"
        case .sendBack: return message.contains("comment") ? "comment" : "submit"
        case .submit: return message.contains("email") || message.contains("of=") ? "of" : "submit"
        case .approve: return "submit"
        }
    }
}

extension String {
    var nilIfBlank: String? { trimmed.isEmpty ? nil : self }
}
