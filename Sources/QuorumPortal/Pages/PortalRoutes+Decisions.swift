import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// An executive decision's page offers its publication to the decision maker's secretary and its
/// call-in to the scrutiny committee's, through the core's `DecisionService`, which decides who
/// may and whether the call-in is in time.
extension PortalRoutes {
    func decisionForms(_ decision: DecisionDocument, context: PortalRequestContext) -> [PortalForm] {
        let base = "/decisions/\(decision.reference)"
        var forms: [PortalForm] = []
        if decision.publishedOn == nil, offers(.decisionPublish, board: decision.decisionMaker, user: context.user) {
            forms.append(
                PortalForm(
                    id: "decision-publish", action: "\(base)/publish", button: "Publish the decision",
                    fields: [.init(name: "on", label: "Published on", hint: "(YYYY-MM-DD; today if left empty)", kind: .date)],
                    intro: "The call-in period runs from the day of publication."))
        }
        // The scrutiny committee is the board whose file says it scrutinises the decision maker.
        if decision.publishedOn != nil, decision.callIn == nil, !decision.urgent, let scrutiny = decision.callInBy,
            offers(.decisionCallIn, board: scrutiny, user: context.user)
        {
            forms.append(
                PortalForm(
                    id: "decision-callin", action: "\(base)/callin", button: "Record the call-in",
                    fields: [
                        .init(name: "reason", label: "Reason for the call-in", kind: .textarea),
                        .init(name: "members", label: "Members calling it in", hint: "(one to a line)", kind: .textarea),
                        .init(name: "on", label: "Called in on", hint: "(YYYY-MM-DD; today if left empty)", kind: .date),
                    ],
                    intro: "A call-in within the call-in period suspends implementation until the scrutiny committee hears it."))
        }
        // The hearing, like the call-in, is the scrutiny committee's secretary's to record.
        if let callIn = decision.callIn, callIn.outcome == "pending", let scrutiny = decision.callInBy,
            offers(.decisionHear, board: scrutiny, user: context.user)
        {
            forms.append(
                PortalForm(
                    id: "decision-hearing", action: "\(base)/hearing", button: "Record the hearing",
                    fields: [
                        .init(name: "on", label: "Heard on", hint: "(YYYY-MM-DD)", kind: .date, initial: callIn.hearingDate ?? ""),
                        .init(name: "outcome", label: "Outcome", kind: .radios(Self.hearingOutcomes), initial: callIn.outcome),
                    ],
                    intro: "The scrutiny committee's hearing of the call-in; the decision may be implemented once it takes no further action."))
        }
        return forms
    }

    /// The form to record a decision, its decision maker chosen from the boards whose decisions
    /// `context`'s user may record; nil when there are none.
    func recordDecisionForm(names: [String: String], context: PortalRequestContext) -> PortalForm? {
        let makers: [(value: String, label: String)] = names.keys.sorted()
            .filter { offers(.decisionRecord, board: $0, user: context.user) }
            .map { (value: $0, label: names[$0] ?? $0) }
        guard !makers.isEmpty else { return nil }
        return PortalForm(
            id: "decision-record", action: "/decisions", button: "Record the decision",
            fields: [
                .init(name: "reference", label: "Reference", hint: "(for example CAB-2018-02-07-1)"),
                .init(name: "decision_maker", label: "Decision maker", kind: .select(makers)),
                .init(name: "decided_on", label: "Decided on", hint: "(YYYY-MM-DD)", kind: .date),
                .init(name: "title", label: "The decision", kind: .textarea),
                .init(name: "urgent", label: "Reason it is urgent", hint: "(only for a decision that takes effect at once and cannot be called in)",
                      kind: .textarea),
            ],
            intro: "A decision is published, and its call-in period starts, from its own page.")
    }

    func recordDecision(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        let formID = "decision-record"
        do {
            let reference = try Self.requiredText(form, "reference", message: "Enter the decision's reference.", form: formID)
            let day = try Self.day(form, "decided_on", label: "the day of the decision", form: formID)!
            let title = try Self.requiredText(form, "title", message: "Enter the decision.", form: formID)
            let recorded = try await Self.write(
                form: formID, values: form,
                field: { message in
                    let lowered = message.lowercased()
                    if lowered.contains("already recorded") || lowered.contains("reference") { return "reference" }
                    if lowered.contains("urgen") { return "urgent" }
                    return lowered.contains("title") ? "title" : "decided_on"
                }
            ) {
                try await app.decisions.record(
                    reference, board: (form["decision_maker"] ?? "").trimmed, decidedOn: day, title: title,
                    urgencyReason: (form["urgent"] ?? "").trimmed.nilIfBlank, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/decisions/\(recorded.reference)"])
        } catch let failed as FormFailure {
            return try await decisionsPage(context: context, problem: failed.problem)
        }
    }

    static let hearingOutcomes: [(value: String, label: String)] = [
        ("pending", "Not yet decided"), ("no_further_action", "No further action"), ("referred_back", "Referred back to the decision maker"),
    ]

    func hearCallIn(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await decisionForm(request, context) { reference, form in
            let formID = "decision-hearing"
            let day = try Self.day(form, "on", label: "the day of the hearing", form: formID)!
            let outcome = (form["outcome"] ?? "").trimmed.nilIfBlank
            _ = try await Self.write(form: formID, values: form, field: { $0.contains("outcome") ? "outcome" : "on" }) {
                try await app.decisions.hear(reference, on: day, outcome: outcome, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/decisions/\(reference)"])
        }
    }

    func decisionForm(_ request: Request, _ context: PortalRequestContext, _ body: (String, [String: String]) async throws -> Response)
        async throws -> Response
    {
        try await formRoute(
            request, context, parameter: "reference", page: { reference, problem in try await decisionPage(reference, context: context, problem: problem) },
            body)
    }

    func publishDecision(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await decisionForm(request, context) { reference, form in
            let day = try Self.day(form, "on", label: "the day of publication", form: "decision-publish", optional: true)
            _ = try await Self.write(form: "decision-publish", values: form, field: { _ in "on" }) {
                try await app.decisions.publish(reference, on: day, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/decisions/\(reference)"])
        }
    }

    func callInDecision(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await decisionForm(request, context) { reference, form in
            let formID = "decision-callin"
            let day = try Self.day(form, "on", label: "the day of the call-in", form: formID, optional: true)
            let members = (form["members"] ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
            _ = try await Self.write(
                form: formID, values: form,
                field: { message in
                    if message.contains("reason") { return "reason" }
                    return message.contains("member") ? "members" : "on"
                }
            ) {
                try await app.decisions.callIn(reference, reason: form["reason"] ?? "", by: members, on: day, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/decisions/\(reference)"])
        }
    }
}
