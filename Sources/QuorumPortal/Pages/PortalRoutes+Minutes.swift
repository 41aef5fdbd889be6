import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// The board's secretary writes the minutes from the meeting page: an item's minute, its
/// resolutions with their votes, and amendments to a draft resolution, each through one operation
/// of the core's `MeetingRecordService`, which refuses them once the minutes are approved.
extension PortalRoutes {
    static let castingChoices: [(value: String, label: String)] = [
        ("", "None"), ("for", "For the motion"), ("against", "Against the motion"),
    ]

    static func amendFormID(_ resolution: String) -> String { "amend-\(resolution.htmlIDPart)" }

    /// The vote's fields, filled in with `vote` when there is one.
    static func voteFields(_ vote: VoteDocument?) -> [PortalForm.Field] {
        [
            .init(name: "for", label: "Votes for", hint: "(leave the counts empty when no vote was taken)", initial: vote.map { String($0.inFavour) } ?? ""),
            .init(name: "against", label: "Votes against", initial: vote.map { String($0.against) } ?? ""),
            .init(name: "abstain", label: "Abstentions", initial: vote.map { String($0.abstentions) } ?? ""),
            .init(name: "casting", label: "The chair's casting vote", hint: "(only on a tie)", kind: .select(castingChoices),
                  initial: vote?.castingVote ?? ""),
        ]
    }

    /// The forms for the minutes, while they are a draft: nil once they are approved or for a
    /// user the core's rule for recording a minute does not admit.
    func minutesForms(
        _ view: MeetingViewDocument, items: [(value: String, label: String)], context: PortalRequestContext, problem: FormProblem?
    ) async throws -> [String: Any]? {
        let id = view.meeting.id
        guard !items.isEmpty, offers(.minuteRecord, board: view.board.board.code, user: context.user) else { return nil }
        let minutes = try await Self.core { try await app.meetingRecords.minutes(id, as: context.user) }
        guard minutes.status != "approved" else { return nil }
        let csrf = context.csrfToken
        let minute = PortalForm(
            id: "minute", action: "/meetings/\(id)/minutes", button: "Record the minute",
            fields: [
                .init(name: "item", label: "Agenda item", kind: .select(items)),
                .init(name: "text", label: "The minute", hint: "(what the board considered; recording an item again replaces its minute)",
                      kind: .textarea),
                .init(name: "recommendations", label: "Take the report's recommendations as the item's resolutions, as moved",
                      kind: .checkbox, initial: "yes"),
            ])
        var values: [String: Any] = ["minuteForm": minute.values(csrf: csrf, problem: problem)]
        if offers(.resolutionAdd, board: view.board.board.code, user: context.user) {
            let resolution = PortalForm(
                id: "resolution", action: "/meetings/\(id)/resolutions", button: "Add the resolution",
                fields: [
                    .init(name: "item", label: "Agenda item", hint: "(its minute is recorded first)", kind: .select(items)),
                    .init(name: "wording", label: "Resolved", hint: "(the resolution's wording)", kind: .textarea),
                ] + Self.voteFields(nil))
            values["resolutionForm"] = resolution.values(csrf: csrf, problem: problem)
        }
        if offers(.resolutionAmend, board: view.board.board.code, user: context.user) {
            let amendForms: [[String: Any]] = minutes.items.flatMap { item in
                item.resolutions.map { resolution -> [String: Any] in
                    PortalForm(
                        id: Self.amendFormID(resolution.id), action: "/meetings/\(id)/resolutions/amend",
                        button: "Amend resolution \(resolution.id)", hidden: [("resolution", resolution.id)],
                        fields: [.init(name: "wording", label: "Resolution \(resolution.id), as amended", kind: .textarea, initial: resolution.wording)]
                            + Self.voteFields(resolution.vote)
                    ).values(csrf: csrf, problem: problem)
                }
            }
            values["amendForms"] = amendForms
            values["hasAmendForms"] = !amendForms.isEmpty
        } else {
            values["amendForms"] = [[String: Any]]()
            values["hasAmendForms"] = false
        }
        return values
    }

    /// The vote a resolution's form gives, nil when its counts are all empty, or a problem naming
    /// the field at fault.
    static func vote(_ values: [String: String], form: String) throws -> Resolution.Vote? {
        do throws(MeetingRecordError) {
            return try Resolution.Vote(for: values["for"], against: values["against"], abstain: values["abstain"], casting: values["casting"])
        } catch {
            let message = error.value.isEmpty ? "\(error.reason)." : "'\(error.value)' \(error.reason)."
            throw FormFailure(
                FormProblem(form: form, field: error.field, message: message.prefix(1).uppercased() + message.dropFirst(), values: values))
        }
    }

    func recordMinute(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            let formID = "minute"
            let text = try Self.requiredText(form, "text", message: "Enter the minute: what the board considered.", form: formID)
            _ = try await Self.write(
                form: formID, values: form,
                field: { message in
                    if message.contains("approved") { return "submit" }
                    return message.contains("text") ? "text" : "item"
                }
            ) {
                try await app.meetingRecords.recordMinute(
                    id, item: form["item"] ?? "", text: text, defaultResolutions: form["recommendations"] == "yes", as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#record-minutes-heading"])
        }
    }

    func addResolution(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            let formID = "resolution"
            let wording = try Self.requiredText(form, "wording", message: "Enter the resolution's wording.", form: formID)
            let vote = try Self.vote(form, form: formID)
            let added = try await Self.write(form: formID, values: form, field: Self.resolutionField) {
                try await app.meetingRecords.addResolution(id, item: form["item"] ?? "", wording: wording, vote: vote, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#\(Self.amendFormID(added.id))"])
        }
    }

    func amendResolution(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            let reference = (form["resolution"] ?? "").trimmed
            guard reference.hasPrefix("\(id)/") else {
                throw PortalError.badRequest("The form did not name a resolution of this meeting.")
            }
            let formID = Self.amendFormID(reference)
            let wording = try Self.requiredText(form, "wording", message: "Enter the resolution's wording as amended.", form: formID)
            let vote = try Self.vote(form, form: formID)
            _ = try await Self.write(form: formID, values: form, field: Self.resolutionField) {
                try await app.meetingRecords.amendResolution(reference, wording: wording, vote: vote, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#\(formID)"])
        }
    }

    /// The field a refusal of a resolution's write is about.
    private static func resolutionField(_ message: String) -> String {
        if message.contains("approved") || message.contains("set things in motion") { return "submit" }
        if message.contains("wording") { return "wording" }
        if message.contains("vote") { return "for" }
        return "item"
    }
}
