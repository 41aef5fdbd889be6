import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// The meeting's life around its pack: the Forward Plan, notice of a private meeting, the minutes
/// with attendance and declarations, the secretary's clearance dashboard, and the executive
/// decisions register. Each page shows what the core's operations return to the visitor.
extension PortalRoutes {
    // MARK: The Forward Plan

    func forwardPlan(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await forwardPlanPage(context: context)
    }

    func forwardPlanRow(_ listing: ForwardPlanListing, names: [String: String], visible: Set<String>) -> [String: Any] {
        var row: [String: Any] = [
            "reference": listing.reference, "title": listing.title, "published": listing.published, "withheld": listing.details == nil,
        ]
        if let paragraph = listing.exemptParagraph { row["paragraph"] = "Schedule 12A, paragraph \(paragraph)" }
        // What the visitor may read: of an exempt entry, everything but the report's particulars.
        let entry = listing.particulars
        row["decisionMaker"] = names[entry.decisionMaker] ?? entry.decisionMaker
        if let meeting = entry.meeting, let date = entry.meetingDate {
            row["meeting"] = [
                "dateLong": PortalFormat.longDate(iso: date), "url": "/meetings/\(meeting)", "linked": visible.contains(entry.decisionMaker),
            ]
        }
        if let title = entry.reportTitle { row["reportTitle"] = title }
        if let role = entry.reportOwnerRole { row["ownerRole"] = role }
        row["firstPublished"] = entry.firstPublished.map(PortalFormat.longDate(iso:)) ?? "Not on the plan"
        row["notice"] = NoticeRoute.describe(route: entry.route, status: entry.status, checks: entry.checks)
        return row
    }

    func forwardPlanDocument(_ request: Request, _ context: PortalRequestContext, format: PackFormat) async throws -> Response {
        let data = try await Self.core { try await app.forwardPlan.publishedDocument(format: format, asOf: nil, as: context.user) }
        return DocumentResponse.make(data: data, format: format, fileName: "forward-plan-\(today).\(format.rawValue)", isExempt: false)
    }

    // MARK: The meeting's notices, minutes and dashboard

    /// What the meeting page shows beyond its agenda and pack, each part from its own operation.
    func meetingLife(_ view: MeetingViewDocument, context: PortalRequestContext, problem: FormProblem?) async throws -> [String: Any] {
        let id = view.meeting.id
        var values: [String: Any] = [:]
        if let notices = try await Self.core({ try await app.privateMeetings.publishedNotices(meeting: id, as: context.user) }) {
            var rows = PrivateNoticeRows.values(notices)
            if offers(.noticeGive, board: view.board.board.code, user: context.user) {
                rows["forms"] = noticeForms(notices, meetingID: id).map { $0.values(csrf: context.csrfToken, problem: problem) }
                rows["hasForms"] = true
            }
            if offers(.noticeUrgency, board: view.board.board.code, user: context.user) {
                rows["urgencyForm"] = Self.urgencyForm(notices, meetingID: id).values(csrf: context.csrfToken, problem: problem)
            }
            values["notices"] = rows
        }
        if let record = try await Self.core({ try await app.meetingRecords.publishedRecord(meeting: id, as: context.user) }) {
            var minutes = MinutesRows.values(record, meetingID: id, showsWarnings: view.board.seesDrafts)
            if let approvedAt = record.minutes.approvedAt, let date = approvedAt.split(separator: "-", maxSplits: 1).last {
                minutes["approvedAt"] = ["url": "/meetings/\(approvedAt)", "dateLong": PortalFormat.longDate(iso: String(date))]
            }
            values["minutes"] = minutes
        }
        if let record = try await recordForms(view, context: context, problem: problem) { values["record"] = record }
        if context.user != nil, let dashboard = try await clearanceDashboard(view, context: context, problem: problem) {
            values["dashboard"] = dashboard
        }
        return values
    }

    /// The key decision each agenda item carries, by item key, of the entries the visitor may read.
    func keyDecisionsByItem(meetingID: String, context: PortalRequestContext) async throws -> [String: String] {
        var found: [String: String] = [:]
        for listing in try await Self.core({ try await app.forwardPlan.publishedPlan(as: context.user) }) {
            for item in listing.details?.items ?? [] where item.hasPrefix(meetingID + " ") {
                found[String(item.dropFirst(meetingID.count + 1))] = listing.reference
            }
        }
        return found
    }

    /// The report clearance section: for the board's secretary and admins the whole dashboard,
    /// for anyone else signed in the reports whose next step they hold; nil when there is nothing
    /// for the visitor. Each report carries the forms for the steps the visitor holds.
    func clearanceDashboard(_ view: MeetingViewDocument, context: PortalRequestContext, problem: FormProblem?) async throws -> [String: Any]? {
        let meetingID = view.meeting.id
        let board = view.board.board.code
        var readiness: ReadinessDocument?
        do {
            readiness = try await app.clearance.readiness(meeting: meetingID, asOf: nil, as: context.user)
        } catch let error as ApplicationError where error.code == .notPermitted || error.code == .authenticationRequired {
            readiness = nil
        } catch let error as ApplicationError {
            throw PortalError(error)
        }
        var records: [ClearanceDocument] = []
        if let readiness {
            for report in readiness.reports {
                records.append(try await Self.core { try await app.clearance.record(meeting: meetingID, item: report.item, as: context.user) })
            }
        } else {
            for item in view.meeting.items ?? [] where item.submitted {
                guard let record = try? await app.clearance.record(meeting: meetingID, item: item.key, as: context.user) else { continue }
                if !Self.clearanceForms(record, board: board, user: context.user, meetingID: meetingID).isEmpty { records.append(record) }
            }
            if records.isEmpty { return nil }
        }
        let forms = records.map { record in
            Self.clearanceForms(record, board: board, user: context.user, meetingID: meetingID).map {
                $0.values(csrf: context.csrfToken, problem: problem)
            }
        }
        return ClearanceDashboardRows.values(readiness, records: records, forms: forms)
    }

    func minutesFile(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let file = try context.parameters.require("file")
        let parts = file.split(separator: ".")
        guard parts.count == 2, let part = PackPart(rawValue: String(parts[0])), let format = PackFormat(rawValue: String(parts[1])) else {
            throw PortalError.notFound()
        }
        do {
            let data = try await app.meetingRecords.minutesFile(meeting: id, part: part, format: format, as: context.user)
            return DocumentResponse.make(
                data: data, format: format, fileName: "\(id)-minutes-\(part.rawValue).\(format.rawValue)", isExempt: part == .exempt)
        } catch let error as ApplicationError where error.code == .authenticationRequired || error.code == .notPermitted {
            throw PortalError.forbidden(
                "These are the minutes of the exempt items (Part II). They are open only to the board's members, its secretary and administrators.",
                offerSignIn: error.code == .authenticationRequired)
        } catch let error as ApplicationError {
            throw PortalError(error)
        }
    }

    // MARK: Decisions

    func decisions(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await decisionsPage(context: context, problem: nil)
    }

    /// The register; with `problem`, the form to record a decision shows the error and what was sent.
    func decisionsPage(context: PortalRequestContext, problem: FormProblem?) async throws -> Response {
        let decisions = try await Self.core { try await app.decisions.register(as: context.user) }
        let names = try await Self.core { try await app.governance.boardNames(as: context.user) }
        var values: [String: Any] = ["decisions": decisions.map { DecisionRows.values($0, names: names) }, "hasDecisions": !decisions.isEmpty]
        if let form = recordDecisionForm(names: names, context: context) {
            values["recordForm"] = form.values(csrf: context.csrfToken, problem: problem)
        }
        if let problem {
            values["errors"] = [problem.summary]
            values["hasErrors"] = true
        }
        return renderer.page(
            "decisions", title: "\(problem != nil ? "Error: " : "")Executive decisions", section: .decisions, context: context,
            status: problem?.status ?? .ok, values)
    }

    func decision(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await decisionPage(try context.parameters.require("reference"), context: context, problem: nil)
    }

    /// A decision's page; with `problem`, the form it names shows the error and what was sent.
    func decisionPage(_ reference: String, context: PortalRequestContext, problem: FormProblem?) async throws -> Response {
        let decision = try await Self.core { try await app.decisions.registered(reference, as: context.user) }
        let names = try await Self.core { try await app.governance.boardNames(as: context.user) }
        let forms = decisionForms(decision, context: context).map { $0.values(csrf: context.csrfToken, problem: problem) }
        var values: [String: Any] = ["decision": DecisionRows.values(decision, names: names), "forms": forms, "hasForms": !forms.isEmpty]
        if let problem {
            values["errors"] = [problem.summary]
            values["hasErrors"] = true
        }
        return renderer.page(
            "decision", title: "\(problem == nil ? "" : "Error: ")Decision \(decision.reference): \(decision.title)", section: .decisions,
            context: context, status: problem?.status ?? .ok, values)
    }
}

/// A key decision's notice in words: the route it takes and what that route still needs.
enum NoticeRoute {
    static func describe(route: String?, status: String, checks: [NoticeCheckDocument]) -> [String: Any] {
        let label: String =
            switch route {
            case "forward_plan": status == "compliant" ? "28 clear days' notice given on the Forward Plan" : "Forward Plan (28 clear days' notice)"
            case "general_exception": "General exception (regulation 10): the 28 clear days' notice was not given"
            case "special_urgency": "Special urgency (regulation 11): the 28 clear days' notice was not given"
            default: "Not yet counted: the meeting is not fixed"
            }
        let needs = route == "forward_plan" && status == "compliant" ? [] : checks.map(NoticeRoute.check)
        return ["label": label, "needs": needs, "hasNeeds": !needs.isEmpty, "breached": status == "breached"]
    }

    /// One requirement: "tell the chair … (reg 10(1)(a)): late, given 21 November 2018, due 20 November 2018".
    static func check(_ check: NoticeCheckDocument) -> [String: Any] {
        let due = PortalFormat.longDate(iso: check.due)
        let given = check.given.map(PortalFormat.longDate(iso:)) ?? ""
        let state: String =
            switch check.status {
            case "given": "given \(given)"
            case "late": "late: given \(given), due \(due)"
            case "missing": "missing: was due \(due)"
            default: "due by \(due)"
            }
        var values: [String: Any] = [
            "summary": check.summary.prefix(1).uppercased() + check.summary.dropFirst(), "regulation": check.regulation, "state": state,
            "problem": check.status == "late" || check.status == "missing", "problems": check.problems.map { ["text": $0] },
        ]
        if let excuse = check.excuse { values["excuse"] = excuse }
        return values
    }
}

/// The notices of intention to meet in private, as the meeting page lists them.
enum PrivateNoticeRows {
    static func values(_ notices: PrivateNoticesDocument) -> [String: Any] {
        let given = [notices.first, notices.second]
        let rows: [[String: Any]] = notices.checks.enumerated().map { index, check in
            var row = NoticeRoute.check(check)
            row["heading"] = index == 0 ? "First notice (28 clear days before)" : "Second notice (5 clear days before)"
            if index < given.count, let notice = given[index] {
                row["reasons"] = notice.reasons
                row["representations"] = notice.representations.map { ["text": $0] }
                row["hasRepresentations"] = !notice.representations.isEmpty
                if let response = notice.response { row["response"] = response }
            }
            return row
        }
        var values: [String: Any] = ["checks": rows, "exemptItems": notices.exemptItems.map { ["text": $0] }]
        if let urgency = notices.urgency {
            values["urgency"] = [
                "agreedBy": urgency.agreedBy, "agreedOn": PortalFormat.longDate(iso: urgency.agreedOn),
                "reasonsPublishedOn": urgency.reasonsPublishedOn.map(PortalFormat.longDate(iso:)) ?? "",
            ]
        }
        return values
    }
}

/// Attendance, declarations and the minutes with their resolutions, people named by role.
enum MinutesRows {
    static func values(_ record: MeetingRecordView, meetingID: String, showsWarnings: Bool) -> [String: Any] {
        let attendance = record.attendance
        var roles: [String: String] = [:]
        for person in attendance.present + attendance.apologies + attendance.absent + attendance.substitutes.map(\.person) {
            roles[person.email.lowercased()] = person.role
        }
        let role = { (email: String) in roles[email.lowercased()] ?? "A member" }
        let people = { (list: [PersonDocument]) in list.map { ["role": $0.role] } }
        let titles = Dictionary(record.minutes.items.map { ($0.item, $0.title) }, uniquingKeysWith: { first, _ in first })
        let declarations: [[String: Any]] = record.declarations.map { declaration in
            var row: [String: Any] = [
                "member": role(declaration.member), "item": declaration.item, "itemTitle": titles[declaration.item] ?? "",
                "kind": interestKind(declaration.kind), "nature": declaration.nature,
                "leftRoom": declaration.leftRoom, "dispensation": declaration.dispensation,
            ]
            if showsWarnings, let warning = declaration.warning { row["warning"] = warning }
            return row
        }
        let items: [[String: Any]] = record.minutes.items.map { minute in
            var item: [String: Any] = [
                "number": minute.item, "title": minute.title, "text": minute.text,
                "withheld": minute.exemptParagraph != nil && !record.readsExempt,
                "resolutions": minute.resolutions.map(resolutionRow), "hasResolutions": !minute.resolutions.isEmpty,
            ]
            if let paragraph = minute.exemptParagraph { item["paragraph"] = "Schedule 12A, paragraph \(paragraph)" }
            return item
        }
        let hasExempt = record.minutes.items.contains { $0.exemptParagraph != nil }
        let base = "/meetings/\(meetingID)/minutes"
        var documents: [[String: Any]] = [["label": "Minutes, Part I (public)", "htmlURL": "\(base)/public.html", "pdfURL": "\(base)/public.pdf"]]
        if hasExempt && record.readsExempt {
            documents.append(
                ["label": "Minutes, Part II (exempt, not for publication)", "htmlURL": "\(base)/exempt.html", "pdfURL": "\(base)/exempt.pdf"])
        }
        return [
            "draft": record.isDraft, "items": items, "documents": documents,
            "present": people(attendance.present), "hasPresent": !attendance.present.isEmpty,
            "apologies": people(attendance.apologies), "hasApologies": !attendance.apologies.isEmpty,
            "absent": people(attendance.absent), "hasAbsent": !attendance.absent.isEmpty,
            "substitutes": attendance.substitutes.map { ["role": $0.person.role, "forRole": role($0.forMember)] },
            "hasSubstitutes": !attendance.substitutes.isEmpty,
            "quorate": attendance.quorate,
            "quorum": "\(attendance.votingPresent) voting member\(attendance.votingPresent == 1 ? "" : "s") present (substitutes included); "
                + "\(attendance.required) needed (quorum \(attendance.quorum) of \(attendance.membership))",
            "declarations": declarations, "hasDeclarations": !declarations.isEmpty,
        ]
    }

    static func resolutionRow(_ resolution: ResolutionDocument) -> [String: Any] {
        var row: [String: Any] = [
            "id": resolution.id, "anchor": anchor(resolution: resolution.id), "number": resolution.number, "wording": resolution.wording,
            "carried": resolution.carried,
        ]
        if let vote = resolution.vote {
            var text = "\(vote.inFavour) for, \(vote.against) against, \(vote.abstentions) abstention\(vote.abstentions == 1 ? "" : "s")"
            if let casting = vote.castingVote { text += "; the chair's casting vote \(casting)" }
            row["vote"] = text
        }
        return row
    }

    /// `OSC-2017-11-14/4.1` → `resolution-4-1`, the anchor of its row on its meeting's page.
    static func anchor(resolution id: String) -> String {
        let numbers = id.split(separator: "/").last.map(String.init) ?? id
        return "resolution-" + numbers.replacingOccurrences(of: ".", with: "-")
    }

    /// The page's link to a resolution: its meeting's page, at its row.
    static func link(resolution id: String) -> String {
        let meeting = id.split(separator: "/").first.map(String.init) ?? id
        return "/meetings/\(meeting)#\(anchor(resolution: id))"
    }

    static func interestKind(_ kind: String) -> String {
        switch kind {
        case "disclosable_pecuniary": "Disclosable pecuniary interest"
        case "other_registrable": "Other registrable interest"
        case "non_registrable": "Non-registrable interest"
        default: kind
        }
    }
}

/// Each report's way through clearance, step by step, with the due dates counted back from
/// publication.
enum ClearanceDashboardRows {
    /// With `readiness` (the secretary's view), the meeting's deadlines and what is late; without
    /// it, what each report's own record says.
    static func values(_ readiness: ReadinessDocument?, records: [ClearanceDocument], forms: [[[String: Any]]]) -> [String: Any] {
        let deadlines = readiness?.deadlines
        let byItem = Dictionary((readiness?.reports ?? []).map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        let reports: [[String: Any]] = zip(records, forms).map { record, forms in
            let report = byItem[record.item]
            let stage = ClearanceStage(rawValue: record.stage) ?? .draft
            let event = { (to: ClearanceStage) in record.history.last { $0.to == to.rawValue } }
            func step(_ label: String, _ reached: ClearanceStage, due: String?, reference: String? = nil) -> [String: Any] {
                // Every key is set: a missing one would be looked up in the report's row.
                let taken = stage >= reached ? event(reached) : nil
                return [
                    "label": label, "done": stage >= reached, "taken": taken != nil, "who": taken?.by ?? "",
                    "when": taken.map { PortalFormat.londonDate(ofInstant: $0.at).map(PortalFormat.date) ?? $0.at } ?? "",
                    "hasReference": reference != nil, "reference": reference ?? "",
                    "hasDue": due != nil, "due": due.map(PortalFormat.longDate(iso:)) ?? "",
                ]
            }
            var row: [String: Any] = [
                "item": record.item, "anchor": "clearance-\(record.item.htmlIDPart)", "title": report?.title ?? record.title,
                "stage": stage.label, "late": report?.late ?? record.late,
                "steps": [
                    step("Draft", .draft, due: nil),
                    step("Submitted for clearance", .submitted, due: deadlines?.draft),
                    step("Cleared by finance", .financeCleared, due: deadlines?.clearance, reference: record.finance?.reference),
                    step("Cleared by legal", .legalCleared, due: deadlines?.clearance, reference: record.legal?.reference),
                    step("Approved", .approved, due: deadlines?.approval),
                    step("In the pack", .inPack, due: deadlines?.pack),
                ],
                "forms": forms, "hasForms": !forms.isEmpty,
            ]
            if let waiting = (report?.waitingFor ?? record.waitingFor).flatMap(ClearanceStep.Kind.init(rawValue:)) {
                row["waiting"] = waiting.label.prefix(1).uppercased() + waiting.label.dropFirst()
            }
            if let due = report?.due ?? record.due { row["due"] = PortalFormat.longDate(iso: due) }
            if let holder = report?.holder ?? record.holder { row["holder"] = holder }
            if let days = report?.workingDaysLate { row["lateBy"] = "\(days) working day\(days == 1 ? "" : "s") late" }
            if let comment = record.returnComment { row["returnComment"] = comment }
            return row
        }
        var values: [String: Any] = [
            "reports": reports, "hasReports": !reports.isEmpty, "overview": readiness != nil,
            "heading": readiness != nil ? "Report clearance" : "Reports waiting for you",
            "headingID": readiness != nil ? "dashboard-heading" : "my-clearance-heading",
            "warnings": (readiness?.warnings ?? []).map { ["text": $0] }, "hasWarnings": !(readiness?.warnings ?? []).isEmpty,
        ]
        if let deadlines {
            values["deadlines"] = [
                "draft": PortalFormat.longDate(iso: deadlines.draft), "clearance": PortalFormat.longDate(iso: deadlines.clearance),
                "approval": PortalFormat.longDate(iso: deadlines.approval), "pack": PortalFormat.longDate(iso: deadlines.pack),
            ]
        }
        return values
    }
}

/// An executive decision as the register lists it.
enum DecisionRows {
    static func values(_ decision: DecisionDocument, names: [String: String]) -> [String: Any] {
        let implementation = decision.implementation
        let from = implementation.from.map(PortalFormat.longDate(iso:)) ?? ""
        let until = implementation.until.map(PortalFormat.longDate(iso:)) ?? ""
        let (state, when): (String, String) =
            switch implementation.state {
            case "awaiting_publication": ("Not yet published", "After the call-in period that follows publication")
            case "in_call_in_period": ("Call-in period running", "From \(from), unless called in by the end of \(until)")
            case "suspended":
                implementation.referredBack
                    ? ("Called in: referred back", "Suspended until the decision maker reconsiders it")
                    : ("Called in: suspended", until.isEmpty ? "Suspended until scrutiny hears the call-in" : "Suspended until the hearing on \(until)")
            default:
                implementation.immediately
                    ? ("Implementable", "Immediately (urgent: \(decision.urgencyReason ?? "")); call-in waived")
                    : ("Implementable", "From \(from)")
            }
        var values: [String: Any] = [
            "reference": decision.reference, "url": "/decisions/\(decision.reference)", "title": decision.title,
            "decisionMaker": names[decision.decisionMaker] ?? decision.decisionMaker, "decidedOn": PortalFormat.longDate(iso: decision.decidedOn),
            "publishedOn": decision.publishedOn.map(PortalFormat.longDate(iso:)) ?? "Not yet published",
            "callInEnds": decision.callInEnds.map(PortalFormat.longDate(iso:)) ?? (decision.urgent ? "None: urgent, call-in waived" : "After publication"),
            "state": state, "implementation": when, "calledIn": decision.callIn != nil,
        ]
        if let callIn = decision.callIn {
            let outcome: String =
                switch callIn.outcome {
                case "no_further_action": "No further action: the decision may be implemented"
                case "referred_back": "Referred back to the decision maker"
                default: "Not yet heard"
                }
            values["callIn"] = [
                "requestedOn": PortalFormat.longDate(iso: callIn.requestedOn), "reason": callIn.reason,
                "hearing": callIn.hearingDate.map(PortalFormat.longDate(iso:)) ?? "Not yet fixed", "outcome": outcome,
            ]
        }
        return values
    }
}
