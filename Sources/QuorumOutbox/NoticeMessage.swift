import Foundation
import QuorumDelivery
import QuorumDomain
import QuorumStorage

/// A notice as its template and its webhook event see it.
enum NoticeMessage {
    /// The template context (the names the shipped templates use; Notifications/README.md).
    static func context(of notice: Notice, sentOn: LocalDate) -> [String: TemplateValue] {
        var context: [String: TemplateValue] = ["recipient_name": .string(notice.recipient.role)]
        if let report = notice.report {
            context["report_title"] = .string(report.title)
            context["board_name"] = .string(report.boardName)
            context["board_code"] = .string(report.boardCode)
            context["month"] = .string(monthText(report.month))
            if let date = report.meetingDate { context["meeting_date"] = .string(longDate(date)) }
            if let date = report.draftDue { context["draft_due"] = .string(longDate(date)) }
            if let date = report.publishBy { context["publish_by"] = .string(longDate(date)) }
            let left = report.workingDaysLeft ?? 0
            context["days_left"] = .int(max(left, 0))
            context["days_left_text"] = .string(plural(max(left, 0), "working day"))
            context["due_today"] = .bool(left == 0)
            context["days_late"] = .int(max(-left, 0))
            context["late_by"] = .string(plural(max(-left, 0), "working day"))
            if let secretary = notice.cc.first {
                context["secretary_name"] = .string(secretary.role)
                context["secretary_email"] = .string(secretary.email)
            }
        }
        if notice.kind == .actionDigest {
            let overdue = notice.actions.filter { $0.state == .overdue }
            let due = notice.actions.filter { $0.state == .due }
            context["as_of"] = .string(notice.dueDate.map { longDate($0) } ?? "")
            context["overdue_count"] = .int(overdue.count)
            context["due_count"] = .int(due.count)
            context["has_overdue"] = .bool(!overdue.isEmpty)
            context["has_due"] = .bool(!due.isEmpty)
            context["escalated"] = .bool(!notice.cc.isEmpty)
            if let secretary = notice.cc.first { context["secretary_name"] = .string(secretary.role) }
            context["example_ref"] = .string(notice.actions.first?.ref ?? "1.1.1")
            context["overdue"] = .list(overdue.map { item(of: $0, asOf: notice.dueDate) })
            context["due"] = .list(due.map { item(of: $0, asOf: notice.dueDate) })
            // Listed only because no update came within the action's update frequency.
            let updateDue = notice.actions.filter { $0.state != .overdue && $0.state != .due && $0.updateDue != nil }
            context["has_update_due"] = .bool(!updateDue.isEmpty)
            context["update_due_count"] = .int(updateDue.count)
            context["update_due"] = .list(updateDue.map { item(of: $0, asOf: notice.dueDate) })
        }
        if let signIn = notice.signIn {
            context["link"] = .string(signIn.url)
            context["minutes"] = .int(signIn.minutes)
        }
        if let clearance = notice.clearance {
            context["report_title"] = .string(clearance.title)
            context["board_name"] = .string(clearance.boardName)
            context["board_code"] = .string(clearance.boardCode)
            context["meeting_date"] = .string(longDate(clearance.meetingDate))
            context["publish_by"] = .string(longDate(clearance.publishBy))
            context["step"] = .string(clearance.step.label)
            context["due"] = .string(longDate(clearance.due))
            context["days_late"] = .int(clearance.workingDaysLate)
            context["late_by"] = .string(plural(clearance.workingDaysLate, "working day"))
            context["clearance_command"] = .string("quorum clearance get \(clearance.meetingID) \(clearance.itemKey)")
            context["nobody_holds"] = .bool(clearance.unheldRole != nil)
            context["unheld_role"] = .string(clearance.unheldRole?.rawValue ?? "")
        }
        if let pack = notice.pack {
            context["board_name"] = .string(pack.boardName)
            context["board_code"] = .string(pack.boardCode)
            context["meeting_date"] = .string(longDate(pack.meetingDate))
            context["meeting_time"] = .string(pack.meetingTime.description)
            context["venue"] = .string(pack.venue)
            context["pack_id"] = .string(pack.packID)
            context["version"] = .int(Int(pack.packID.split(separator: "v").last.flatMap { Int($0) } ?? 1))
            context["published_on"] = .string(longDate(sentOn))
            context["publish_by"] = .string(longDate(pack.publishBy))
            context["download_command"] = .string("quorum pack get \(pack.packID) --format pdf -o pack.pdf")
            context["has_exempt"] = .bool(pack.hasExemptPart)
            context["exempt_command"] = .string("quorum pack get \(pack.packID) --format pdf --part exempt -o exempt.pdf")
            context["late"] = .bool(pack.isLate)
            context["late_reason"] = pack.lateReason.map { .string($0) } ?? .null
        }
        return context
    }

    private static func item(of action: ActionReminder, asOf: LocalDate?) -> TemplateValue {
        var fields: [String: TemplateValue] = [
            "ref": .string(action.ref),
            "action": .string(action.text),
            "review_date": .string(action.reviewDate.map { longDate($0, weekday: false) } ?? "Ongoing"),
            "days_overdue": .int(action.daysOverdue),
            "overdue_by": .string(plural(action.daysOverdue, "day")),
        ]
        if let updateDue = action.updateDue {
            fields["update_due_on"] = .string(longDate(updateDue, weekday: false))
        }
        if let asOf, let reviewDate = action.reviewDate {
            let days = asOf.days(until: reviewDate)
            fields["due_in"] = .string(days == 0 ? "today" : "in \(plural(days, "day"))")
        }
        if let update = action.latestUpdate {
            fields["latest_update"] = .string(update.text)
            fields["latest_update_on"] = .string(longDate(update.date, weekday: false))
        }
        return .object(fields)
    }

    /// The webhook event body, as the Standard Webhooks specification shapes it.
    /// A notice's event carries the notice; a governance event carries itself, with its `id`.
    static func webhookBody(of message: OutboxMessage, event: String, at instant: Date) -> Data {
        struct Event<Payload: Encodable>: Encodable {
            let type: String
            let timestamp: String
            let data: Payload
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let stamp = ISO8601DateFormatter().string(from: instant)
        let body: Data? =
            switch message {
            case .notice(let notice): try? encoder.encode(Event(type: event, timestamp: stamp, data: notice))
            case .event(let payload): try? encoder.encode(Event(type: event, timestamp: stamp, data: payload))
            }
        return body ?? Data("{}".utf8)
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// "Wednesday 1 November 2017", as council letters write dates.
    static func longDate(_ date: LocalDate, weekday: Bool = true) -> String {
        "\(weekday ? date.weekday.name + " " : "")\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    static func monthText(_ month: YearMonth) -> String { "\(months[month.month - 1]) \(month.year)" }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
