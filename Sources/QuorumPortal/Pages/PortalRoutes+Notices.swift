import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// The board's secretary records the notices of a private meeting (reg 5) as given, from the
/// meeting page, through the core's `PrivateMeetingService`, which checks who may and what is valid.
extension PortalRoutes {
    func meetingForm(_ request: Request, _ context: PortalRequestContext, _ body: (String, [String: String]) async throws -> Response)
        async throws -> Response
    {
        try await formRoute(request, context, parameter: "id", page: { id, problem in try await meetingPage(id, context: context, form: problem) }, body)
    }

    // MARK: Notice of a private meeting

    func noticeForms(_ notices: PrivateNoticesDocument, meetingID: String) -> [PortalForm] {
        [PrivateMeetingNotices.Kind.first, .second].map { kind -> PortalForm in
            let given = kind == .first ? notices.first : notices.second
            var fields: [PortalForm.Field] = [
                .init(name: "given_on", label: "Given on", hint: "(YYYY-MM-DD)", kind: .date, initial: given?.givenOn ?? ""),
                .init(name: "reasons", label: "Reasons for meeting in private", kind: .textarea, initial: given?.reasons ?? ""),
            ]
            if kind == .second {
                fields.append(
                    .init(
                        name: "representations", label: "Representations received", hint: "(one to a line; leave empty for none)",
                        kind: .textarea, initial: given?.representations.joined(separator: "\n") ?? ""))
                fields.append(.init(name: "response", label: "The response to them", kind: .textarea, initial: given?.response ?? ""))
            }
            return PortalForm(
                id: "notice-\(kind.rawValue)", action: "/meetings/\(meetingID)/notices",
                button: kind == .first ? "Record the first notice as given" : "Record the second notice as given",
                hidden: [("kind", kind.rawValue)], fields: fields,
                intro: kind == .first
                    ? "The first notice, 28 clear days before the meeting. Recording it again replaces the record."
                    : "The second notice, 5 clear days before, with any representations received and the response.")
        }
    }

    /// The reg 5(6) agreement that the meeting is urgent, filled with what is recorded.
    static func urgencyForm(_ notices: PrivateNoticesDocument, meetingID: String) -> PortalForm {
        PortalForm(
            id: "notice-urgency", action: "/meetings/\(meetingID)/urgency", button: "Record the agreement that the meeting is urgent",
            fields: [
                .init(name: "agreed_by", label: "Agreed by", hint: "(the chair of the scrutiny committee, or the council's chair or vice-chair)",
                      initial: notices.urgency?.agreedBy ?? ""),
                .init(name: "agreed_on", label: "Agreed on", hint: "(YYYY-MM-DD)", kind: .date, initial: notices.urgency?.agreedOn ?? ""),
                .init(name: "reasons_on", label: "Notice of the reasons published on", hint: "(YYYY-MM-DD; leave empty until it is)",
                      kind: .date, initial: notices.urgency?.reasonsPublishedOn ?? ""),
            ],
            intro: "When the meeting cannot wait for the 28 days' notice (regulation 5(6)). Recording it again replaces the record.")
    }

    func recordUrgency(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            let formID = "notice-urgency"
            let who = try Self.requiredText(form, "agreed_by", message: "Enter who agreed that the meeting is urgent.", form: formID)
            let agreedOn = try Self.day(form, "agreed_on", label: "the day it was agreed", form: formID)!
            let reasonsOn = try Self.day(form, "reasons_on", label: "the day the reasons were published", form: formID, optional: true)
            _ = try await Self.write(form: formID, values: form, field: { $0.contains("agreement on") ? "agreed_on" : "agreed_by" }) {
                try await app.privateMeetings.recordUrgency(
                    meeting: id, agreedBy: who, agreedOn: agreedOn, reasonsPublishedOn: reasonsOn, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#notices-heading"])
        }
    }

    func giveNotice(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            guard let kind = form["kind"].flatMap(PrivateMeetingNotices.Kind.init(rawValue:)) else {
                throw PortalError.badRequest("The form did not say whether this is the first or the second notice.")
            }
            let formID = "notice-\(kind.rawValue)"
            let day = try Self.day(form, "given_on", label: "the day the notice was given", form: formID)!
            let representations = (form["representations"] ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }
                .filter { !$0.isEmpty }
            let notice = PrivateMeetingService.GivenNotice(
                kind: kind, givenOn: day, reasons: form["reasons"] ?? "", representations: representations,
                response: (form["response"] ?? "").trimmed.nilIfBlank)
            _ = try await Self.write(
                form: formID, values: form,
                field: { $0.contains("representations") ? "representations" : $0.contains("given on") ? "given_on" : "reasons" }
            ) { try await app.privateMeetings.give(notice, meeting: id, as: context.user) }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#notices-heading"])
        }
    }
}
