import Foundation
import Hummingbird
import QuorumApplication
import QuorumDomain
import QuorumWire

/// The board's secretary records the meeting from its page: attendance, declarations of interest,
/// and the approval of the previous meeting's minutes, each through one operation of the core's
/// `MeetingRecordService`, which checks who may and what is valid.
extension PortalRoutes {
    // MARK: Attendance, declarations, minutes

    static let attendanceChoices: [(value: String, label: String)] = [
        ("present", "Present"), ("apologies", "Apologies"), ("substitute", "Sent a substitute"), ("absent", "Absent"),
    ]

    static func attendanceFormID(_ email: String) -> String { "attendance-\(email.lowercased().htmlIDPart)" }

    /// What the secretary records at the meeting: a form per member of the board for their
    /// attendance, one for a declaration of interest, and the approval of the previous minutes.
    func recordForms(_ view: MeetingViewDocument, context: PortalRequestContext, problem: FormProblem?) async throws -> [String: Any]? {
        let board = view.board.board.code
        let id = view.meeting.id
        guard offers(.attendanceRecord, board: board, user: context.user) else { return nil }
        let attendance = try await Self.core { try await app.meetingRecords.attendance(id, as: context.user) }
        var status: [String: String] = [:]
        for (list, value) in [(attendance.present, "present"), (attendance.apologies, "apologies"), (attendance.absent, "absent")] {
            for person in list { status[person.email.lowercased()] = value }
        }
        var substitutes: [String: PersonDocument] = [:]
        for substitute in attendance.substitutes { substitutes[substitute.forMember.lowercased()] = substitute.person }
        let members = attendance.present + attendance.apologies + attendance.absent
        let ordered = ([view.board.board.chair] + view.board.board.members).compactMap { person in
            members.first { $0.email.lowercased() == person.email.lowercased() }
        }
        var seen = Set<String>()
        let people = (ordered + members).filter { seen.insert($0.email.lowercased()).inserted }
        let csrf = context.csrfToken
        let attendanceForms: [[String: Any]] = people.map { person -> [String: Any] in
            let email = person.email.lowercased()
            let substitute = substitutes[email]
            let form = PortalForm(
                id: Self.attendanceFormID(person.email), action: "/meetings/\(id)/attendance", button: "Record for the \(person.role)",
                hidden: [("member", person.email)],
                fields: [
                    .init(name: "status", label: "The \(person.role)", kind: .radios(Self.attendanceChoices),
                          initial: substitute != nil ? "substitute" : status[email] ?? "absent"),
                    .init(name: "substitute", label: "Substitute's email", hint: "(when they sent a substitute)", kind: .email,
                          initial: substitute?.email ?? "", autocomplete: "off"),
                    .init(name: "substitute_role", label: "Substitute's title", hint: "(for example Substitute Councillor)",
                          initial: substitute?.role ?? ""),
                ])
            return form.values(csrf: csrf, problem: problem)
        }
        var sitting: [(value: String, label: String)] = people.map { (value: $0.email, label: $0.role) }
        sitting += attendance.substitutes.map { (value: $0.person.email, label: "\($0.person.role) (substitute)") }
        let items: [(value: String, label: String)] = (view.meeting.items ?? []).map { (value: String($0.number), label: "\($0.number). \($0.title)") }
        let kinds: [(value: String, label: String)] = ["disclosable_pecuniary", "other_registrable", "non_registrable"].map {
            (value: $0, label: MinutesRows.interestKind($0))
        }
        let declaration = PortalForm(
            id: "declaration", action: "/meetings/\(id)/declarations", button: "Record the declaration",
            fields: [
                .init(name: "item", label: "Agenda item", kind: .select(items)),
                .init(name: "member", label: "Member", kind: .select(sitting)),
                .init(name: "kind", label: "Kind of interest", kind: .select(kinds)),
                .init(name: "nature", label: "Nature of the interest", hint: "(for example Governor of a school named in the report)"),
                .init(name: "left", label: "They left the room for the item", kind: .checkbox),
                .init(name: "dispensation", label: "They hold a dispensation", kind: .checkbox),
            ])
        var values: [String: Any] = [
            "attendanceForms": attendanceForms, "declarationForm": declaration.values(csrf: csrf, problem: problem),
            "hasItems": !items.isEmpty,
        ]
        if let minutes = try await minutesForms(view, items: items, context: context, problem: problem) { values["minutesForms"] = minutes }
        if let previous = try await previousDraftMinutes(view, context: context) {
            let approve = PortalForm(
                id: "approve-minutes", action: "/meetings/\(id)/approve-minutes",
                button: "Approve the minutes of \(PortalFormat.longDate(iso: previous.date))", hidden: [("minutes_of", previous.id)],
                intro: "The draft minutes of the board's previous meeting, taken under \"Minutes of the previous meeting\".")
            values["approveForm"] = approve.values(csrf: csrf, problem: problem)
            values["previous"] = ["url": "/meetings/\(previous.id)", "dateLong": PortalFormat.longDate(iso: previous.date)]
        }
        return values
    }

    /// The board's meeting before this one, when its minutes are recorded and still a draft.
    private func previousDraftMinutes(_ view: MeetingViewDocument, context: PortalRequestContext) async throws -> (id: String, date: String)? {
        guard let date = LocalDate(iso: view.meeting.date) else { return nil }
        let meetings = try await Self.core {
            try await app.governance.calendar(from: nil, to: nil, boards: [view.board.board.code], as: context.user)
        }
        let dates = meetings.compactMap { LocalDate(iso: $0.meeting.date) }
        guard let previous = Minutes.previousMeeting(before: date, in: dates),
            let meeting = meetings.first(where: { $0.meeting.date == previous.description })?.meeting,
            let record = try await Self.core({ try await app.meetingRecords.publishedRecord(meeting: meeting.id, as: context.user) }),
            record.isDraft, !record.minutes.items.isEmpty
        else { return nil }
        return (meeting.id, meeting.date)
    }

    func recordAttendance(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            guard let member = form["member"], !member.isEmpty else {
                throw PortalError.badRequest("The form did not say which member it is for.")
            }
            let formID = Self.attendanceFormID(member)
            let status = try Self.requiredText(form, "status", message: "Choose whether they were present, sent apologies or a substitute, or were absent.", form: formID)
            func write(_ body: () async throws -> AttendanceDocument) async throws {
                _ = try await Self.write(form: formID, values: form, field: { $0.contains("status") ? "status" : "substitute" }, body)
            }
            if status == "substitute" {
                let substitute = try Self.requiredText(form, "substitute", message: "Enter the substitute's email address.", form: formID)
                let role = (form["substitute_role"] ?? "").trimmed.nilIfBlank
                let now = try await Self.core { try await app.meetingRecords.attendance(id, as: context.user) }
                let wasPresent = now.present.contains { $0.email.lowercased() == member.lowercased() }
                // Nobody sits for a member who was present: their apologies come first, and are
                // put back as they were if the substitute is refused.
                if wasPresent { try await write { try await app.meetingRecords.recordAttendance(id, member: member, status: "apologies", as: context.user) } }
                do {
                    try await write {
                        try await app.meetingRecords.recordSubstitute(id, substitute: substitute, role: role, for: member, as: context.user)
                    }
                } catch {
                    if wasPresent { _ = try? await app.meetingRecords.recordAttendance(id, member: member, status: "present", as: context.user) }
                    throw error
                }
                if !wasPresent && !now.apologies.contains(where: { $0.email.lowercased() == member.lowercased() }) {
                    try await write { try await app.meetingRecords.recordAttendance(id, member: member, status: "apologies", as: context.user) }
                }
            } else {
                try await write { try await app.meetingRecords.recordAttendance(id, member: member, status: status, as: context.user) }
            }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#\(formID)"])
        }
    }

    func declareInterest(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            let formID = "declaration"
            let nature = try Self.requiredText(form, "nature", message: "Enter the nature of the interest.", form: formID)
            _ = try await Self.write(
                form: formID, values: form,
                field: { message in
                    if message.hasPrefix("kind") { return "kind" }
                    if message.contains("item") { return "item" }
                    return message.contains("nature") ? "nature" : "member"
                }
            ) {
                try await app.meetingRecords.declare(
                    id, item: form["item"] ?? "", member: form["member"] ?? "", kind: form["kind"] ?? "", nature: nature,
                    leftRoom: form["left"] == "yes", dispensation: form["dispensation"] == "yes", as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(id)#record-heading"])
        }
    }

    func approveMinutes(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        try await meetingForm(request, context) { id, form in
            let minutesOf = (form["minutes_of"] ?? "").trimmed.nilIfBlank
            let approved = try await Self.write(form: "approve-minutes", values: form, field: { _ in "submit" }) {
                try await app.meetingRecords.approveMinutes(at: id, minutesOf: minutesOf, as: context.user)
            }
            return Response(status: .seeOther, headers: [.location: "/meetings/\(approved.meeting)#minutes-heading"])
        }
    }
}
