import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// The decision maker's secretary keeps the Forward Plan from its page: a form to put a key
/// decision on the plan, and on each entry a form for the steps of the general exception (reg 10)
/// and special urgency (reg 11), each through one operation of the core's `ForwardPlanService`.
extension PortalRoutes {
    static func forwardSetFormID(_ reference: String) -> String { "forward-set-\(reference.htmlIDPart)" }

    func forwardPlanPage(context: PortalRequestContext, problem: FormProblem? = nil) async throws -> Response {
        let listings = try await Self.core { try await app.forwardPlan.publishedPlan(as: context.user) }
        let names = try await Self.core { try await app.governance.boardNames(as: context.user) }
        let visible = Set(try await Self.core { try await app.governance.visibleBoards(as: context.user) }.map(\.board.code))
        let csrf = context.csrfToken
        let entries: [[String: Any]] = listings.map { listing in
            var row = forwardPlanRow(listing, names: names, visible: visible)
            if offers(.forwardSet, board: listing.particulars.decisionMaker, user: context.user) {
                row["setForm"] = Self.forwardSetForm(listing.reference).values(csrf: csrf, problem: problem)
            }
            return row
        }
        var values: [String: Any] = ["entries": entries, "hasEntries": !listings.isEmpty, "asOf": PortalFormat.longDate(today)]
        let makers: [(value: String, label: String)] = names.keys.sorted()
            .filter { offers(.forwardAdd, board: $0, user: context.user) }
            .map { (value: $0, label: names[$0] ?? $0) }
        if !makers.isEmpty {
            let add = PortalForm(
                id: "forward-add", action: "/forward-plan/entries", button: "Put the decision on the Forward Plan",
                fields: [
                    .init(name: "reference", label: "Reference", hint: "(for example FP-2018-07)"),
                    .init(name: "title", label: "The decision", kind: .textarea),
                    .init(name: "decision_maker", label: "Decision maker", kind: .select(makers)),
                    .init(name: "meeting", label: "Meeting", hint: "(the decision maker's meeting at which it is expected, for example CABINET-2018-02-07; leave empty when not yet fixed)"),
                    .init(name: "report", label: "Report", hint: "(its title, when known)"),
                    .init(name: "owner", label: "Report's owner", hint: "(their email address)", kind: .email),
                    .init(name: "owner_role", label: "Owner's title", hint: "(for example Director of Children's Services)"),
                    .init(name: "exempt", label: "Exempt paragraph", hint: "(the Schedule 12A paragraph, 1 to 7, when the papers are exempt)"),
                    .init(name: "published", label: "First published", hint: "(YYYY-MM-DD; leave empty when not yet on the plan)", kind: .date),
                ])
            values["addForm"] = add.values(csrf: csrf, problem: problem)
        }
        if let problem {
            values["errors"] = [problem.summary]
            values["hasErrors"] = true
        }
        return renderer.page(
            "forwardplan", title: "\(problem != nil ? "Error: " : "")Forward Plan of key decisions", section: .forwardPlan,
            context: context, status: problem?.status ?? .ok, values)
    }

    static func forwardSetForm(_ reference: String) -> PortalForm {
        PortalForm(
            id: forwardSetFormID(reference), action: "/forward-plan/entries/\(reference)", button: "Record the steps for \(reference)",
            fields: [
                .init(name: "chair_informed", label: "Scrutiny chair informed on", hint: "(general exception, reg 10)", kind: .date),
                .init(name: "exception_notice", label: "Notice of the decision published on", hint: "(general exception)", kind: .date),
                .init(name: "exception_reasons", label: "Reasons published on", hint: "(general exception)", kind: .date),
                .init(name: "urgency_by", label: "Urgency agreed by", hint: "(special urgency, reg 11: the scrutiny chair, or the council's chair or vice-chair)"),
                .init(name: "urgency_on", label: "Urgency agreed on", hint: "(special urgency)", kind: .date),
                .init(name: "urgency_reasons", label: "Notice of the reasons published on", hint: "(special urgency)", kind: .date),
            ],
            intro: "Only what is filled in is recorded; a field left empty keeps what the plan has.")
    }

    /// The field of the add form a refusal of the core is about.
    private static func forwardField(_ fields: [String]) -> (String) -> String {
        { message in
            let lowered = message.lowercased()
            if lowered.contains("already has an entry") { return "reference" }
            if lowered.hasPrefix("exempt") { return "exempt" }
            if lowered.contains("urgency_on") { return "urgency_by" }
            if lowered.hasPrefix("meeting") { return "meeting" }
            if lowered.contains("owner") || lowered.contains("email") { return fields.contains("owner") ? "owner" : "submit" }
            return fields.first { lowered.hasPrefix($0) } ?? "submit"
        }
    }

    static func exemptParagraph(_ values: [String: String], form: String) throws -> Int? {
        let text = (values["exempt"] ?? "").trimmed
        if text.isEmpty { return nil }
        guard let paragraph = Int(text) else {
            throw FormFailure(
                FormProblem(form: form, field: "exempt", message: "'\(text)' is not a paragraph: write the Schedule 12A paragraph as a number from 1 to 7.", values: values))
        }
        return paragraph
    }

    func addForwardPlanEntry(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let form = try await Self.readForm(request, maxBytes: maxBodyBytes)
        guard sessions.isValidForm(token: form["csrf"], request: request) else { throw Self.expiredForm }
        let formID = "forward-add"
        do {
            let reference = try Self.requiredText(form, "reference", message: "Enter the entry's reference.", form: formID)
            let title = try Self.requiredText(form, "title", message: "Enter the decision to be taken.", form: formID)
            let new = ForwardPlanService.NewEntry(
                reference: reference, title: title, decisionMaker: (form["decision_maker"] ?? "").trimmed,
                meetingID: (form["meeting"] ?? "").trimmed.nilIfBlank, reportTitle: (form["report"] ?? "").trimmed.nilIfBlank,
                reportOwner: (form["owner"] ?? "").trimmed.nilIfBlank, reportOwnerRole: (form["owner_role"] ?? "").trimmed.nilIfBlank,
                firstPublished: try Self.day(form, "published", label: "the day first published", form: formID, optional: true),
                exemptParagraph: try Self.exemptParagraph(form, form: formID))
            let fields = ["reference", "title", "decision_maker", "meeting", "report", "owner", "owner_role", "exempt", "published"]
            let added: ForwardPlanEntryDocument
            do {
                added = try await Self.write(form: formID, values: form, field: Self.forwardField(fields)) {
                    try await app.forwardPlan.add(new, as: context.user)
                }
            } catch let error as PortalError where new.meetingID != nil && error.status == .notFound {
                throw FormFailure(FormProblem(form: formID, field: "meeting", message: "There is no meeting \(new.meetingID ?? "").", values: form))
            }
            return Response(status: .seeOther, headers: [.location: "/forward-plan#\(added.reference)"])
        } catch let failed as FormFailure {
            return try await forwardPlanPage(context: context, problem: failed.problem)
        }
    }

    func setForwardPlanEntry(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await formRoute(
            request, context, parameter: "reference", page: { _, problem in try await forwardPlanPage(context: context, problem: problem) }
        ) { reference, form in
            let formID = Self.forwardSetFormID(reference)
            func day(_ field: String, _ label: String) throws -> LocalDate? {
                try Self.day(form, field, label: label, form: formID, optional: true)
            }
            var change = ForwardPlanService.Change()
            change.chairInformedOn = try day("chair_informed", "the day the scrutiny chair was informed")
            change.exceptionNoticeOn = try day("exception_notice", "the day the notice was published")
            change.exceptionReasonsOn = try day("exception_reasons", "the day the reasons were published")
            change.urgencyAgreedBy = (form["urgency_by"] ?? "").trimmed.nilIfBlank
            change.urgencyAgreedOn = try day("urgency_on", "the day urgency was agreed")
            change.urgencyReasonsOn = try day("urgency_reasons", "the day the reasons were published")
            let fields = ["chair_informed", "exception_notice", "exception_reasons", "urgency_by", "urgency_on", "urgency_reasons"]
            _ = try await Self.write(form: formID, values: form, field: Self.forwardField(fields)) {
                try await app.forwardPlan.update(reference, change, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/forward-plan#\(reference)"])
        }
    }
}
